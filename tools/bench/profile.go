package main

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/pluginprocess"
)

// cpuProfile is where the provider processes of planRuns no-change plans
// spent their CPU, one configuration served by one provider.
type cpuProfile struct {
	processes int
	// areas is the CPU of the samples in each of areas, by index.
	areas []time.Duration
	// own is the CPU of the samples that passed through each function of
	// this repository, by function.
	own map[string]time.Duration
}

// profileAboveFloor profiles the plans of the N-sync configuration, real and
// floor, outside the timed plans.
func (b *bench) profileAboveFloor(n int, realDir, floorDir string) *profileSummary {
	return &profileSummary{n: n, real: b.profile("real", realDir), floor: b.profile("floor", floorDir)}
}

// profile plans dir planRuns times with each provider process writing a CPU
// profile, merges the profiles into b.profiles, and reads the result.
func (b *bench) profile(name, dir string) cpuProfile {
	profiles := must(os.MkdirTemp(b.work, "profiles-"+name+"-"))
	for range planRuns {
		b.runWith([]string{pluginprocess.EnvCPUProfileDir + "=" + profiles}, dir, "plan", "-input=false", "-detailed-exitcode", "-lock=false")
	}
	files := must(filepath.Glob(filepath.Join(profiles, "*.pprof")))
	if len(files) == 0 {
		log.Fatalf("no provider wrote a CPU profile into %s", profiles)
	}
	merged := filepath.Join(b.profiles, name+".pb.gz")
	pprof(append([]string{"-proto", "-output=" + merged}, files...)...)
	p := readTraces(pprof("-traces", merged))
	p.processes = len(files)
	return p
}

func pprof(args ...string) string {
	cmd := exec.CommandContext(context.Background(), "go", append([]string{"tool", "pprof"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		log.Fatalf("go tool pprof %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

const internalPackages = "github.com/ampbraze/terraform-provider-ampbraze/internal/"

// own reports whether function belongs to the provider: to this
// repository's packages but pluginprocess, which the floor runs too.
func own(function string) bool {
	return strings.HasPrefix(function, internalPackages) && !strings.HasPrefix(function, internalPackages+"pluginprocess.")
}

// matching reports whether a function's name matches pattern.
func matching(pattern string) func(string) bool {
	return regexp.MustCompile(pattern).MatchString
}

// areas sort a CPU sample into the first of them, in this order, that one of
// its stack's functions belongs to: a sample under a Read of this provider
// that spends its time in the framework's reflection counts as the
// provider's, since the floor does not pay for it.
var areas = []struct {
	name  string
	match func(function string) bool
}{
	{"this provider's code (its resources' Read, ModifyPlan, ValidateConfig; its clients) and what it calls", own},
	{"HTTP connections to the vendor", matching(`^net/http\.`)},
	{"process start-up (go-plugin's TLS certificate, package initialisation)", matching(`^runtime\.(main|doInit)`)},
	{"terraform-plugin-framework and terraform-plugin-go handling each call (decoding, schema walks, validation, planning, encoding)", matching(`^github\.com/hashicorp/terraform-plugin-(framework|go)/`)},
	{"gRPC, TLS and HTTP/2 carrying each call", matching(`^(google\.golang\.org/grpc|golang\.org/x/net/http2|crypto/|github\.com/hashicorp/(go-plugin|yamux))`)},
	{"garbage collection in the background", matching(`^runtime\.(gcBgMarkWorker|bgsweep|bgscavenge)`)},
	{"the rest of the Go runtime (scheduler, timers)", func(string) bool { return true }},
}

// readTraces reads the output of go tool pprof -traces: stacks separated by
// dashed lines, each led by its CPU time and then its functions, leaf first.
func readTraces(traces string) cpuProfile {
	p := cpuProfile{areas: make([]time.Duration, len(areas)), own: map[string]time.Duration{}}
	var cpu time.Duration
	var stack []string
	flush := func() {
		if stack == nil {
			return
		}
		for i, a := range areas {
			if slices.ContainsFunc(stack, a.match) {
				p.areas[i] += cpu
				break
			}
		}
		seen := map[string]bool{}
		for _, f := range stack {
			if own(f) && !seen[f] {
				seen[f] = true
				p.own[f] += cpu
			}
		}
		stack = nil
	}
	for _, line := range strings.Split(traces, "\n") {
		switch fields := strings.Fields(line); {
		case strings.HasPrefix(line, "-----------+"):
			flush()
		case stack == nil && len(fields) >= 2 && isDuration(fields[0]):
			cpu = must(time.ParseDuration(fields[0]))
			stack = []string{strings.TrimSuffix(strings.Join(fields[1:], " "), " (inline)")}
		case len(fields) >= 1 && stack != nil:
			stack = append(stack, strings.TrimSuffix(strings.Join(fields, " "), " (inline)"))
		}
	}
	flush()
	return p
}

func isDuration(s string) bool {
	_, err := time.ParseDuration(s)
	return err == nil
}

// profileSummary compares the real provider's profile with the floor's.
type profileSummary struct {
	n           int
	real, floor cpuProfile
}

// shapeName drops the compiler's hash from generic functions' names.
var shapeName = regexp.MustCompile(`\[go\.shape\.[^\]]*\]`)

const ownTop = 8

func (s *profileSummary) render(b *strings.Builder) {
	perPlan := func(d time.Duration) float64 { return float64(d.Milliseconds()) / planRuns }
	var realTotal, floorTotal time.Duration
	for i := range areas {
		realTotal += s.real.areas[i]
		floorTotal += s.floor.areas[i]
	}
	fmt.Fprintf(b, "\n## What remains above the floor\n\n")
	fmt.Fprintf(b, "CPU profiles of the provider processes during %d no-change plans of N=%d, taken apart from the timed plans "+
		"(`%s=folder` makes the provider write one per process; Terraform started it %.0f times a plan, the floor %.0f), merged with `go tool pprof`, "+
		"each sample counted in the first area one of its stack's functions belongs to, in the order of the table. "+
		"`go run ./tools/bench -profiles folder` keeps the merged profiles (real.pb.gz, floor.pb.gz) for `go tool pprof`.\n\n",
		planRuns, s.n, pluginprocess.EnvCPUProfileDir, float64(s.real.processes)/planRuns, float64(s.floor.processes)/planRuns)
	fmt.Fprintf(b, "| provider CPU per plan, ms | real | floor | above the floor |\n|---|---:|---:|---:|\n")
	for i, a := range areas {
		r, f := perPlan(s.real.areas[i]), perPlan(s.floor.areas[i])
		fmt.Fprintf(b, "| %s | %.0f | %.0f | %+.0f |\n", a.name, r, f, r-f)
	}
	fmt.Fprintf(b, "| **total** | **%.0f** | **%.0f** | **%+.0f** |\n", perPlan(realTotal), perPlan(floorTotal), perPlan(realTotal)-perPlan(floorTotal))

	names := make([]string, 0, len(s.real.own))
	for name := range s.real.own {
		names = append(names, name)
	}
	slices.SortFunc(names, func(x, y string) int { return cmp.Or(cmp.Compare(s.real.own[y], s.real.own[x]), strings.Compare(x, y)) })
	fmt.Fprintf(b, "\nThis provider's functions by the CPU of the samples that pass through them (what they call included), per plan:\n\n")
	for _, name := range names[:min(ownTop, len(names))] {
		short := shapeName.ReplaceAllString(strings.TrimPrefix(name, internalPackages), "[…]")
		fmt.Fprintf(b, "- `%s`: %.0f ms\n", short, perPlan(s.real.own[name]))
	}
}
