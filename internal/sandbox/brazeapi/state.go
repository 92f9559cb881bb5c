package brazeapi

import (
	"time"
)

// The seeded workspace's credentials. They are public on purpose: the
// sandbox only listens on loopback and holds no real data.
const (
	// AdminKey is the secret of a REST key holding every permission,
	// api_keys.* included; AdminKeyID is its id.
	AdminKey   = "sandbox-braze-admin-key"
	AdminKeyID = "5a4d3c2b-1a00-4000-8000-00000000a001"
	// AppID is the identifier of the workspace's one app, the kind of id a
	// Braze destination's config.app_id names.
	AppID = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
)

// state is the Braze workspace: everything the sandbox remembers of it.
//
// The slices an object holds (a segment's tags, a key's permissions) are
// replaced, never changed in place, so a view built under the store's lock
// may share them after it is released. Scalar fields, such as a key's
// last_seen_at, may be set in place under the lock.
type state struct {
	APIKeys []apiKey `json:"api_keys"`
	// CustomAttributes and CustomEvents are kept in the order Braze lists
	// them (compareNames).
	CustomAttributes []customAttribute `json:"custom_attributes"`
	CustomEvents     []customEvent     `json:"custom_events"`
	// Segments are kept in creation order.
	Segments []segment `json:"segments"`
}

// Seed makes the workspace the sandbox starts from and returns to on
// reset: the objects a real workspace would already have.
func (st *state) Seed(now time.Time) {
	daysAgo := func(days int) time.Time { return now.Add(-time.Duration(days) * 24 * time.Hour).Truncate(time.Hour) }
	plan := "Subscription plan"
	*st = state{
		APIKeys: []apiKey{{
			ID: AdminKeyID, Name: "sandbox admin", Secret: AdminKey,
			Permissions: Permissions(), AllowedIPs: []string{}, CreatedAt: now,
		}},
		CustomAttributes: []customAttribute{
			{Name: "country", DataType: "String"},
			{Name: "plan", DataType: "String", Description: &plan},
		},
		CustomEvents: []customEvent{
			{Name: "Purchase", IncludedInAnalyticsReport: true},
			{Name: "Sign Up"},
		},
		Segments: []segment{
			{ID: "8d0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01", Name: "All users", Tags: []string{}, CreatedAt: daysAgo(60)},
			{ID: "8d0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a02", Name: "Old test", Tags: []string{"test"}, Archived: true, CreatedAt: daysAgo(45)},
			{
				ID: "8d0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a03", Name: "Lapsed purchasers", Tags: []string{"retention"},
				AnalyticsTrackingEnabled: true, CreatedAt: daysAgo(30),
			},
		},
	}
}

// Count counts the objects for GET /_sandbox/stats.
func (st *state) Count(counts map[string]int) {
	counts["api_keys"] = len(st.APIKeys)
	counts["custom_attributes"] = len(st.CustomAttributes)
}
