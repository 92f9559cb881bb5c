package sandbox

import (
	"net/http"
	"slices"
)

// The key-management endpoints Braze does not publish, modelled on its SDK
// key endpoints (DESIGN.md §3.2).

func (s *Server) createAPIKey(w http.ResponseWriter, r *http.Request) {
	var req apiKeyRequest
	if err := decodeJSON(w, r, &req); err != nil {
		fail(s.braze, w, r, err)
		return
	}
	if err := req.validate(); err != nil {
		fail(s.braze, w, r, err)
		return
	}
	key := apiKey{
		ID:          newUUID(),
		Name:        req.Name,
		Secret:      newUUID(),
		Permissions: req.Permissions,
		AllowedIPs:  canonicalIPs(req.AllowedIPs),
		CreatedAt:   s.now(),
	}
	if key.AllowedIPs == nil {
		key.AllowedIPs = []string{}
	}
	err := s.store.update(func(st *state) error {
		st.APIKeys = append(st.APIKeys, key)
		return nil
	})
	if err != nil {
		fail(s.braze, w, r, err)
		return
	}
	writeBrazeSuccess(w, map[string]any{"api_key": createdAPIKeyView{apiKeyView: key.view(), Key: key.Secret}})
}

func (s *Server) listAPIKeys(w http.ResponseWriter, _ *http.Request) {
	var views []apiKeyView
	s.store.read(func(st *state) {
		views = make([]apiKeyView, len(st.APIKeys))
		for i := range st.APIKeys {
			views[i] = st.APIKeys[i].view()
		}
	})
	writeBrazeSuccess(w, map[string]any{"api_keys": views})
}

func (s *Server) apiKeyInfo(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("api_key_id")
	if id == "" {
		fail(s.braze, w, r, refuse(http.StatusBadRequest, "api_key_id is required"))
		return
	}
	var view *apiKeyInfoView
	s.store.read(func(st *state) {
		if i := st.apiKeyByID(id); i >= 0 {
			v := st.APIKeys[i].infoView()
			view = &v
		}
	})
	if view == nil {
		fail(s.braze, w, r, unknownAPIKey(id))
		return
	}
	writeBrazeSuccess(w, map[string]any{"api_key": view})
}

type deleteAPIKeyRequest struct {
	APIKeyID string `json:"api_key_id"`
}

func (s *Server) deleteAPIKey(w http.ResponseWriter, r *http.Request) {
	var req deleteAPIKeyRequest
	if err := decodeJSON(w, r, &req); err != nil {
		fail(s.braze, w, r, err)
		return
	}
	if req.APIKeyID == "" {
		fail(s.braze, w, r, refuse(http.StatusBadRequest, "api_key_id is required"))
		return
	}
	err := s.store.update(func(st *state) error {
		i := st.apiKeyByID(req.APIKeyID)
		if i < 0 {
			return unknownAPIKey(req.APIKeyID)
		}
		st.APIKeys = slices.Delete(st.APIKeys, i, i+1)
		return nil
	})
	if err != nil {
		fail(s.braze, w, r, err)
		return
	}
	writeBrazeSuccess(w, nil)
}

func unknownAPIKey(id string) *apiError {
	return refuse(http.StatusNotFound, "No API key with id %q", id)
}
