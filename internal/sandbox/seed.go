package sandbox

import "time"

// Fixed credentials of the seeded accounts. They are public on purpose: the
// sandbox only listens on loopback and holds no real data.
const (
	AmplitudeAPIKey    = "sandbox-api-key"
	AmplitudeSecretKey = "sandbox-secret-key"

	BrazeAdminKey   = "sandbox-braze-admin-key"
	BrazeAdminKeyID = "5a4d3c2b-1a00-4000-8000-00000000a001"
	BrazeAppID      = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
)

// seed is the state the sandbox starts from and returns to on reset: the
// objects a real project and workspace would already have.
func seed(now time.Time) *state {
	return &state{
		UserProperties: []userProperty{
			{Name: "plan", Description: "Subscription plan", Type: "string"},
			{Name: "country", Description: "Country of residence", Type: "string"},
			{Name: "ltv", Description: "Lifetime value in USD", Type: "number"},
		},
		Events: []event{
			{Name: "Purchase"},
			{Name: "Sign Up"},
			{Name: "Add to Cart"},
		},
		Computations: []computation{
			{ID: "cmp_ltv_90d", Name: "LTV, last 90 days"},
			{ID: "cmp_sessions_7d", Name: "Sessions, last 7 days"},
		},
		Recommendations: []recommendation{
			{ID: "rec_top_products", Name: "Top products"},
		},
		Cohorts: []cohort{
			{ID: "coh_power_users", Name: "Power users"},
			{ID: "coh_churn_risk", Name: "Churn risk"},
		},
		APIKeys: []apiKey{{
			ID:          BrazeAdminKeyID,
			Name:        "sandbox admin",
			Secret:      BrazeAdminKey,
			Permissions: validPermissions(),
			AllowedIPs:  []string{},
			CreatedAt:   now,
		}},
		BrazeApps: []brazeApp{
			{ID: BrazeAppID, Name: "Sandbox app", Platform: "web"},
		},
		CustomAttributes: []customAttribute{
			{Name: "plan", DataType: "String"},
			{Name: "country", DataType: "String"},
		},
	}
}
