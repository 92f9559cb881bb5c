package sandbox_test

import (
	"net/http"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

// Saving a Braze destination tests its key against Braze, as Amplitude does.
func TestDestinationKeyCheck(t *testing.T) {
	f := start(t)
	_, noTrack := f.createKey([]string{"api_keys.list"}, nil)
	_, onlyLocal := f.createKey([]string{"users.track"}, []string{"127.0.0.1"})
	_, usEgress := f.createKey([]string{"users.track"}, []string{"52.33.3.219", "35.162.216.242", "52.27.10.0/24"})
	_, partialEgress := f.createKey([]string{"users.track"}, []string{"52.33.3.219", "3.124.22.25"})
	tests := []struct {
		name string
		key  string
		want string
	}{
		{"unknown key", "no-such-key", "Braze rejected the API key: it does not exist"},
		{"key without users.track", noTrack, "Braze rejected the API key: it lacks the users.track permission"},
		{"key not admitting Amplitude", onlyLocal, "Braze rejected the API key: its allowed IPs admit no Amplitude region's egress IPs (EU: 3.124.22.25"},
		{"key admitting part of each region", partialEgress, "its allowed IPs admit no Amplitude region's egress IPs"},
		{"key admitting one region", usEgress, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := set(streamDestination(tt.name), "config.api_key", tt.key)
			r := f.amplitude("POST", "/api/2/destinations", body)
			if tt.want == "" {
				r.wantStatus(t, http.StatusOK)
				return
			}
			r.wantAmplitudeError(t, http.StatusBadRequest, tt.want)
		})
	}
}

func TestDestinationKeyCheckOnReplace(t *testing.T) {
	f := start(t)
	keyID, key := f.createKey([]string{"users.track"}, nil)
	_, noTrack := f.createKey([]string{"api_keys.list"}, nil)
	id := f.createDestination(set(streamDestination("d"), "config.api_key", key))["id"].(string)
	path := "/api/2/destinations/" + id

	t.Run("new key is checked", func(t *testing.T) {
		body := set(streamDestination("d"), "config.api_key", noTrack)
		f.amplitude("PUT", path, body).wantAmplitudeError(t, http.StatusBadRequest, "lacks the users.track permission")
	})

	// Deleted in Braze after the destination was saved: Amplitude does not
	// notice until the key is sent again.
	f.braze(sandbox.BrazeAdminKey, "DELETE", "/api_keys/delete", map[string]any{"api_key_id": keyID}).wantStatus(t, http.StatusOK)
	t.Run("omitted key is not checked", func(t *testing.T) {
		body := set(streamDestination("d"), "config.api_key", absent)
		f.amplitude("PUT", path, body).wantStatus(t, http.StatusOK)
	})
	t.Run("same key sent again is not checked", func(t *testing.T) {
		body := set(streamDestination("d"), "config.api_key", key)
		f.amplitude("PUT", path, body).wantStatus(t, http.StatusOK)
	})
}
