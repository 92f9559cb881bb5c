package core

import (
	"maps"
	"net/http"
	"sync"
)

// Stats is what GET /_sandbox/stats reports: the vendor requests received
// since the last reset, and how many objects each vendor package's part of
// the state holds, by kind (Part.Count).
type Stats struct {
	Requests RequestStats   `json:"requests"`
	Objects  map[string]int `json:"objects"`
}

// RequestStats counts vendor requests, whatever their answer. ByRoute is
// keyed by the route's pattern, e.g.
// "GET /developer-api/v1/projects/{project_id}/destinations/{id}".
type RequestStats struct {
	ByMethod map[string]int `json:"by_method"`
	ByRoute  map[string]int `json:"by_route"`
}

type requestCounter struct {
	mu       sync.Mutex
	byMethod map[string]int
	byRoute  map[string]int
}

func (c *requestCounter) count(method, route string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byMethod[method]++
	c.byRoute[route]++
}

func (c *requestCounter) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byMethod = map[string]int{}
	c.byRoute = map[string]int{}
}

// snapshot copies the counts. The five methods the APIs use are always
// present, so a reader can tell "none" from "not reported".
func (c *requestCounter) snapshot() RequestStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	byMethod := map[string]int{http.MethodGet: 0, http.MethodPost: 0, http.MethodPatch: 0, http.MethodPut: 0, http.MethodDelete: 0}
	maps.Copy(byMethod, c.byMethod)
	return RequestStats{ByMethod: byMethod, ByRoute: maps.Clone(c.byRoute)}
}
