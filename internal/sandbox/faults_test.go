package sandbox_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

func TestFaultErrorRate(t *testing.T) {
	f := start(t)
	f.control("PUT", "/faults", map[string]any{"error_rate": 1, "error_status": 502}).wantStatus(t, http.StatusOK)

	f.amplitude("GET", "/api/2/syncs", nil).wantAmplitudeError(t, http.StatusBadGateway, "Bad Gateway (injected by the sandbox)")
	r := f.braze(sandbox.BrazeAdminKey, "GET", "/api_keys/list", nil)
	r.wantBrazeError(t, http.StatusBadGateway, "Bad Gateway (injected by the sandbox)")
	if r.header.Get("X-RateLimit-Limit") == "" {
		t.Error("an injected Braze error lacks the rate-limit headers")
	}
	// Before any processing: not even authentication.
	f.send("GET", "/amplitude/api/2/syncs", nil, nil).wantStatus(t, http.StatusBadGateway)
	// Control endpoints are never faulted.
	f.control("GET", "/health", nil).wantStatus(t, http.StatusOK)
}

func TestFaultErrorStatusDefault(t *testing.T) {
	f := start(t)
	got := f.server.SetFaults(sandbox.Faults{ErrorRate: 1})
	if got.ErrorStatus != http.StatusServiceUnavailable {
		t.Fatalf("error_status in force %d, want 503", got.ErrorStatus)
	}
	f.amplitude("GET", "/api/2/syncs", nil).wantStatus(t, http.StatusServiceUnavailable)
}

func TestFaultRateLimitBraze(t *testing.T) {
	f := start(t) // The clock stands still at epoch, 0.5 s into a second.
	f.control("PUT", "/faults", map[string]any{"rate_limit_per_second": 2}).wantStatus(t, http.StatusOK)
	reset := strconv.FormatInt(epoch.Truncate(time.Second).Add(time.Second).Unix(), 10)

	for i, wantRemaining := range []string{"1", "0"} {
		r := f.braze(sandbox.BrazeAdminKey, "GET", "/api_keys/list", nil)
		r.wantStatus(t, http.StatusOK)
		if got := r.header.Get("X-RateLimit-Remaining"); got != wantRemaining {
			t.Errorf("request %d: remaining %s, want %s", i, got, wantRemaining)
		}
	}
	r := f.braze(sandbox.BrazeAdminKey, "GET", "/api_keys/list", nil)
	r.wantBrazeError(t, http.StatusTooManyRequests, "Rate Limited")
	for header, want := range map[string]string{"X-RateLimit-Limit": "2", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset} {
		if got := r.header.Get(header); got != want {
			t.Errorf("%s = %q, want %q", header, got, want)
		}
	}

	// A new window admits again.
	f.clock.advance(time.Second)
	f.braze(sandbox.BrazeAdminKey, "GET", "/api_keys/list", nil).wantStatus(t, http.StatusOK)
}

func TestFaultRateLimitAmplitude(t *testing.T) {
	f := start(t)
	f.server.SetFaults(sandbox.Faults{RateLimitPerSecond: 1})
	f.amplitude("GET", "/api/2/syncs", nil).wantStatus(t, http.StatusOK)
	r := f.amplitude("GET", "/api/2/syncs", nil)
	r.wantAmplitudeError(t, http.StatusTooManyRequests, "Too many requests")
	if got := r.header.Get("Retry-After"); got != "1" {
		t.Errorf("Retry-After = %q, want 1", got)
	}
	if got, want := r.header.Get("X-RateLimit-Reset"), strconv.FormatInt(epoch.Unix()+1, 10); got != want {
		t.Errorf("X-RateLimit-Reset = %q, want %q", got, want)
	}
	// The vendors are limited apart.
	f.braze(sandbox.BrazeAdminKey, "GET", "/api_keys/list", nil).wantStatus(t, http.StatusOK)
}

func TestBrazeReportsDefaultLimitWithoutFaults(t *testing.T) {
	f := start(t)
	r := f.braze(sandbox.BrazeAdminKey, "GET", "/api_keys/list", nil)
	hour := epoch.Truncate(time.Hour).Add(time.Hour).Unix()
	if r.header.Get("X-RateLimit-Limit") != "250000" || r.header.Get("X-RateLimit-Remaining") != "249999" ||
		r.header.Get("X-RateLimit-Reset") != strconv.FormatInt(hour, 10) {
		t.Errorf("headers %v", r.header)
	}
	if got := f.amplitude("GET", "/api/2/syncs", nil).header.Get("X-RateLimit-Limit"); got != "" {
		t.Errorf("Amplitude answered X-RateLimit-Limit %q without a rate-limit fault", got)
	}
}

// A dropped response leaves the client unsure whether its write happened;
// the write did happen. PATCH is a write too.
func TestFaultDropResponse(t *testing.T) {
	f := start(t)
	id := f.createDestination(brazeStream("kept"))["id"].(string)
	f.server.SetFaults(sandbox.Faults{DropResponseRate: 1})
	admin := developerAuth(sandbox.DeveloperAPIAdminToken)

	_, err := f.try("POST", sandbox.DeveloperAPIPath+destinationsPath, brazeStream("dropped"), admin)
	if err == nil {
		t.Fatal("the client got a response to a dropped create")
	}
	_, err = f.try("PATCH", sandbox.DeveloperAPIPath+destinationsPath+"/"+id, map[string]any{"display_name": "renamed"}, admin)
	if err == nil {
		t.Fatal("the client got a response to a dropped update")
	}
	_, err = f.try("POST", "/braze/api_keys/create", map[string]any{"name": "dropped", "permissions": []string{"users.track"}}, bearer(sandbox.BrazeAdminKey))
	if err == nil {
		t.Fatal("the client got a response to a dropped write")
	}
	// Reads are not dropped.
	list := f.developer("GET", destinationsPath, nil).page(t)
	if len(list.Data) != 2 || list.Data[0]["display_name"] != "renamed" || list.Data[1]["display_name"] != "dropped" {
		t.Fatalf("destinations %v; the dropped create and update should have been applied", list.Data)
	}
	wantString(t, list.Data[0], "version", float64(2))
	if got := f.server.Stats().Objects.APIKeys; got != 2 {
		t.Fatalf("%d API keys; the dropped create should have been applied", got)
	}
}

func TestFaultLatency(t *testing.T) {
	c := newClock()
	f := startWith(t, sandbox.Options{Now: c.Now, Latency: 20 * time.Millisecond}, c)
	f.server.SetFaults(sandbox.Faults{LatencyMS: 30})

	began := time.Now()
	f.amplitude("GET", "/api/2/syncs", nil).wantStatus(t, http.StatusOK)
	if took := time.Since(began); took < 50*time.Millisecond {
		t.Errorf("request took %v, want at least 50ms", took)
	}
	began = time.Now()
	f.control("GET", "/health", nil).wantStatus(t, http.StatusOK)
	if took := time.Since(began); took >= 20*time.Millisecond {
		t.Errorf("a control request took %v; it should not be delayed", took)
	}
}

// A client that gives up during the latency is not kept waiting for, and its
// write is not applied.
func TestFaultLatencyRespectsCancellation(t *testing.T) {
	f := start(t)
	f.server.SetFaults(sandbox.Faults{LatencyMS: 3_000})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	body, err := json.Marshal(brazeStream("abandoned"))
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.http.URL+sandbox.DeveloperAPIPath+destinationsPath, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	developerAuth(sandbox.DeveloperAPIAdminToken)(req)
	if resp, err := f.http.Client().Do(req); err == nil {
		resp.Body.Close()
		t.Fatal("request completed despite its deadline")
	}
	// Close waits for every handler to return.
	began := time.Now()
	f.http.Close()
	if took := time.Since(began); took > time.Second {
		t.Fatalf("the handler went on for %v after the client left", took)
	}
	if got := f.server.Stats().Objects.Destinations; got != 0 {
		t.Fatalf("%d destinations: the abandoned write was applied", got)
	}
}

func TestFaultsEndpoint(t *testing.T) {
	f := start(t)
	var got sandbox.Faults
	r := f.control("GET", "/faults", nil)
	r.wantStatus(t, http.StatusOK)
	r.decode(t, &got)
	if got != (sandbox.Faults{ErrorStatus: 503}) {
		t.Fatalf("initial faults %+v", got)
	}

	r = f.control("PUT", "/faults", map[string]any{"latency_ms": 5, "error_rate": 0.25})
	r.wantStatus(t, http.StatusOK)
	r = f.control("PUT", "/faults", map[string]any{"drop_response_rate": 0.5, "error_status": 500})
	r.wantStatus(t, http.StatusOK)
	r.decode(t, &got)
	want := sandbox.Faults{LatencyMS: 5, ErrorRate: 0.25, ErrorStatus: 500, DropResponseRate: 0.5}
	if got != want {
		t.Fatalf("faults %+v, want %+v (fields not sent keep their value)", got, want)
	}

	r = f.control("PUT", "/faults", map[string]any{"error_status": 0, "error_rate": 0})
	r.decode(t, &got)
	if got.ErrorStatus != 503 || got.ErrorRate != 0 {
		t.Fatalf("faults %+v; 0 should restore the default status and turn errors off", got)
	}
}

func TestFaultsEndpointValidation(t *testing.T) {
	tests := []struct {
		body any
		want string
	}{
		{map[string]any{"latency_ms": -1}, "latency_ms must be 0 or more"},
		{map[string]any{"error_rate": 1.5}, "error_rate must be from 0 to 1"},
		{map[string]any{"error_status": 200}, "error_status must be an HTTP error status from 400 to 599"},
		{map[string]any{"rate_limit_per_second": -2}, "rate_limit_per_second must be 0 or more"},
		{map[string]any{"drop_response_rate": -0.1}, "drop_response_rate must be from 0 to 1"},
		{map[string]any{"chaos": true}, `unknown field "chaos"`},
	}
	f := start(t)
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			r := f.control("PUT", "/faults", tt.body)
			r.wantStatus(t, http.StatusBadRequest)
			var body struct{ Error string }
			r.decode(t, &body)
			if !contains(body.Error, tt.want) {
				t.Fatalf("error %q, want %q", body.Error, tt.want)
			}
		})
	}
	var got sandbox.Faults
	f.control("GET", "/faults", nil).decode(t, &got)
	if got != (sandbox.Faults{ErrorStatus: 503}) {
		t.Fatalf("refused settings were applied: %+v", got)
	}
}

func TestSetFaultsPanicsOnInvalidValues(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	start(t).server.SetFaults(sandbox.Faults{ErrorRate: 2})
}
