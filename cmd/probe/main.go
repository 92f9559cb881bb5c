// Command probe asks Amplitude's live Developer API the question that
// settles each open point of api/amplitude-developer.openapi.yaml and
// prints one line per point: confirmed, contradicted (with the vendor's
// answer and the files that encode the guess), or not testable (with why).
// make probe runs it.
//
// It reads the providers' environment variables: AMPLITUDE_ACCESS_TOKEN
// (or AMP_TOKEN), AMPLITUDE_PROJECT_ID, AMPLITUDE_REGION or
// AMPLITUDE_DEVELOPER_API_URL, BRAZE_REST_ENDPOINT and BRAZE_API_KEY, and
// BRAZE_APP_ID for the Braze destination it makes. Everything it makes is
// named tfprobe-<random>- and removed at the end (a destination, which the
// API cannot delete, is disabled); what could not be removed is listed.
//
// With -list it prints the open points' names and asks nothing.
//
// Exit status: 0 when every point was asked and none is contradicted, 3
// when one or more is contradicted, 1 when the run could not start or left
// something behind.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/probe"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("probe", flag.ContinueOnError)
	flags.SetOutput(stderr)
	list := flags.Bool("list", false, "print the open points' names, one a line, and ask nothing")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *list {
		points, err := probe.Points()
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		for _, p := range points {
			fmt.Fprintln(stdout, p.Name)
		}
		return 0
	}
	cfg, err := probe.ConfigFromEnv(getenv)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "probing %s, project %s\n", cfg.DeveloperAPIURL, cfg.ProjectID)
	report, err := probe.Run(ctx, cfg)
	if err != nil {
		fmt.Fprintln(stderr, "make probe stopped before any write:", err)
		return 1
	}
	code := 0
	for _, r := range report.Results {
		fmt.Fprintln(stdout, r.Line())
		if r.Verdict == probe.Contradicted {
			code = 3
		}
	}
	fmt.Fprintf(stdout, "%d requests (%d of them writes), objects named %s*\n", report.Requests, report.Writes, report.Prefix)
	for _, left := range report.Leftovers {
		fmt.Fprintln(stderr, "could not remove:", left)
	}
	if len(report.Leftovers) > 0 {
		fmt.Fprintf(stderr, "look for leftovers named %s* in the project\n", report.Prefix)
		return 1
	}
	return code
}
