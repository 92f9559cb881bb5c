package acctest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
)

// ReportDisconnected makes the sandbox's Developer API report destination
// id's credential_status as "disconnected" from now on, on every read, as
// Amplitude does once the partner refuses the credential it holds.
//
// A Braze event stream disconnects for real when its Braze key is deleted
// (s.Braze().DeleteAPIKey). A cohort destination cannot: its data import
// key lives in Braze's dashboard, outside Braze's REST API and so outside
// the sandbox, which reports it connected as long as one is set. This
// stands in for Braze refusing that key. It changes answers only after the
// contract check has seen them, so the check still sees the sandbox's own.
func (s *Sandbox) ReportDisconnected(id string) {
	s.t.Helper()
	skipLiveForSandbox(s.t, "rewriting of credential_status")
	s.credentials.mu.Lock()
	defer s.credentials.mu.Unlock()
	s.credentials.disconnected[id] = true
}

// credentialReports holds the destinations ReportDisconnected names.
type credentialReports struct {
	mu           sync.Mutex
	disconnected map[string]bool
}

// wrap rewrites credential_status in the Developer API's answers to reads
// (a destination, or a page of them) for the destinations reported
// disconnected, and passes every other answer through unchanged.
func (c *credentialReports) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		rewrite := len(c.disconnected) > 0 && r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/developer-api/")
		c.mu.Unlock()
		if !rewrite {
			next.ServeHTTP(w, r)
			return
		}
		recorded := httptest.NewRecorder()
		next.ServeHTTP(recorded, r)
		body := recorded.Body.Bytes()
		if recorded.Code == http.StatusOK {
			body = c.rewrite(body)
		}
		for name, values := range recorded.Header() {
			w.Header()[name] = values
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(recorded.Code)
		_, _ = w.Write(body)
	})
}

// rewrite sets credential_status in the destinations of an answer's data
// that are reported disconnected; an answer of another shape is returned
// as it is.
func (c *credentialReports) rewrite(body []byte) []byte {
	var answer map[string]json.RawMessage
	if json.Unmarshal(body, &answer) != nil {
		return body
	}
	var objects []map[string]any
	single := false
	if json.Unmarshal(answer["data"], &objects) != nil {
		var one map[string]any
		if json.Unmarshal(answer["data"], &one) != nil {
			return body
		}
		objects, single = []map[string]any{one}, true
	}
	c.mu.Lock()
	changed := false
	for _, o := range objects {
		if id, _ := o["id"].(string); o["object"] == "destination" && c.disconnected[id] {
			o["credential_status"] = "disconnected"
			changed = true
		}
	}
	c.mu.Unlock()
	if !changed {
		return body
	}
	var data any = objects
	if single {
		data = objects[0]
	}
	encoded, err := json.Marshal(data)
	if err != nil {
		return body
	}
	answer["data"] = encoded
	out, err := json.Marshal(answer)
	if err != nil {
		return body
	}
	return bytes.TrimSpace(out)
}
