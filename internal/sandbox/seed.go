package sandbox

import (
	"slices"
	"time"
)

// Fixed credentials of the seeded accounts. They are public on purpose: the
// sandbox only listens on loopback and holds no real data.
const (
	AmplitudeAPIKey    = "sandbox-api-key"
	AmplitudeSecretKey = "sandbox-secret-key"

	// DeveloperAPIAdminToken is a Personal Access Token of the Developer API
	// with every scope the providers use; DeveloperAPIReadOnlyToken has the
	// read scopes only. Any token may be sent as "Bearer PAT=<token>" or
	// "Bearer <token>".
	DeveloperAPIAdminToken    = "amp_sandbox_admin"
	DeveloperAPIReadOnlyToken = "amp_sandbox_readonly"
	// DeveloperAPIEditorToken is a teammate's token that may manage the
	// tracking plan only: another principal, whose Idempotency-Keys are its
	// own.
	DeveloperAPIEditorToken = "amp_sandbox_editor"
	// AmplitudeProjectID is the id of the sandbox's one Amplitude project,
	// the {project_id} of the Developer API's project paths.
	AmplitudeProjectID = "424242"

	BrazeAdminKey   = "sandbox-braze-admin-key"
	BrazeAdminKeyID = "5a4d3c2b-1a00-4000-8000-00000000a001"
	BrazeAppID      = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
)

// seed is the state the sandbox starts from and returns to on reset: the
// objects a real project and workspace would already have.
func seed(now time.Time) *state {
	projectCreated := now.Add(-90 * 24 * time.Hour).Truncate(time.Hour)
	return &state{
		Project: project{
			ID:          AmplitudeProjectID,
			Name:        "Sandbox project",
			Description: "The Amplitude project the sandbox emulates",
			CreatedAt:   projectCreated,
			UpdatedAt:   projectCreated,
		},
		// country is one of Amplitude's default properties; referral_source
		// has data, but the tracking plan does not hold it.
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
		Computations: []computation{
			{ID: "cmp_ltv_90d", Name: "cmp_ltv_90d", Type: "number"},
			{ID: "cmp_sessions_7d", Name: "cmp_sessions_7d", Type: "number"},
		},
		Recommendations: []recommendation{
			{ID: "rec_top_products", Name: "Top products"},
		},
		Cohorts: []cohort{
			seededCohort(now, "coh_power_users", "Power users", "Active on 20 or more of the last 30 days", 18_250),
			seededCohort(now, "coh_churn_risk", "Churn risk", "Paying users inactive for 14 days", 3_120),
		},
		APIKeys: []apiKey{{
			ID:          BrazeAdminKeyID,
			Name:        "sandbox admin",
			Secret:      BrazeAdminKey,
			Permissions: slices.Clone(BrazeRESTPermissions),
			AllowedIPs:  []string{},
			CreatedAt:   now,
		}},
		BrazeApps: []brazeApp{
			{ID: BrazeAppID, Name: "Sandbox app", Platform: "web"},
		},
		CustomAttributes: []customAttribute{
			{Name: "country", DataType: "String"},
			{Name: "plan", DataType: "String", Description: ptr("Subscription plan")},
		},
		CustomEvents: []customEvent{
			{Name: "Purchase", IncludedInAnalyticsReport: true},
			{Name: "Sign Up"},
		},
		Segments: []segment{
			seededSegment(now, 60, "8d0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01", "All users", false, []string{}),
			{
				ID: "8d0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a02", Name: "Old test", Tags: []string{"test"}, Archived: true,
				CreatedAt: now.Add(-45 * 24 * time.Hour).Truncate(time.Hour),
			},
			seededSegment(now, 30, "8d0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a03", "Lapsed purchasers", true, []string{"retention"}),
		},
	}
}

// seededSegment is a listed segment made daysAgo days before the seed.
func seededSegment(now time.Time, daysAgo int, id, name string, tracked bool, tags []string) segment {
	return segment{
		ID: id, Name: name, AnalyticsTrackingEnabled: tracked, Tags: tags,
		CreatedAt: now.Add(-time.Duration(daysAgo) * 24 * time.Hour).Truncate(time.Hour),
	}
}

// seededCohort is a cohort made a month before the seed and last computed an
// hour before it, on the hour.
func seededCohort(now time.Time, id, name, description string, size int64) cohort {
	created := now.Add(-30 * 24 * time.Hour).Truncate(time.Hour)
	return cohort{
		ID:           id,
		Name:         name,
		Description:  description,
		Size:         size,
		Owners:       []string{"owner@sandbox.example"},
		CreatedAt:    created,
		LastMod:      created.Add(2 * time.Hour),
		LastComputed: now.Add(-time.Hour).Truncate(time.Hour),
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

func ptr[T any](v T) *T { return &v }
