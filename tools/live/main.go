// Command live is the part of make test-live that runs outside the tests:
// "preflight" checks the settings with read-only calls and prints a fresh
// run prefix; "sweep PREFIX" removes what carries the prefix and reports
// what it could not. Both read the providers' environment variables
// (internal/live) and print no secret.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/live"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:])
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 || (args[0] == "sweep") != (len(args) == 2) || (args[0] != "sweep" && args[0] != "preflight") {
		return fmt.Errorf("usage: live preflight | live sweep PREFIX")
	}
	settings, err := live.FromEnv()
	if err != nil {
		return err
	}
	clients, err := settings.Clients()
	if err != nil {
		return err
	}
	if args[0] == "preflight" {
		if err := live.Preflight(ctx, settings, clients); err != nil {
			return err
		}
		fmt.Println(live.NewPrefix())
		return nil
	}
	prefix := args[1]
	if err := live.CheckPrefix(prefix); err != nil {
		return err
	}
	report := live.Sweep(ctx, clients, prefix, live.ModelledIncluded())
	for _, line := range report.Removed {
		fmt.Printf("sweep %s: %s\n", prefix, line)
	}
	if n := len(report.Disabled); n > 0 {
		fmt.Printf("sweep %s: %d event-streaming destinations stay in Amplitude, disabled (the Developer API has no delete)\n", prefix, n)
	}
	for _, line := range report.Left {
		fmt.Fprintf(os.Stderr, "sweep %s: NOT REMOVED: %s\n", prefix, line)
	}
	if len(report.Left) > 0 {
		return fmt.Errorf("sweep %s left %d objects; find them by the prefix (README › Testing against the real vendors)", prefix, len(report.Left))
	}
	return nil
}
