package braze

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// APIKey is a Braze REST API key. Key, the secret, is only ever set in the
// answer to CreateAPIKey.
type APIKey struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Key         string   `json:"key,omitempty"`
	Permissions []string `json:"permissions"`
	AllowedIPs  []string `json:"allowed_ips"`
	CreatedAt   string   `json:"created_at,omitempty"`
	LastSeenAt  *string  `json:"last_seen_at,omitempty"`
}

// NewAPIKey is what CreateAPIKey sends; a key cannot be edited afterwards.
type NewAPIKey struct {
	Name        string   `json:"name"`
	Permissions []string `json:"permissions"`
	AllowedIPs  []string `json:"allowed_ips"`
}

// CreateAPIKey creates a key. Only the create answer carries the secret, so
// a key whose answer was lost is useless: before sending the create again,
// the client deletes any key that answer would have described (same name,
// permissions and allowed IPs, created since the first attempt), leaving
// exactly one key behind.
func (c *Client) CreateAPIKey(ctx context.Context, k NewAPIKey) (*APIKey, error) {
	if k.AllowedIPs == nil {
		k.AllowedIPs = []string{}
	}
	started := time.Now().Add(-clockSkewAllowance)
	return transport.CreateOnce(ctx, c.createAttempts,
		func(ctx context.Context) (*APIKey, error) {
			var out struct {
				APIKey APIKey `json:"api_key"`
			}
			if _, err := c.do(ctx, http.MethodPost, "/api_keys/create", nil, k, &out); err != nil {
				return nil, err
			}
			return &out.APIKey, nil
		},
		func(ctx context.Context) (*APIKey, bool, error) {
			return nil, false, c.deleteOrphanedKeys(ctx, k, started)
		})
}

// clockSkewAllowance moves the start of the search for keys made by a lost
// create back by this much, in case the server's clock is behind ours. A
// server clock that is further behind than this would make such a key look
// older than the create, and the key would be left behind.
const clockSkewAllowance = time.Minute

func (c *Client) deleteOrphanedKeys(ctx context.Context, k NewAPIKey, since time.Time) error {
	keys, err := c.ListAPIKeys(ctx)
	if err != nil {
		return err
	}
	for _, existing := range keys {
		created, err := time.Parse(time.RFC3339, existing.CreatedAt)
		if err != nil || created.Before(since) || existing.Name != k.Name ||
			!sameSet(existing.Permissions, k.Permissions) || !sameSet(existing.AllowedIPs, k.AllowedIPs) {
			continue
		}
		if err := c.DeleteAPIKey(ctx, existing.ID); err != nil {
			return err
		}
	}
	return nil
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

// GetAPIKey reads a key's metadata. When the key does not exist, IsNotFound
// reports true for the error.
func (c *Client) GetAPIKey(ctx context.Context, id string) (*APIKey, error) {
	var out struct {
		APIKey APIKey `json:"api_key"`
	}
	if _, err := c.do(ctx, http.MethodGet, "/api_keys/info", url.Values{"api_key_id": {id}}, nil, &out); err != nil {
		return nil, err
	}
	return &out.APIKey, nil
}

// ListAPIKeys reads every key's metadata.
func (c *Client) ListAPIKeys(ctx context.Context) ([]APIKey, error) {
	var out struct {
		APIKeys []APIKey `json:"api_keys"`
	}
	if _, err := c.do(ctx, http.MethodGet, "/api_keys/list", nil, nil, &out); err != nil {
		return nil, err
	}
	return out.APIKeys, nil
}

// DeleteAPIKey deletes a key. A key that is already gone counts as deleted,
// so deleting twice is not an error.
func (c *Client) DeleteAPIKey(ctx context.Context, id string) error {
	_, err := c.do(ctx, http.MethodDelete, "/api_keys/delete", nil, map[string]string{"api_key_id": id}, nil)
	if IsNotFound(err) {
		return nil
	}
	return err
}
