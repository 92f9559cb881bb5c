package amplitude

import (
	"context"
	"net/http"
	"net/url"
)

// Cohort is a behavioral cohort as GET /api/3/cohorts returns it
// (amplitude.com/docs/apis/analytics/behavioral-cohorts). Timestamps are
// Unix seconds.
type Cohort struct {
	ID           string               `json:"id"`
	Name         string               `json:"name"`
	Description  *string              `json:"description"`
	Size         int64                `json:"size"`
	Archived     bool                 `json:"archived"`
	Owners       []string             `json:"owners"`
	LastComputed *int64               `json:"lastComputed"`
	SyncMetadata []CohortSyncMetadata `json:"syncMetadata"`
}

// CohortSyncMetadata describes one scheduled sync of a cohort. Amplitude
// leaves one-time and disabled syncs out of this list.
type CohortSyncMetadata struct {
	Target         string  `json:"target"`
	Frequency      string  `json:"frequency"`
	LastSuccessful *string `json:"last_successful"`
	LastFailure    *string `json:"last_failure"`
}

// ListCohorts reads every cohort with its sync metadata.
func (c *Client) ListCohorts(ctx context.Context) ([]Cohort, error) {
	var out struct {
		Cohorts []Cohort `json:"cohorts"`
	}
	err := c.do(ctx, request{method: http.MethodGet, path: "/api/3/cohorts", query: url.Values{"includeSyncInfo": {"true"}}}, &out)
	return out.Cohorts, err
}
