package brazeapi

import (
	"slices"
	"time"
)

// The seeded workspace's credentials, the sandbox's own as the Amplitude
// halves' are (open point: Sandbox credentials, x-modelled in
// api/amplitude-developer.openapi.yaml, names those). They are public on
// purpose: the sandbox only listens on loopback and holds no real data.
const (
	// AdminKey is the secret of a REST key holding every permission,
	// api_keys.* included; AdminKeyID is its id.
	AdminKey   = "sandbox-braze-admin-key"
	AdminKeyID = "5a4d3c2b-1a00-4000-8000-00000000a001"
	// AppID is the identifier of the workspace's one app.
	AppID = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
)

// seed is the workspace the sandbox starts from and returns to on reset:
// the objects a real workspace would already have.
func seed(now time.Time) state {
	return state{
		APIKeys: []apiKey{{
			ID:          AdminKeyID,
			Name:        "sandbox admin",
			Secret:      AdminKey,
			Permissions: slices.Clone(Permissions),
			AllowedIPs:  []string{},
			CreatedAt:   now,
		}},
		Apps: []app{
			{ID: AppID, Name: "Sandbox app", Platform: "web"},
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

func ptr[T any](v T) *T { return &v }
