package amplitude

import (
	"context"
	"net/http"
	"net/url"
)

// Sync kinds and cadences of Amplitude Audiences syncs
// (amplitude.com/docs/data/audiences/third-party-syncs).
var (
	SyncKinds    = []string{"user_property", "computation", "cohort", "recommendation"}
	SyncCadences = []string{"one_time", "hourly", "daily", "realtime"}
)

// SyncKindCohort is the only kind that may sync in real time, and the only
// one whose destination is a Braze destination of kind cohort.
const (
	SyncKindCohort  = "cohort"
	CadenceRealtime = "realtime"
	CadenceOneTime  = "one_time"
)

// Sync pushes one Amplitude source (a user property, computation, cohort or
// recommendation) to a Braze destination on a cadence.
type Sync struct {
	ID             string  `json:"id,omitempty"`
	Name           string  `json:"name,omitempty"`
	Kind           string  `json:"kind"`
	SourceID       string  `json:"source_id"`
	DestinationID  string  `json:"destination_id"`
	Cadence        string  `json:"cadence"`
	Enabled        bool    `json:"enabled"`
	BrazeAttribute *string `json:"braze_attribute,omitempty"`
	Status         string  `json:"status,omitempty"`
	LastRunAt      *string `json:"last_run_at,omitempty"`
	CreatedAt      string  `json:"created_at,omitempty"`
}

const syncsPath = "/api/2/syncs"

// CreateSync creates s. A sync is unique per (kind, source, destination), so
// a lost answer is recovered by finding that triple instead of creating twice.
func (c *Client) CreateSync(ctx context.Context, s Sync) (*Sync, error) {
	defer c.syncs.Forget()
	return createOnce(ctx, c,
		func(ctx context.Context) (*Sync, error) {
			var out envelope[Sync]
			err := c.do(ctx, request{method: http.MethodPost, path: syncsPath, json: s}, &out)
			return &out.Data, err
		},
		func(ctx context.Context) (*Sync, bool, error) {
			return c.FindSync(ctx, s.Kind, s.SourceID, s.DestinationID)
		})
}

// GetSync reads one sync. When the sync does not exist, IsNotFound reports
// true for the error.
func (c *Client) GetSync(ctx context.Context, id string) (*Sync, error) {
	if s, ok := c.syncs.Lookup(ctx, id); ok {
		return &s, nil
	}
	var out envelope[Sync]
	if err := c.do(ctx, request{method: http.MethodGet, path: syncsPath + "/" + url.PathEscape(id)}, &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// UpdateSync replaces the sync with the given id by s. Its kind, source and
// destination cannot change.
func (c *Client) UpdateSync(ctx context.Context, id string, s Sync) (*Sync, error) {
	defer c.syncs.Forget()
	var out envelope[Sync]
	if err := c.do(ctx, request{method: http.MethodPut, path: syncsPath + "/" + url.PathEscape(id), json: s}, &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// DeleteSync deletes the sync with the given id. A sync that is already
// gone counts as deleted, so deleting twice is not an error.
func (c *Client) DeleteSync(ctx context.Context, id string) error {
	defer c.syncs.Forget()
	err := c.do(ctx, request{method: http.MethodDelete, path: syncsPath + "/" + url.PathEscape(id)}, nil)
	if IsNotFound(err) {
		return nil
	}
	return err
}

// ListSyncs reads every sync, following the cursor.
func (c *Client) ListSyncs(ctx context.Context) ([]Sync, error) {
	return listAll[Sync](ctx, c, syncsPath)
}

// FindSync returns the sync of kind from sourceID to destinationID, if any.
func (c *Client) FindSync(ctx context.Context, kind, sourceID, destinationID string) (*Sync, bool, error) {
	all, err := c.ListSyncs(ctx)
	if err != nil {
		return nil, false, err
	}
	for i := range all {
		if all[i].Kind == kind && all[i].SourceID == sourceID && all[i].DestinationID == destinationID {
			return &all[i], true, nil
		}
	}
	return nil, false, nil
}
