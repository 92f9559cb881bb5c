package brazeapi

import (
	"net/http"
	"slices"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// The key-management endpoints Braze does not publish, modelled on its SDK
// key endpoints (api/braze.openapi.yaml, modelled).

func (a *API) createAPIKey(w http.ResponseWriter, r *http.Request) {
	var req apiKeyRequest
	if err := core.DecodeJSON(w, r, &req); err != nil {
		core.Fail(a.braze, w, r, err)
		return
	}
	if err := req.validate(); err != nil {
		core.Fail(a.braze, w, r, err)
		return
	}
	key := apiKey{
		ID:          core.NewUUID(),
		Name:        req.Name,
		Secret:      core.NewUUID(),
		Permissions: req.Permissions,
		AllowedIPs:  canonicalIPs(req.AllowedIPs),
		CreatedAt:   a.sb.Now(),
	}
	if key.AllowedIPs == nil {
		key.AllowedIPs = []string{}
	}
	err := a.store.Update(func(*core.Tx) error {
		a.state.APIKeys = append(a.state.APIKeys, key)
		return nil
	})
	if err != nil {
		core.Fail(a.braze, w, r, err)
		return
	}
	writeSuccess(w, map[string]any{"api_key": createdAPIKeyView{apiKeyView: key.view(), Key: key.Secret}})
}

func (a *API) listAPIKeys(w http.ResponseWriter, _ *http.Request) {
	var views []apiKeyView
	a.store.Read(func(*core.Tx) {
		views = make([]apiKeyView, len(a.state.APIKeys))
		for i := range a.state.APIKeys {
			views[i] = a.state.APIKeys[i].view()
		}
	})
	writeSuccess(w, map[string]any{"api_keys": views})
}

func (a *API) apiKeyInfo(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("api_key_id")
	if id == "" {
		core.Fail(a.braze, w, r, core.Refuse(http.StatusBadRequest, "api_key_id is required"))
		return
	}
	var view *apiKeyInfoView
	a.store.Read(func(*core.Tx) {
		if i := a.state.apiKeyByID(id); i >= 0 {
			v := a.state.APIKeys[i].infoView()
			view = &v
		}
	})
	if view == nil {
		core.Fail(a.braze, w, r, unknownAPIKey(id))
		return
	}
	writeSuccess(w, map[string]any{"api_key": view})
}

type deleteAPIKeyRequest struct {
	APIKeyID string `json:"api_key_id"`
}

func (a *API) deleteAPIKey(w http.ResponseWriter, r *http.Request) {
	var req deleteAPIKeyRequest
	if err := core.DecodeJSON(w, r, &req); err != nil {
		core.Fail(a.braze, w, r, err)
		return
	}
	if req.APIKeyID == "" {
		core.Fail(a.braze, w, r, core.Refuse(http.StatusBadRequest, "api_key_id is required"))
		return
	}
	err := a.store.Update(func(*core.Tx) error {
		i := a.state.apiKeyByID(req.APIKeyID)
		if i < 0 {
			return unknownAPIKey(req.APIKeyID)
		}
		a.state.APIKeys = slices.Delete(a.state.APIKeys, i, i+1)
		return nil
	})
	if err != nil {
		core.Fail(a.braze, w, r, err)
		return
	}
	writeSuccess(w, nil)
}

// unknownAPIKey is the modelled 404 {"message": …} of an unknown id
// (api/braze.openapi.yaml).
func unknownAPIKey(id string) *core.APIError {
	return core.Refuse(http.StatusNotFound, "No API key with id %q", id)
}
