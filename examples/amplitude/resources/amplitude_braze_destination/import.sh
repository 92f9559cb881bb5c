# The import id is the destination's id, which Amplitude assigns (the Developer
# API's GET /v1/projects/{project_id}/destinations lists them). Amplitude never
# returns the Braze API key, so the first apply after an import sends the
# configured key once.
terraform import amplitude_braze_destination.stream 3b0f6c1e-2a4d-4e8f-9b7c-5d1a2e3f4b6c
