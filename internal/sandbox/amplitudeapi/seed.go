package amplitudeapi

import "time"

// The project's Basic credentials, the Basic-auth half of the sandbox's
// credentials (open point: Sandbox credentials, x-modelled in
// api/amplitude-developer.openapi.yaml, names the project and its Developer
// API tokens). They are public on purpose: the sandbox only listens on
// loopback and holds no real data.
const (
	APIKey    = "sandbox-api-key"
	SecretKey = "sandbox-secret-key"
)

// seed is what the sandbox starts from and returns to on reset: the
// sources a real project would already have, and no syncs.
func seed(now time.Time) state {
	return state{
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
