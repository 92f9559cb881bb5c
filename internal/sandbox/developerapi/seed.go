package developerapi

import "time"

// The seeded project's credentials (open point: Sandbox credentials,
// x-modelled in api/amplitude-developer.openapi.yaml). They are public on
// purpose: the sandbox only listens on loopback and holds no real data.
const (
	// AdminToken is a Personal Access Token with every scope the providers
	// use; ReadOnlyToken has the read scopes only. Any token may be sent as
	// "Bearer PAT=<token>" or "Bearer <token>" (open point: PAT header form).
	AdminToken    = "amp_sandbox_admin"
	ReadOnlyToken = "amp_sandbox_readonly"
	// EditorToken is a teammate's token that may manage the tracking plan
	// only: another principal, whose Idempotency-Keys are its own. The open
	// point names two tokens; this third one is for the tests.
	EditorToken = "amp_sandbox_editor"
	// ProjectID is the id of the sandbox's one Amplitude project, the
	// {project_id} of the project paths.
	ProjectID = "424242"
)

// seed is the project the sandbox starts from and returns to on reset: the
// objects a real project would already have.
func seed(now time.Time) state {
	projectCreated := now.Add(-90 * 24 * time.Hour).Truncate(time.Hour)
	return state{
		Project: project{
			ID:          ProjectID,
			Name:        "Production",
			Description: "The Amplitude project the sandbox emulates",
			CreatedAt:   projectCreated,
			UpdatedAt:   projectCreated,
		},
		// country is one of Amplitude's default properties
		// (amplitude.com/docs/get-started/user-property-definitions);
		// referral_source has data, but the tracking plan does not hold it.
		UserProperties: []userProperty{
			{taxonomyProperty: seededProperty("country", seededMetadata("string")), AmplitudeDefault: true},
			{taxonomyProperty: seededProperty("ltv", propertyMetadata{
				Description: ptr("Lifetime value in USD"), DataType: ptr("number"), EnumValues: []string{}, Classifications: []string{"REVENUE"},
			})},
			{taxonomyProperty: seededProperty("plan", propertyMetadata{
				Description: ptr("Subscription plan"), DataType: ptr("string"), EnumValues: []string{}, Classifications: []string{},
			})},
			{taxonomyProperty: taxonomyProperty{Name: "referral_source", propertyMetadata: seededMetadata("string")}},
		},
		// Every seeded event is live: it has data. currency has data too,
		// but the tracking plan does not hold it.
		Events: []event{
			seededEvent("Add to Cart"),
			seededEvent("Purchase"),
			seededEvent("Sign Up"),
		},
		EventProperties: []eventProperty{
			{EventType: "Purchase", taxonomyProperty: taxonomyProperty{Name: "currency", propertyMetadata: seededMetadata("string")}},
			{EventType: "Purchase", taxonomyProperty: seededProperty("price", seededMetadata("number"))},
		},
	}
}

func seededEvent(eventType string) event {
	return event{EventType: eventType, DisplayName: eventType, IsActive: true}
}

// seededProperty is a property in the tracking plan.
func seededProperty(name string, m propertyMetadata) taxonomyProperty {
	return taxonomyProperty{Name: name, propertyMetadata: m, InSchema: true}
}

func seededMetadata(dataType string) propertyMetadata {
	return propertyMetadata{DataType: &dataType, EnumValues: []string{}, Classifications: []string{}}
}
