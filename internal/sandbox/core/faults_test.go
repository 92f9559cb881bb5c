package core_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/brazeapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

func TestFaultErrorRate(t *testing.T) {
	f := start(t)
	f.Control("PUT", "/faults", map[string]any{"error_rate": 1, "error_status": 502}).WantStatus(t, http.StatusOK)

	f.Amplitude("GET", "/api/2/syncs", nil).WantAmplitudeError(t, http.StatusBadGateway, "Bad Gateway (injected by the sandbox)")
	r := f.Braze(brazeapi.AdminKey, "GET", "/api_keys/list", nil)
	r.WantBrazeError(t, http.StatusBadGateway, "Bad Gateway (injected by the sandbox)")
	if r.Header.Get("X-RateLimit-Limit") == "" {
		t.Error("an injected Braze error lacks the rate-limit headers")
	}
	// Before any processing: not even authentication.
	f.Send("GET", "/amplitude/api/2/syncs", nil, nil).WantStatus(t, http.StatusBadGateway)
	// Control endpoints are never faulted.
	f.Control("GET", "/health", nil).WantStatus(t, http.StatusOK)
}

func TestFaultErrorStatusDefault(t *testing.T) {
	f := start(t)
	got := f.Sandbox.SetFaults(core.Faults{ErrorRate: 1})
	if got.ErrorStatus != http.StatusServiceUnavailable {
		t.Fatalf("error_status in force %d, want 503", got.ErrorStatus)
	}
	f.Amplitude("GET", "/api/2/syncs", nil).WantStatus(t, http.StatusServiceUnavailable)
}

func TestFaultRateLimitBraze(t *testing.T) {
	f := start(t) // The clock stands still at epoch, 0.5 s into a second.
	f.Control("PUT", "/faults", map[string]any{"rate_limit_per_second": 2}).WantStatus(t, http.StatusOK)
	reset := strconv.FormatInt(sandboxtest.Epoch.Truncate(time.Second).Add(time.Second).Unix(), 10)

	for i, wantRemaining := range []string{"1", "0"} {
		r := f.Braze(brazeapi.AdminKey, "GET", "/api_keys/list", nil)
		r.WantStatus(t, http.StatusOK)
		if got := r.Header.Get("X-RateLimit-Remaining"); got != wantRemaining {
			t.Errorf("request %d: remaining %s, want %s", i, got, wantRemaining)
		}
	}
	r := f.Braze(brazeapi.AdminKey, "GET", "/api_keys/list", nil)
	r.WantBrazeError(t, http.StatusTooManyRequests, "Rate Limited")
	for header, want := range map[string]string{"X-RateLimit-Limit": "2", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset} {
		if got := r.Header.Get(header); got != want {
			t.Errorf("%s = %q, want %q", header, got, want)
		}
	}

	// A new window admits again.
	f.Clock.Advance(time.Second)
	f.Braze(brazeapi.AdminKey, "GET", "/api_keys/list", nil).WantStatus(t, http.StatusOK)
}

func TestFaultRateLimitAmplitude(t *testing.T) {
	f := start(t)
	f.Sandbox.SetFaults(core.Faults{RateLimitPerSecond: 1})
	f.Amplitude("GET", "/api/2/syncs", nil).WantStatus(t, http.StatusOK)
	r := f.Amplitude("GET", "/api/2/syncs", nil)
	r.WantAmplitudeError(t, http.StatusTooManyRequests, "Too many requests")
	if got := r.Header.Get("Retry-After"); got != "1" {
		t.Errorf("Retry-After = %q, want 1", got)
	}
	if got, want := r.Header.Get("X-RateLimit-Reset"), strconv.FormatInt(sandboxtest.Epoch.Unix()+1, 10); got != want {
		t.Errorf("X-RateLimit-Reset = %q, want %q", got, want)
	}
	// The vendors are limited apart.
	f.Braze(brazeapi.AdminKey, "GET", "/api_keys/list", nil).WantStatus(t, http.StatusOK)
}

func TestBrazeReportsDefaultLimitWithoutFaults(t *testing.T) {
	f := start(t)
	r := f.Braze(brazeapi.AdminKey, "GET", "/api_keys/list", nil)
	hour := sandboxtest.Epoch.Truncate(time.Hour).Add(time.Hour).Unix()
	if r.Header.Get("X-RateLimit-Limit") != "250000" || r.Header.Get("X-RateLimit-Remaining") != "249999" ||
		r.Header.Get("X-RateLimit-Reset") != strconv.FormatInt(hour, 10) {
		t.Errorf("headers %v", r.Header)
	}
	if got := f.Amplitude("GET", "/api/2/syncs", nil).Header.Get("X-RateLimit-Limit"); got != "" {
		t.Errorf("Amplitude answered X-RateLimit-Limit %q without a rate-limit fault", got)
	}
}

// A dropped response leaves the client unsure whether its write happened;
// the write did happen. PATCH is a write too.
func TestFaultDropResponse(t *testing.T) {
	f := start(t)
	id := f.CreateDestination(sandboxtest.BrazeStream("kept"))["id"].(string)
	f.Sandbox.SetFaults(core.Faults{DropResponseRate: 1})
	admin := sandboxtest.DeveloperAuth(developerapi.AdminToken)

	_, err := f.Try("POST", developerapi.Path+sandboxtest.DestinationsPath, sandboxtest.BrazeStream("dropped"), admin)
	if err == nil {
		t.Fatal("the client got a response to a dropped create")
	}
	_, err = f.Try("PATCH", developerapi.Path+sandboxtest.DestinationsPath+"/"+id, map[string]any{"display_name": "renamed"}, admin)
	if err == nil {
		t.Fatal("the client got a response to a dropped update")
	}
	_, err = f.Try("POST", "/braze/api_keys/create", map[string]any{"name": "dropped", "permissions": []string{"users.track"}}, sandboxtest.Bearer(brazeapi.AdminKey))
	if err == nil {
		t.Fatal("the client got a response to a dropped write")
	}
	// Reads are not dropped.
	list := f.Developer("GET", sandboxtest.DestinationsPath, nil).Page(t)
	if len(list.Data) != 2 || list.Data[0]["display_name"] != "renamed" || list.Data[1]["display_name"] != "dropped" {
		t.Fatalf("destinations %v; the dropped create and update should have been applied", list.Data)
	}
	sandboxtest.WantString(t, list.Data[0], "version", float64(2))
	if got := f.Sandbox.Stats().Objects["api_keys"]; got != 2 {
		t.Fatalf("%d API keys; the dropped create should have been applied", got)
	}
}

func TestFaultLatency(t *testing.T) {
	c := sandboxtest.NewClock()
	f := startWith(t, core.Options{Now: c.Now, Latency: 20 * time.Millisecond}, c)
	f.Sandbox.SetFaults(core.Faults{LatencyMS: 30})

	// A busy machine only makes the request slower, never faster, so this
	// lower bound holds wherever the test runs.
	began := time.Now()
	f.Amplitude("GET", "/api/2/syncs", nil).WantStatus(t, http.StatusOK)
	if took := time.Since(began); took < 50*time.Millisecond {
		t.Errorf("request took %v, want at least 50ms", took)
	}
}

// Control requests are never delayed: with a latency of a day, a control
// request that answers at all was not delayed by it.
func TestFaultLatencySparesControlRequests(t *testing.T) {
	f := start(t)
	f.Sandbox.SetFaults(core.Faults{LatencyMS: int((24 * time.Hour).Milliseconds())})
	f.Control("GET", "/health", nil).WantStatus(t, http.StatusOK)
}

// A client that gives up during the latency is not kept waiting for, and its
// write is not applied. The latency is a day: had the handler ignored the
// client's leaving, Close, which waits for every handler to return, would
// not return.
func TestFaultLatencyRespectsCancellation(t *testing.T) {
	f := start(t)
	f.Sandbox.SetFaults(core.Faults{LatencyMS: int((24 * time.Hour).Milliseconds())})
	ctx, cancel := context.WithCancel(context.Background())
	body, err := json.Marshal(sandboxtest.BrazeStream("abandoned"))
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.HTTP.URL+developerapi.Path+sandboxtest.DestinationsPath, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	sandboxtest.DeveloperAuth(developerapi.AdminToken)(req)
	// The client leaves once the sandbox has counted its request, that is,
	// while the request waits out the latency.
	go func() {
		for f.Sandbox.Stats().Requests.ByMethod["POST"] == 0 {
			runtime.Gosched()
		}
		cancel()
	}()
	if resp, err := f.HTTP.Client().Do(req); err == nil {
		resp.Body.Close()
		t.Fatal("request completed despite the client leaving")
	}
	f.HTTP.Close()
	if got := f.Sandbox.Stats().Objects["destinations"]; got != 0 {
		t.Fatalf("%d destinations: the abandoned write was applied", got)
	}
}

func TestFaultsEndpoint(t *testing.T) {
	f := start(t)
	var got core.Faults
	r := f.Control("GET", "/faults", nil)
	r.WantStatus(t, http.StatusOK)
	r.Decode(t, &got)
	if got != (core.Faults{ErrorStatus: 503}) {
		t.Fatalf("initial faults %+v", got)
	}

	r = f.Control("PUT", "/faults", map[string]any{"latency_ms": 5, "error_rate": 0.25})
	r.WantStatus(t, http.StatusOK)
	r = f.Control("PUT", "/faults", map[string]any{"drop_response_rate": 0.5, "error_status": 500})
	r.WantStatus(t, http.StatusOK)
	r.Decode(t, &got)
	want := core.Faults{LatencyMS: 5, ErrorRate: 0.25, ErrorStatus: 500, DropResponseRate: 0.5}
	if got != want {
		t.Fatalf("faults %+v, want %+v (fields not sent keep their value)", got, want)
	}

	r = f.Control("PUT", "/faults", map[string]any{"error_status": 0, "error_rate": 0})
	r.Decode(t, &got)
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
		{map[string]any{"hold_writes_after": -1}, "hold_writes_after must be 0 or more"},
		{map[string]any{"chaos": true}, `unknown field "chaos"`},
	}
	f := start(t)
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			r := f.Control("PUT", "/faults", tt.body)
			r.WantStatus(t, http.StatusBadRequest)
			var body struct{ Error string }
			r.Decode(t, &body)
			if !strings.Contains(body.Error, tt.want) {
				t.Fatalf("error %q, want %q", body.Error, tt.want)
			}
		})
	}
	var got core.Faults
	f.Control("GET", "/faults", nil).Decode(t, &got)
	if got != (core.Faults{ErrorStatus: 503}) {
		t.Fatalf("refused settings were applied: %+v", got)
	}
}

func TestSetFaultsPanicsOnInvalidValues(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	start(t).Sandbox.SetFaults(core.Faults{ErrorRate: 2})
}

// The write hold lets a set number of writes through and parks the rest,
// unapplied, until released: how a test stops a client part-way through a
// run of writes without racing it against a timer.
func TestFaultHoldWrites(t *testing.T) {
	f := start(t)
	f.Control("PUT", "/faults", map[string]any{"hold_writes_after": 1}).WantStatus(t, http.StatusOK)
	admin := sandboxtest.DeveloperAuth(developerapi.AdminToken)
	f.Send("POST", developerapi.Path+sandboxtest.DestinationsPath, sandboxtest.BrazeStream("first"), admin).WantStatus(t, http.StatusCreated)

	answered := make(chan Response, 1)
	go func() {
		r, err := f.Try("POST", developerapi.Path+sandboxtest.DestinationsPath, sandboxtest.BrazeStream("second"), admin)
		if err != nil {
			t.Error(err)
		}
		answered <- r
	}()
	var held struct {
		Held int `json:"held"`
	}
	f.Control("GET", "/held?at_least=1", nil).Decode(t, &held)
	if held.Held != 1 {
		t.Fatalf("held %d writes, want 1", held.Held)
	}
	if got := f.Sandbox.Stats().Objects["destinations"]; got != 1 {
		t.Fatalf("%d destinations while the second create is held; it was applied", got)
	}
	// Reads are never held.
	f.Developer("GET", sandboxtest.DestinationsPath, nil).WantStatus(t, http.StatusOK)

	f.Control("POST", "/release", nil).WantStatus(t, http.StatusOK)
	if r := <-answered; r.Status != http.StatusCreated {
		t.Fatalf("the released create answered %d: %s", r.Status, r.Body)
	}
	if got := f.Sandbox.Stats().Objects["destinations"]; got != 2 {
		t.Fatalf("%d destinations after the release, want 2", got)
	}

	// The hold stays on after a release; turning it off lets the parked
	// write through.
	go func() {
		r, err := f.Try("POST", developerapi.Path+sandboxtest.DestinationsPath, sandboxtest.BrazeStream("third"), admin)
		if err != nil {
			t.Error(err)
		}
		answered <- r
	}()
	f.Control("GET", "/held", nil).Decode(t, &held)
	f.Control("PUT", "/faults", map[string]any{"hold_writes_after": 0}).WantStatus(t, http.StatusOK)
	if r := <-answered; r.Status != http.StatusCreated {
		t.Fatalf("the create released by turning the hold off answered %d: %s", r.Status, r.Body)
	}
}

// Response is the fixture's answer to one request.
type Response = sandboxtest.Response
