// Command sandbox serves the local emulator of the Amplitude and Braze APIs
// (internal/sandbox), Amplitude's Developer API included, for demos and
// scripts.
//
//	go run ./cmd/sandbox -addr 127.0.0.1:8089 [-latency 20ms] [-state FILE] [-contract]
//
// SANDBOX_CONTRADICT=<setting> (one of core.Contradictions) makes it answer
// one open point of api/amplitude-developer.openapi.yaml otherwise than
// modelled, for the test of make probe.
//
// It listens on loopback only: the sandbox holds fixed, public credentials.
// With -contract it checks every vendor request and answer against the
// OpenAPI documents in api/ and writes each mismatch to stderr, as a line
// starting "contract api/" (the scripts under scripts/ fail on one).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/contract"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "sandbox:", err)
		os.Exit(1)
	}
}

// run serves until ctx is done, then shuts down gracefully.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("sandbox", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "127.0.0.1:8089", "loopback `address` to listen on; port 0 picks a free port")
	latency := flags.Duration("latency", 0, "`delay` added to every vendor request")
	statePath := flags.String("state", "", "JSON `file` to load the state from and save it to")
	checkContract := flags.Bool("contract", false, "check every vendor request and answer against api/*.openapi.yaml, writing mismatches to stderr")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", flags.Args())
	}
	if err := requireLoopback(*addr); err != nil {
		return err
	}

	// SANDBOX_CONTRADICT makes the sandbox answer one open point otherwise
	// than modelled, as a vendor might: how make test shows that make probe
	// catches a contradiction.
	handler, err := sandbox.Open(sandbox.Options{Latency: *latency, StatePath: *statePath, Contradict: os.Getenv("SANDBOX_CONTRADICT")})
	if err != nil {
		return err
	}
	var lc net.ListenConfig
	listener, err := lc.Listen(ctx, "tcp", *addr)
	if err != nil {
		return err
	}
	base := "http://" + listener.Addr().String()
	fmt.Fprintf(stdout, "sandbox listening on %s\n", base)
	fmt.Fprintf(stdout, "  developer API base URL: %s%s\n", base, sandbox.DeveloperAPIPath)
	fmt.Fprintf(stdout, "  amplitude base URL:     %s%s\n", base, sandbox.AmplitudePath)
	fmt.Fprintf(stdout, "  braze base URL:         %s%s\n", base, sandbox.BrazePath)

	var served http.Handler = handler
	if *checkContract {
		served = contract.Handler(&lineReporter{w: stderr}, handler)
	}
	server := &http.Server{Handler: served, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- server.Serve(listener) }()

	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := server.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// lineReporter writes each contract mismatch as one line; each starts
// "contract api/<document>".
type lineReporter struct {
	mu sync.Mutex
	w  io.Writer
}

func (r *lineReporter) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	line := strings.ReplaceAll(fmt.Sprintf(format, args...), "\n", " ")
	fmt.Fprintln(r.w, line)
}

// requireLoopback refuses addresses reachable from other machines. It
// quotes addr without what comes before an @, in case a URL with a
// password was pasted there.
func requireLoopback(addr string) error {
	quoted := addr
	if at := strings.LastIndex(addr, "@"); at >= 0 {
		quoted = "[REDACTED]" + addr[at:]
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q is not a host:port address such as 127.0.0.1:8089", quoted)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("-addr %q is not a loopback address: the sandbox has fixed public credentials, so it only listens on 127.0.0.1, ::1 or localhost", quoted)
}
