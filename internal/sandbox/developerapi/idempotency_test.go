package developerapi_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

const admin = developerapi.AdminToken

func TestIdempotencyKeyRequired(t *testing.T) {
	f := start(t)
	tests := []struct {
		name   string
		values []string
		code   string
	}{
		{"missing", nil, "required"},
		{"empty", []string{""}, "too_short"},
		{"seven characters", []string{"1234567"}, "too_short"},
		{"256 characters", []string{strings.Repeat("k", 256)}, "too_long"},
		{"a space", []string{"key with space"}, "invalid_value"},
		{"not ASCII", []string{"schlüssel-1"}, "invalid_value"},
		{"a tab", []string{"key\twith-a-tab"}, "invalid_value"},
		{"sent twice", []string{"key-00000001", "key-00000002"}, "invalid_value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, w := range []struct {
				method, path string
				body         any
			}{
				{"POST", sandboxtest.EventsPath, map[string]any{"event_type": "X"}},
				{"PATCH", sandboxtest.EventPath("Purchase"), map[string]any{}},
				{"DELETE", sandboxtest.EventPath("Purchase"), nil},
			} {
				r := f.Send(w.method, developerapi.Path+w.path, w.body, func(req *http.Request) {
					sandboxtest.DeveloperAuth(admin)(req)
					for _, v := range tt.values {
						req.Header.Add("Idempotency-Key", v)
					}
				})
				p := r.WantProblem(t, http.StatusBadRequest, "validation_error", "Idempotency-Key")
				if len(p.ValidationErrors) != 1 || p.ValidationErrors[0].Field != "Idempotency-Key" || p.ValidationErrors[0].Code != tt.code {
					t.Errorf("%s %s: validation errors %+v", w.method, w.path, p.ValidationErrors)
				}
			}
		})
	}
	for _, key := range []string{"12345678", strings.Repeat("k", 255), "9b2f1c3e-4d5a-4e6f-8a7b-0c1d2e3f4a5b", "~!@#$%^&*()_+{}|:<>?"} {
		f.WriteAs(admin, key, "PATCH", sandboxtest.EventPath("Purchase"), map[string]any{}).WantStatus(t, http.StatusOK)
	}
	if n := f.Sandbox.Stats().Objects["events"]; n != 3 {
		t.Errorf("%d events after refused writes", n)
	}
	// Reads need no key, and ignore one.
	f.Developer("GET", sandboxtest.EventsPath, nil).WantStatus(t, http.StatusOK)
	r := f.Send("GET", developerapi.Path+sandboxtest.EventPath("Purchase"), nil, sandboxtest.WithKey(admin, "short"))
	r.WantStatus(t, http.StatusOK)
	if r.Header.Get("Idempotent-Replayed") != "" {
		t.Error("a read was replayed")
	}
}

// The same key and request replay the first answer byte for byte, and run
// nothing again.
func TestIdempotentReplay(t *testing.T) {
	f := start(t)
	key := sandboxtest.NewKey()
	body := map[string]any{"event_type": "Checkout", "description": "first"}
	first := f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, body)
	first.WantStatus(t, http.StatusCreated)
	if first.Header.Get("Idempotent-Replayed") != "" {
		t.Error("a first answer says it is replayed")
	}
	// Changed since: a replay still answers what the create answered.
	f.Write("PATCH", sandboxtest.EventPath("Checkout"), map[string]any{"description": "changed"}).WantStatus(t, http.StatusOK)

	again := f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, body)
	again.WantStatus(t, http.StatusCreated)
	if !bytes.Equal(again.Body, first.Body) || again.Header.Get("Content-Type") != first.Header.Get("Content-Type") {
		t.Errorf("replay %s %s, first %s %s", again.Header.Get("Content-Type"), again.Body, first.Header.Get("Content-Type"), first.Body)
	}
	if again.Header.Get("Idempotent-Replayed") != "true" {
		t.Errorf("Idempotent-Replayed %q", again.Header.Get("Idempotent-Replayed"))
	}
	if n := f.Sandbox.Stats().Objects["events"]; n != 4 {
		t.Errorf("%d events, want one created", n)
	}
	sandboxtest.WantString(t, f.Developer("GET", sandboxtest.EventPath("Checkout"), nil).Data(t), "description", "changed")

	t.Run("a 204 replays as a 204", func(t *testing.T) {
		key := sandboxtest.NewKey()
		f.WriteAs(admin, key, "DELETE", sandboxtest.EventPath("Checkout"), nil).WantStatus(t, http.StatusNoContent)
		f.Write("POST", sandboxtest.EventsPath, map[string]any{"event_type": "Checkout"}).WantStatus(t, http.StatusCreated)
		r := f.WriteAs(admin, key, "DELETE", sandboxtest.EventPath("Checkout"), nil)
		r.WantStatus(t, http.StatusNoContent)
		if len(r.Body) != 0 || r.Header.Get("Idempotent-Replayed") != "true" {
			t.Errorf("replayed delete %q %v", r.Body, r.Header)
		}
		f.Developer("GET", sandboxtest.EventPath("Checkout"), nil).WantStatus(t, http.StatusOK)
	})

	t.Run("a 4xx is kept too", func(t *testing.T) {
		key := sandboxtest.NewKey()
		f.WriteAs(admin, key, "PATCH", sandboxtest.EventPath("Refund"), map[string]any{"is_active": false}).WantProblem(t, http.StatusNotFound, "not_found", "")
		f.Write("POST", sandboxtest.EventsPath, map[string]any{"event_type": "Refund"}).WantStatus(t, http.StatusCreated)
		r := f.WriteAs(admin, key, "PATCH", sandboxtest.EventPath("Refund"), map[string]any{"is_active": false})
		r.WantProblem(t, http.StatusNotFound, "not_found", "")
		if r.Header.Get("Idempotent-Replayed") != "true" {
			t.Error("the 404 was not replayed")
		}
		sandboxtest.WantString(t, f.Developer("GET", sandboxtest.EventPath("Refund"), nil).Data(t), "is_active", true)
	})
}

func TestIdempotencyKeyReused(t *testing.T) {
	f := start(t)
	key := sandboxtest.NewKey()
	f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Checkout"}).WantStatus(t, http.StatusCreated)

	r := f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Refund"})
	p := r.WantProblem(t, http.StatusUnprocessableEntity, "idempotency_key_reused",
		"Idempotency-Key "+key+" was first used for POST /developer-api/v1/projects/424242/events with another body; send a new key for a new write")
	if p.Retryable {
		t.Error("a reused key is retryable")
	}
	// Another path or method is another request.
	f.WriteAs(admin, key, "PATCH", sandboxtest.EventPath("Checkout"), map[string]any{"description": "Checkout"}).
		WantProblem(t, http.StatusUnprocessableEntity, "idempotency_key_reused", "was first used for POST /developer-api/v1/projects/424242/events; send a new key")
	f.WriteAs(admin, key, "POST", sandboxtest.EventsPath+"?dry_run=false", map[string]any{"event_type": "Checkout"}).
		WantProblem(t, http.StatusUnprocessableEntity, "idempotency_key_reused", "")
	f.Developer("GET", sandboxtest.EventPath("Refund"), nil).WantStatus(t, http.StatusNotFound)
	// The refusals changed nothing: the first answer still replays.
	f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Checkout"}).WantStatus(t, http.StatusCreated)
}

// Keys are the principal's own: another token's key of the same value is
// another key.
func TestIdempotencyKeysPerPrincipal(t *testing.T) {
	f := start(t)
	key := sandboxtest.NewKey()
	f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Checkout"}).WantStatus(t, http.StatusCreated)
	r := f.WriteAs(developerapi.EditorToken, key, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Refund"})
	r.WantStatus(t, http.StatusCreated)
	if r.Header.Get("Idempotent-Replayed") != "" {
		t.Error("another principal's key was replayed")
	}
	r = f.WriteAs(developerapi.EditorToken, key, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Checkout"})
	r.WantProblem(t, http.StatusUnprocessableEntity, "idempotency_key_reused", "")
	// The PAT= and bare forms of one token are one principal.
	r = f.Send("POST", developerapi.Path+sandboxtest.EventsPath, map[string]any{"event_type": "Checkout"}, func(req *http.Request) {
		req.Header.Set("Authorization", "Bearer "+admin)
		req.Header.Set("Idempotency-Key", key)
	})
	r.WantStatus(t, http.StatusCreated)
	if r.Header.Get("Idempotent-Replayed") != "true" {
		t.Error("the bare token form is another principal")
	}
}

// Keys are kept 24 hours of the sandbox's clock.
func TestIdempotencyKeyExpiry(t *testing.T) {
	f := start(t)
	key := sandboxtest.NewKey()
	body := map[string]any{"event_type": "Checkout"}
	f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, body).WantStatus(t, http.StatusCreated)
	f.Clock.Advance(24*time.Hour - time.Second)
	f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, body).WantStatus(t, http.StatusCreated)
	f.Clock.Advance(time.Second)
	// Forgotten: the write runs again, and the event exists now.
	r := f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, body)
	r.WantProblem(t, http.StatusConflict, "already_exists", "")
	if r.Header.Get("Idempotent-Replayed") != "" {
		t.Error("an expired key was replayed")
	}
	// Then it is a fresh key for another request too.
	f.Clock.Advance(24 * time.Hour)
	f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Refund"}).WantStatus(t, http.StatusCreated)
}

// The drop-response fault applies a write and cuts its answer: the retry
// with the same key gets the answer, and nothing is made twice.
func TestIdempotentRetryAfterDroppedResponse(t *testing.T) {
	f := start(t)
	key := sandboxtest.NewKey()
	body := map[string]any{"property_name": "coupon", "data_type": "string"}
	f.Sandbox.SetFaults(core.Faults{DropResponseRate: 1})
	if _, err := f.Try("POST", developerapi.Path+sandboxtest.EventPropertiesPath("Purchase"), body, sandboxtest.WithKey(admin, key)); err == nil {
		t.Fatal("the client got a response to a dropped create")
	}
	f.Sandbox.SetFaults(core.Faults{})
	r := f.WriteAs(admin, key, "POST", sandboxtest.EventPropertiesPath("Purchase"), body)
	r.WantStatus(t, http.StatusCreated)
	if r.Header.Get("Idempotent-Replayed") != "true" {
		t.Error("the retry ran again instead of replaying")
	}
	sandboxtest.WantString(t, r.Data(t), "property_name", "coupon")
	if n := f.Sandbox.Stats().Objects["event_properties"]; n != 3 {
		t.Errorf("%d event properties, want exactly one created", n)
	}
}

// A failure injected before the handler stores nothing: the retry runs.
func TestIdempotentRetryAfterInjectedFailure(t *testing.T) {
	f := start(t)
	key := sandboxtest.NewKey()
	body := map[string]any{"event_type": "Checkout"}
	for _, faults := range []core.Faults{{ErrorRate: 1}, {RateLimitPerSecond: 1}} {
		f.Sandbox.SetFaults(faults)
		if faults.RateLimitPerSecond > 0 {
			f.Developer("GET", sandboxtest.EventsPath, nil).WantStatus(t, http.StatusOK)
		}
		r := f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, body)
		if r.Status != http.StatusServiceUnavailable && r.Status != http.StatusTooManyRequests {
			t.Fatalf("status %d under %+v", r.Status, faults)
		}
	}
	f.Sandbox.SetFaults(core.Faults{})
	r := f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, body)
	r.WantStatus(t, http.StatusCreated)
	if r.Header.Get("Idempotent-Replayed") != "" {
		t.Error("an injected failure was stored and replayed")
	}
	// Refusals before the handler are not the write's answer either.
	f.WriteAs(developerapi.ReadOnlyToken, sandboxtest.NewKey(), "POST", sandboxtest.EventsPath, body).WantStatus(t, http.StatusForbidden)
	other := sandboxtest.NewKey()
	f.WriteAs(admin, other, "POST", "/v1/projects/1/events", body).WantStatus(t, http.StatusNotFound)
	f.WriteAs(admin, other, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Refund"}).WantStatus(t, http.StatusCreated)
}

func TestIdempotencyKeyInUse(t *testing.T) {
	f := start(t)
	key := sandboxtest.NewKey()
	release := developerapi.HoldIdempotencyKey(f.Parts.Developer, key)
	r := f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Checkout"})
	p := r.WantProblem(t, http.StatusConflict, "idempotency_key_in_use", "Idempotency-Key "+key+" is in use")
	if !p.Retryable || p.RetryAfterSeconds == nil || *p.RetryAfterSeconds != 1 {
		t.Errorf("retryable %v, retry_after_seconds %v", p.Retryable, p.RetryAfterSeconds)
	}
	// Another principal's key of the same value is free.
	f.WriteAs(developerapi.EditorToken, key, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Refund"}).WantStatus(t, http.StatusCreated)
	release()
	f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Checkout"}).WantStatus(t, http.StatusCreated)
}

func TestIdempotencyKeysResetWithTheSeed(t *testing.T) {
	f := start(t)
	key := sandboxtest.NewKey()
	f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Checkout"}).WantStatus(t, http.StatusCreated)
	f.Control("POST", "/reset", nil).WantStatus(t, http.StatusOK)
	r := f.WriteAs(admin, key, "POST", sandboxtest.EventsPath, map[string]any{"event_type": "Refund"})
	r.WantStatus(t, http.StatusCreated)
}
