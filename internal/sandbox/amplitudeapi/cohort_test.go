package amplitudeapi_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

type cohortsBody struct {
	Cohorts []map[string]any `json:"cohorts"`
}

func (f *fixture) cohorts(query string) cohortsBody {
	f.T.Helper()
	r := f.Amplitude("GET", "/api/3/cohorts"+query, nil)
	r.WantStatus(f.T, http.StatusOK)
	var body cohortsBody
	r.Decode(f.T, &body)
	return body
}

func TestCohortList(t *testing.T) {
	f := start(t)
	body := f.cohorts("")
	if len(body.Cohorts) != 2 {
		t.Fatalf("cohorts %v", body.Cohorts)
	}
	c := body.Cohorts[0]
	want := map[string]any{
		"id":           "coh_power_users",
		"name":         "Power users",
		"description":  "Active on 20 or more of the last 30 days",
		"size":         float64(18250),
		"archived":     false,
		"appId":        float64(424242),
		"published":    true,
		"finished":     true,
		"hidden":       false,
		"lastComputed": float64(sandboxtest.Epoch.Add(-time.Hour).Truncate(time.Hour).Unix()),
		"createdAt":    float64(sandboxtest.Epoch.Add(-30 * 24 * time.Hour).Truncate(time.Hour).Unix()),
	}
	for field, v := range want {
		sandboxtest.WantString(t, c, field, v)
	}
	if sandboxtest.MustJSON(t, c["owners"]) != `["owner@sandbox.example"]` || sandboxtest.MustJSON(t, c["viewers"]) != `[]` {
		t.Errorf("owners %v, viewers %v", c["owners"], c["viewers"])
	}
	if _, ok := c["syncMetadata"]; ok {
		t.Error("syncMetadata without includeSyncInfo=true")
	}
	if _, ok := c["success"]; ok {
		t.Error("the cohorts list has no success envelope")
	}
	f.Amplitude("GET", "/api/3/cohorts?includeSyncInfo=yes", nil).WantAmplitudeError(t, http.StatusBadRequest, `includeSyncInfo "yes" is not valid: it must be true or false`)
}

// includeSyncInfo lists a cohort's scheduled, enabled syncs: "one-time +
// disabled sync will be excluded".
func TestCohortSyncMetadata(t *testing.T) {
	f := start(t)
	_, cohortsA := f.Destinations()
	cohortsB := f.CreateDestination(sandboxtest.BrazeCohorts("cohorts b"))["id"].(string)
	cohortsC := f.CreateDestination(sandboxtest.BrazeCohorts("cohorts c"))["id"].(string)
	cohortsD := f.CreateDestination(sandboxtest.BrazeCohorts("cohorts d"))["id"].(string)
	hourlyID := f.CreateSync(sandboxtest.SyncBody("cohort", "coh_power_users", cohortsA, "hourly"))["id"].(string)
	f.CreateSync(sandboxtest.SyncBody("cohort", "coh_power_users", cohortsB, "realtime"))
	f.CreateSync(sandboxtest.SyncBody("cohort", "coh_power_users", cohortsC, "one_time"))
	f.CreateSync(sandboxtest.Set(sandboxtest.SyncBody("cohort", "coh_power_users", cohortsD, "daily"), "enabled", false))
	f.CreateSync(sandboxtest.SyncBody("cohort", "coh_churn_risk", cohortsA, "daily"))

	body := f.cohorts("?includeSyncInfo=true")
	power, churn := body.Cohorts[0]["syncMetadata"].([]any), body.Cohorts[1]["syncMetadata"].([]any)
	if len(power) != 2 || len(churn) != 1 {
		t.Fatalf("syncMetadata %v and %v, want 2 and 1 entries", power, churn)
	}
	first := power[0].(map[string]any)
	sandboxtest.WantString(t, first, "target", "braze")
	sandboxtest.WantString(t, first, "frequency", "hourly")
	sandboxtest.WantString(t, first, "last_successful", nil)
	sandboxtest.WantString(t, first, "last_failure", nil)
	if got := sandboxtest.MustJSON(t, first["params"]); got != `{"destination_id":"`+cohortsA+`","sync_id":"`+hourlyID+`"}` {
		t.Errorf("params %s", got)
	}
	sandboxtest.WantString(t, power[1].(map[string]any), "frequency", "minute")
	sandboxtest.WantString(t, churn[0].(map[string]any), "frequency", "daily")

	f.Clock.Advance(time.Hour)
	first = f.cohorts("?includeSyncInfo=true").Cohorts[0]["syncMetadata"].([]any)[0].(map[string]any)
	// ISO-8601 with microseconds and an offset, as the docs' sample.
	sandboxtest.WantString(t, first, "last_successful", "2026-03-04T06:06:07.500000+00:00")

	t.Run("a cohort without syncs has an empty list", func(t *testing.T) {
		f := start(t)
		if got := sandboxtest.MustJSON(t, f.cohorts("?includeSyncInfo=true").Cohorts[0]["syncMetadata"]); got != "[]" {
			t.Errorf("syncMetadata %s", got)
		}
	})
}
