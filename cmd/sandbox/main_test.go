package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

func TestRunServesAndShutsDown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, writer := io.Pipe()
	done := make(chan error, 1)
	state := filepath.Join(t.TempDir(), "state.json")
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-latency", "1ms", "-state", state}, writer, io.Discard)
		writer.Close()
	}()

	lines := bufio.NewScanner(stdout)
	var printed []string
	for len(printed) < 4 && lines.Scan() {
		printed = append(printed, lines.Text())
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	if len(printed) != 4 {
		t.Fatalf("printed %q", printed)
	}
	// scripts/lib.sh reads the address from the first line.
	base, ok := strings.CutPrefix(printed[0], "sandbox listening on ")
	if !ok || strings.HasSuffix(base, ":0") {
		t.Fatalf("first line %q should name the actual address", printed[0])
	}
	want := []string{
		"  developer API base URL: " + base + "/developer-api",
		"  amplitude base URL:     " + base + "/amplitude",
		"  braze base URL:         " + base + "/braze",
	}
	if strings.Join(printed[1:], "\n") != strings.Join(want, "\n") {
		t.Fatalf("base URL lines %q, want %q", printed[1:], want)
	}

	for _, path := range []string{"/_sandbox/health", "/developer-api/v1/context"} {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer PAT="+sandbox.DeveloperAPIReadOnlyToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", path, resp.StatusCode)
		}
	}

	// Were run to ignore the cancellation, the test would fail at go
	// test's timeout.
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
}

func TestRunRefusesNonLoopbackAddresses(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:8089", "example.com:8089"} {
		t.Run(addr, func(t *testing.T) {
			err := run(context.Background(), []string{"-addr", addr}, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), "not a loopback address") {
				t.Fatalf("run(-addr %s) = %v, want a loopback refusal", addr, err)
			}
		})
	}
}

func TestRunAcceptsLoopbackNames(t *testing.T) {
	for _, addr := range []string{"localhost:0", "[::1]:0", "127.0.0.2:0"} {
		if err := requireLoopback(addr); err != nil {
			t.Errorf("requireLoopback(%s) = %v", addr, err)
		}
	}
}

func TestRunRefusesBadFlags(t *testing.T) {
	if err := run(context.Background(), []string{"-latency", "soon"}, io.Discard, io.Discard); err == nil {
		t.Fatal("accepted -latency soon")
	}
	if err := run(context.Background(), []string{"extra"}, io.Discard, io.Discard); err == nil {
		t.Fatal("accepted a positional argument")
	}
}

func TestRunQuotesAddressesWithoutPasswords(t *testing.T) {
	for _, addr := range []string{"http://user:hunter2@127.0.0.1:0", "user:hunter2@127.0.0.1:0", "user:hunter2@192.0.2.1:80"} {
		err := run(context.Background(), []string{"-addr", addr}, io.Discard, io.Discard)
		if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "[REDACTED]@") {
			t.Errorf("run(-addr %s) = %v; want a refusal that hides the password", addr, err)
		}
	}
}

// syncBuffer is a bytes.Buffer the server's goroutines may write to while
// the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// With -contract, a request off the vendor API's document is written to
// stderr as one line; one on it is not.
func TestRunChecksTheContract(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, writer := io.Pipe()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-contract"}, writer, &stderr)
		writer.Close()
	}()
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() {
		t.Fatal("the sandbox printed nothing")
	}
	base := strings.TrimPrefix(lines.Text(), "sandbox listening on ")
	go func() { _, _ = io.Copy(io.Discard, stdout) }()

	for _, path := range []string{"/developer-api/v1/context", "/developer-api/v1/flags"} {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer PAT="+sandbox.DeveloperAPIReadOnlyToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
	got := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(got) != 1 || !strings.HasPrefix(got[0], "contract api/amplitude-developer.openapi.yaml: GET /developer-api/v1/flags: request: not in the contract") {
		t.Errorf("stderr %q; want one line on GET /developer-api/v1/flags", got)
	}
}
