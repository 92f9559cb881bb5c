package sandbox_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

const admin = sandbox.DeveloperAPIAdminToken

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
			for _, w := range []struct{ method, path string }{
				{"POST", eventsPath}, {"PATCH", eventPath("Purchase")}, {"DELETE", eventPath("Purchase")},
			} {
				r := f.send(w.method, sandbox.DeveloperAPIPath+w.path, map[string]any{"event_type": "X"}, func(req *http.Request) {
					developerAuth(admin)(req)
					for _, v := range tt.values {
						req.Header.Add("Idempotency-Key", v)
					}
				})
				p := r.wantProblem(t, http.StatusBadRequest, "validation_error", "Idempotency-Key")
				if len(p.ValidationErrors) != 1 || p.ValidationErrors[0].Field != "Idempotency-Key" || p.ValidationErrors[0].Code != tt.code {
					t.Errorf("%s %s: validation errors %+v", w.method, w.path, p.ValidationErrors)
				}
			}
		})
	}
	for _, key := range []string{"12345678", strings.Repeat("k", 255), "9b2f1c3e-4d5a-4e6f-8a7b-0c1d2e3f4a5b", "~!@#$%^&*()_+{}|:<>?"} {
		f.writeAs(admin, key, "PATCH", eventPath("Purchase"), map[string]any{}).wantStatus(t, http.StatusOK)
	}
	if n := f.server.Stats().Objects.Events; n != 3 {
		t.Errorf("%d events after refused writes", n)
	}
	// Reads need no key, and ignore one.
	f.developer("GET", eventsPath, nil).wantStatus(t, http.StatusOK)
	r := f.send("GET", sandbox.DeveloperAPIPath+eventPath("Purchase"), nil, withKey(admin, "short"))
	r.wantStatus(t, http.StatusOK)
	if r.header.Get("Idempotent-Replayed") != "" {
		t.Error("a read was replayed")
	}
}

// The same key and request replay the first answer byte for byte, and run
// nothing again.
func TestIdempotentReplay(t *testing.T) {
	f := start(t)
	key := newKey()
	body := map[string]any{"event_type": "Checkout", "description": "first"}
	first := f.writeAs(admin, key, "POST", eventsPath, body)
	first.wantStatus(t, http.StatusCreated)
	if first.header.Get("Idempotent-Replayed") != "" {
		t.Error("a first answer says it is replayed")
	}
	// Changed since: a replay still answers what the create answered.
	f.write("PATCH", eventPath("Checkout"), map[string]any{"description": "changed"}).wantStatus(t, http.StatusOK)

	again := f.writeAs(admin, key, "POST", eventsPath, body)
	again.wantStatus(t, http.StatusCreated)
	if !bytes.Equal(again.body, first.body) || again.header.Get("Content-Type") != first.header.Get("Content-Type") {
		t.Errorf("replay %s %s, first %s %s", again.header.Get("Content-Type"), again.body, first.header.Get("Content-Type"), first.body)
	}
	if again.header.Get("Idempotent-Replayed") != "true" {
		t.Errorf("Idempotent-Replayed %q", again.header.Get("Idempotent-Replayed"))
	}
	if n := f.server.Stats().Objects.Events; n != 4 {
		t.Errorf("%d events, want one created", n)
	}
	wantString(t, f.developer("GET", eventPath("Checkout"), nil).data(t), "description", "changed")

	t.Run("a 204 replays as a 204", func(t *testing.T) {
		key := newKey()
		f.writeAs(admin, key, "DELETE", eventPath("Checkout"), nil).wantStatus(t, http.StatusNoContent)
		f.write("POST", eventsPath, map[string]any{"event_type": "Checkout"}).wantStatus(t, http.StatusCreated)
		r := f.writeAs(admin, key, "DELETE", eventPath("Checkout"), nil)
		r.wantStatus(t, http.StatusNoContent)
		if len(r.body) != 0 || r.header.Get("Idempotent-Replayed") != "true" {
			t.Errorf("replayed delete %q %v", r.body, r.header)
		}
		f.developer("GET", eventPath("Checkout"), nil).wantStatus(t, http.StatusOK)
	})

	t.Run("a 4xx is kept too", func(t *testing.T) {
		key := newKey()
		f.writeAs(admin, key, "PATCH", eventPath("Refund"), map[string]any{"is_active": false}).wantProblem(t, http.StatusNotFound, "not_found", "")
		f.write("POST", eventsPath, map[string]any{"event_type": "Refund"}).wantStatus(t, http.StatusCreated)
		r := f.writeAs(admin, key, "PATCH", eventPath("Refund"), map[string]any{"is_active": false})
		r.wantProblem(t, http.StatusNotFound, "not_found", "")
		if r.header.Get("Idempotent-Replayed") != "true" {
			t.Error("the 404 was not replayed")
		}
		wantString(t, f.developer("GET", eventPath("Refund"), nil).data(t), "is_active", true)
	})
}

func TestIdempotencyKeyReused(t *testing.T) {
	f := start(t)
	key := newKey()
	f.writeAs(admin, key, "POST", eventsPath, map[string]any{"event_type": "Checkout"}).wantStatus(t, http.StatusCreated)

	r := f.writeAs(admin, key, "POST", eventsPath, map[string]any{"event_type": "Refund"})
	p := r.wantProblem(t, http.StatusUnprocessableEntity, "idempotency_key_reused",
		"Idempotency-Key "+key+" was first used for POST /developer-api/v1/projects/424242/events with another body; send a new key for a new write")
	if p.Retryable {
		t.Error("a reused key is retryable")
	}
	// Another path or method is another request.
	f.writeAs(admin, key, "PATCH", eventPath("Checkout"), map[string]any{"event_type": "Checkout"}).
		wantProblem(t, http.StatusUnprocessableEntity, "idempotency_key_reused", "was first used for POST /developer-api/v1/projects/424242/events; send a new key")
	f.writeAs(admin, key, "POST", eventsPath+"?dry_run=false", map[string]any{"event_type": "Checkout"}).
		wantProblem(t, http.StatusUnprocessableEntity, "idempotency_key_reused", "")
	f.developer("GET", eventPath("Refund"), nil).wantStatus(t, http.StatusNotFound)
	// The refusals changed nothing: the first answer still replays.
	f.writeAs(admin, key, "POST", eventsPath, map[string]any{"event_type": "Checkout"}).wantStatus(t, http.StatusCreated)
}

// Keys are the principal's own: another token's key of the same value is
// another key.
func TestIdempotencyKeysPerPrincipal(t *testing.T) {
	f := start(t)
	key := newKey()
	f.writeAs(admin, key, "POST", eventsPath, map[string]any{"event_type": "Checkout"}).wantStatus(t, http.StatusCreated)
	r := f.writeAs(sandbox.DeveloperAPIEditorToken, key, "POST", eventsPath, map[string]any{"event_type": "Refund"})
	r.wantStatus(t, http.StatusCreated)
	if r.header.Get("Idempotent-Replayed") != "" {
		t.Error("another principal's key was replayed")
	}
	r = f.writeAs(sandbox.DeveloperAPIEditorToken, key, "POST", eventsPath, map[string]any{"event_type": "Checkout"})
	r.wantProblem(t, http.StatusUnprocessableEntity, "idempotency_key_reused", "")
	// The PAT= and bare forms of one token are one principal.
	r = f.send("POST", sandbox.DeveloperAPIPath+eventsPath, map[string]any{"event_type": "Checkout"}, func(req *http.Request) {
		req.Header.Set("Authorization", "Bearer "+admin)
		req.Header.Set("Idempotency-Key", key)
	})
	r.wantStatus(t, http.StatusCreated)
	if r.header.Get("Idempotent-Replayed") != "true" {
		t.Error("the bare token form is another principal")
	}
}

// Keys are kept 24 hours of the sandbox's clock.
func TestIdempotencyKeyExpiry(t *testing.T) {
	f := start(t)
	key := newKey()
	body := map[string]any{"event_type": "Checkout"}
	f.writeAs(admin, key, "POST", eventsPath, body).wantStatus(t, http.StatusCreated)
	f.clock.advance(24*time.Hour - time.Second)
	f.writeAs(admin, key, "POST", eventsPath, body).wantStatus(t, http.StatusCreated)
	f.clock.advance(time.Second)
	// Forgotten: the write runs again, and the event exists now.
	r := f.writeAs(admin, key, "POST", eventsPath, body)
	r.wantProblem(t, http.StatusConflict, "already_exists", "")
	if r.header.Get("Idempotent-Replayed") != "" {
		t.Error("an expired key was replayed")
	}
	// Then it is a fresh key for another request too.
	f.clock.advance(24 * time.Hour)
	f.writeAs(admin, key, "POST", eventsPath, map[string]any{"event_type": "Refund"}).wantStatus(t, http.StatusCreated)
}

// The drop-response fault applies a write and cuts its answer: the retry
// with the same key gets the answer, and nothing is made twice.
func TestIdempotentRetryAfterDroppedResponse(t *testing.T) {
	f := start(t)
	key := newKey()
	body := map[string]any{"property_name": "coupon", "data_type": "string"}
	f.server.SetFaults(sandbox.Faults{DropResponseRate: 1})
	if _, err := f.try("POST", sandbox.DeveloperAPIPath+eventPropertiesPath("Purchase"), body, withKey(admin, key)); err == nil {
		t.Fatal("the client got a response to a dropped create")
	}
	f.server.SetFaults(sandbox.Faults{})
	r := f.writeAs(admin, key, "POST", eventPropertiesPath("Purchase"), body)
	r.wantStatus(t, http.StatusCreated)
	if r.header.Get("Idempotent-Replayed") != "true" {
		t.Error("the retry ran again instead of replaying")
	}
	wantString(t, r.data(t), "property_name", "coupon")
	if n := f.server.Stats().Objects.EventProperties; n != 3 {
		t.Errorf("%d event properties, want exactly one created", n)
	}
}

// A failure injected before the handler stores nothing: the retry runs.
func TestIdempotentRetryAfterInjectedFailure(t *testing.T) {
	f := start(t)
	key := newKey()
	body := map[string]any{"event_type": "Checkout"}
	for _, faults := range []sandbox.Faults{{ErrorRate: 1}, {RateLimitPerSecond: 1}} {
		f.server.SetFaults(faults)
		if faults.RateLimitPerSecond > 0 {
			f.developer("GET", eventsPath, nil).wantStatus(t, http.StatusOK)
		}
		r := f.writeAs(admin, key, "POST", eventsPath, body)
		if r.status != http.StatusServiceUnavailable && r.status != http.StatusTooManyRequests {
			t.Fatalf("status %d under %+v", r.status, faults)
		}
	}
	f.server.SetFaults(sandbox.Faults{})
	r := f.writeAs(admin, key, "POST", eventsPath, body)
	r.wantStatus(t, http.StatusCreated)
	if r.header.Get("Idempotent-Replayed") != "" {
		t.Error("an injected failure was stored and replayed")
	}
	// Refusals before the handler are not the write's answer either.
	f.writeAs(sandbox.DeveloperAPIReadOnlyToken, newKey(), "POST", eventsPath, body).wantStatus(t, http.StatusForbidden)
	other := newKey()
	f.writeAs(admin, other, "POST", "/v1/projects/1/events", body).wantStatus(t, http.StatusNotFound)
	f.writeAs(admin, other, "POST", eventsPath, map[string]any{"event_type": "Refund"}).wantStatus(t, http.StatusCreated)
}

func TestIdempotencyKeyInUse(t *testing.T) {
	f := start(t)
	key := newKey()
	release := sandbox.HoldIdempotencyKey(f.server, key)
	r := f.writeAs(admin, key, "POST", eventsPath, map[string]any{"event_type": "Checkout"})
	p := r.wantProblem(t, http.StatusConflict, "idempotency_key_in_use", "Idempotency-Key "+key+" is in use")
	if !p.Retryable || p.RetryAfterSeconds == nil || *p.RetryAfterSeconds != 1 {
		t.Errorf("retryable %v, retry_after_seconds %v", p.Retryable, p.RetryAfterSeconds)
	}
	// Another principal's key of the same value is free.
	f.writeAs(sandbox.DeveloperAPIEditorToken, key, "POST", eventsPath, map[string]any{"event_type": "Refund"}).wantStatus(t, http.StatusCreated)
	release()
	f.writeAs(admin, key, "POST", eventsPath, map[string]any{"event_type": "Checkout"}).wantStatus(t, http.StatusCreated)
}

func TestIdempotencyKeysResetWithTheSeed(t *testing.T) {
	f := start(t)
	key := newKey()
	f.writeAs(admin, key, "POST", eventsPath, map[string]any{"event_type": "Checkout"}).wantStatus(t, http.StatusCreated)
	f.control("POST", "/reset", nil).wantStatus(t, http.StatusOK)
	r := f.writeAs(admin, key, "POST", eventsPath, map[string]any{"event_type": "Refund"})
	r.wantStatus(t, http.StatusCreated)
}
