package braze

import (
	"context"
	"net/http"
	"net/url"
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

// CreateAPIKey creates a key. Braze allows several keys with one name, so a
// lost answer cannot be told from a failure by looking the key up: the
// create is sent once and its error returned.
func (c *Client) CreateAPIKey(ctx context.Context, k NewAPIKey) (*APIKey, error) {
	if k.AllowedIPs == nil {
		k.AllowedIPs = []string{}
	}
	var out struct {
		APIKey APIKey `json:"api_key"`
	}
	if _, err := c.do(ctx, http.MethodPost, "/api_keys/create", nil, k, &out); err != nil {
		return nil, err
	}
	return &out.APIKey, nil
}

// GetAPIKey reads a key's metadata; IsNotFound tells a missing one.
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

// DeleteAPIKey deletes a key; one already gone counts as deleted.
func (c *Client) DeleteAPIKey(ctx context.Context, id string) error {
	_, err := c.do(ctx, http.MethodDelete, "/api_keys/delete", nil, map[string]string{"api_key_id": id}, nil)
	if IsNotFound(err) {
		return nil
	}
	return err
}
