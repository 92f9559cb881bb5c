# The import id is the sync's id.
terraform import amplitude_sync.tier 8c1e6f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6
