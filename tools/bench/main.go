// Command bench measures the providers at scale against the sandbox with the
// real Terraform CLI and the built providers (make bench):
//
//   - vendor requests per resource during a no-change terraform plan;
//   - that plan's wall time over the wall time of a no-change plan of the
//     same configuration served by tools/bench/floorprovider (the provider's
//     own schemas, no behaviour: the floor for a framework plugin), and
//     over no-change plans of N terraform_data resources and of N resources
//     of a one-attribute provider that calls no API
//     (tools/bench/noopprovider), all timed in turn in the same run;
//   - CPU profiles of the provider processes during the largest plan, the
//     real provider's and the floor's, compared: what this provider adds;
//   - apply throughput under a 20 requests/s rate limit, as a fraction of
//     that limit (requests answered without a 429, per second).
//
// Each request to the sandbox takes 20 ms extra. It prints a table and writes
// it to BENCHMARKS.md.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/pluginprocess"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

const (
	defaultLatency = 20 * time.Millisecond
	rateLimit      = 20
	properties     = 10 // each destination syncs these, so N syncs need N/10 destinations
	// Plans are timed in this many rounds, each round timing the real
	// provider's plan and the baselines' in turn, so that a busy moment of
	// the machine weighs on all of them alike; medians are kept.
	planRuns      = 7
	adminKey      = "sandbox-braze-admin-key"
	brazeAppID    = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
	brazeEndpoint = "https://rest.iad-05.braze.com"
)

var latency time.Duration

type row struct {
	syncs, resources int
	requestsPerRes   float64
	planSeconds      float64
	floorSeconds     float64
	// instantSeconds is the plan's time with the vendor answering at once:
	// the provider's own work, without its requests' round trips.
	instantSeconds float64
	// overFloor and instantOverFloor are the medians of the rounds' ratios
	// of planSeconds and instantSeconds to floorSeconds: each round's plans
	// ran moments apart, so their ratio is steadier than that of medians.
	overFloor, instantOverFloor float64
	// realPeak and floorPeak are the medians of the largest peak resident
	// memory of a provider process in each round's plan, in bytes;
	// peakOverFloor the median of the rounds' ratios of the two.
	realPeak, floorPeak float64
	peakOverFloor       float64
	// limitedSeconds and limitedPeak are the plan's time and peak with a
	// soft memory limit beside the provider's GOGC=400 (softLimit);
	// limitedOverPlain is the median of the rounds' ratios of that plan's
	// time to the plan's as the provider runs.
	limitedSeconds, limitedPeak float64
	limitedOverPlain            float64
	// limitedFloorPeak is the floor's peak with the same limit, and
	// limitedPeakOverFloor the median of the rounds' ratios of the
	// provider's peak to the floor's, both with the limit.
	limitedFloorPeak, limitedPeakOverFloor float64
	baselineSeconds                        float64
	noopSeconds                            float64
	applySeconds                           float64
	applyThroughput                        float64
	applyRequests                          int64
	applyRateLimited                       int64
}

func main() {
	terraform := flag.String("terraform", ".tools/bin/terraform-1.16.2", "the Terraform CLI")
	bin := flag.String("bin", "bin", "the folder holding the built providers")
	sizes := flag.String("sizes", "50,200,500", "numbers of syncs to measure")
	out := flag.String("out", "BENCHMARKS.md", "where to write the table")
	flag.DurationVar(&latency, "latency", defaultLatency, "added to every sandbox request")
	query := flag.Bool("query", true, fmt.Sprintf("measure a terraform query of %d destinations", queryDestinations))
	profiles := flag.String("profiles", "", "keep the merged CPU profiles of the largest plan here, real.pb.gz and floor.pb.gz, for a closer look with go tool pprof")
	flag.Parse()

	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(s)
		if err != nil || n%properties != 0 {
			log.Fatalf("-sizes: %q is not a multiple of %d", s, properties)
		}
		ns = append(ns, n)
	}
	tf, err := filepath.Abs(*terraform)
	check(err)
	b := &bench{terraform: tf, work: must(os.MkdirTemp("", "bench-"))}
	defer os.RemoveAll(b.work)
	b.profiles = b.work
	if *profiles != "" {
		b.profiles = must(filepath.Abs(*profiles))
		check(os.MkdirAll(b.profiles, 0o755))
	}
	b.writeCLIConfig(must(filepath.Abs(*bin)))
	b.startSandbox()

	var rows []row
	for i, n := range ns {
		r := b.measure(n, i == len(ns)-1)
		rows = append(rows, r)
		fmt.Fprintf(os.Stderr, "N=%d done: %+v\n", n, r)
	}
	var queries []queryRow
	if *query {
		queries = b.measureQuery(queryDestinations)
		fmt.Fprintf(os.Stderr, "query done: %+v\n", queries)
	}
	table := render(rows, queries, b.version(), b.aboveFloor)
	fmt.Print(table)
	check(os.WriteFile(*out, []byte(table), 0o644))
}

type bench struct {
	terraform, cliConfig string
	// work holds the built test providers, the CLI config and the
	// configurations planned; profiles the merged CPU profiles.
	work, profiles    string
	sandboxURL        string
	answered, limited atomic.Int64
	// first and last are when the first and the latest vendor answers of a
	// measurement were sent, in Unix nanoseconds.
	first, last atomic.Int64
	// aboveFloor compares the real provider's CPU with the floor's at the
	// largest N.
	aboveFloor *profileSummary
}

func (b *bench) resetCounts() {
	b.answered.Store(0)
	b.limited.Store(0)
	b.first.Store(0)
	b.last.Store(0)
}

// startSandbox serves the sandbox in this process behind a counter of
// answers by status, which the sandbox's own statistics do not split. Its
// latency is a fault (setLatency), so that one plan can do without it.
func (b *bench) startSandbox() {
	sb := sandbox.New(sandbox.Options{})
	counting := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		sb.ServeHTTP(rec, r)
		if strings.HasPrefix(r.URL.Path, "/_sandbox") {
			return
		}
		if rec.status == http.StatusTooManyRequests {
			b.limited.Add(1)
		} else {
			b.answered.Add(1)
		}
		now := time.Now().UnixNano()
		b.first.CompareAndSwap(0, now)
		b.last.Store(now)
	})
	listener, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", "127.0.0.1:0")
	check(err)
	go func() { check(http.Serve(listener, counting)) }()
	b.sandboxURL = "http://" + listener.Addr().String()
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (b *bench) measure(n int, profile bool) row {
	b.control(http.MethodPost, "/_sandbox/reset", nil)
	b.setLatency(latency)
	b.seedProperties()
	destinations := n / properties
	r := row{syncs: n, resources: n + destinations}

	dir := b.configDir("bench-syncs-", b.syncsConfig(n, realSource))

	b.control(http.MethodPut, "/_sandbox/faults", map[string]any{"rate_limit_per_second": rateLimit})
	b.resetCounts()
	start := time.Now()
	b.run(dir, "apply", "-auto-approve", "-input=false", "-parallelism=10")
	r.applySeconds = time.Since(start).Seconds()
	r.applyRequests, r.applyRateLimited = b.answered.Load(), b.limited.Load()
	// The sandbox allows rateLimit answers per whole wall-clock second, so
	// throughput is the share of that allowance used over the seconds the
	// apply talked to the vendor: Terraform's own planning before the first
	// request is left out, and a short run straddling a second's edge is not
	// credited with two seconds' allowance in one.
	seconds := time.Unix(0, b.last.Load()).Unix() - time.Unix(0, b.first.Load()).Unix() + 1
	r.applyThroughput = float64(r.applyRequests) / float64(seconds*rateLimit)
	b.control(http.MethodPut, "/_sandbox/faults", map[string]any{"rate_limit_per_second": 0})

	floor := b.configDir("bench-floor-", b.syncsConfig(n, floorSource))
	baseline := b.configDir("bench-baseline-", fmt.Sprintf("resource \"terraform_data\" \"r\" {\n  count = %d\n  input = count.index\n}\n", n))
	noop := b.configDir("bench-noop-", fmt.Sprintf(`
terraform {
  required_providers {
    noop = { source = "ampbraze/noop" }
  }
}

resource "noop_item" "r" {
  count = %d
  input = count.index
}
`, r.resources))
	for _, d := range []string{floor, baseline, noop} {
		b.run(d, "apply", "-auto-approve", "-input=false")
	}

	var planRequests int64
	var realPeaks, floorPeaks, limitedPeaks, limitedFloorPeaks []float64
	plan := func(dir string) func() {
		return func() { b.run(dir, "plan", "-input=false", "-detailed-exitcode", "-lock=false") }
	}
	times := timeRounds(planRuns,
		func() {
			b.resetCounts()
			realPeaks = append(realPeaks, b.planPeak(dir))
			planRequests = b.answered.Load() + b.limited.Load()
		},
		func() { floorPeaks = append(floorPeaks, b.planPeak(floor)) },
		func() {
			b.setLatency(0)
			plan(dir)()
			b.setLatency(latency)
		},
		plan(baseline), plan(noop),
		// A user's GOGC leaves the provider's garbage collector as the
		// user set it, so these are the provider and the floor with their
		// GOGC=400 and a soft memory limit beside it.
		func() { limitedPeaks = append(limitedPeaks, b.planPeak(dir, softLimit...)) },
		func() { limitedFloorPeaks = append(limitedFloorPeaks, b.planPeak(floor, softLimit...)) })
	r.planSeconds, r.floorSeconds, r.instantSeconds, r.baselineSeconds, r.noopSeconds = median(times[0]), median(times[1]), median(times[2]), median(times[3]), median(times[4])
	r.overFloor, r.instantOverFloor = medianRatio(times[0], times[1]), medianRatio(times[2], times[1])
	r.requestsPerRes = float64(planRequests) / float64(r.resources)
	r.realPeak, r.floorPeak, r.peakOverFloor = median(realPeaks), median(floorPeaks), medianRatio(realPeaks, floorPeaks)
	r.limitedSeconds, r.limitedPeak = median(times[5]), median(limitedPeaks)
	r.limitedOverPlain = medianRatio(times[5], times[0])
	r.limitedFloorPeak, r.limitedPeakOverFloor = median(limitedFloorPeaks), medianRatio(limitedPeaks, limitedFloorPeaks)
	if profile {
		b.aboveFloor = b.profileAboveFloor(n, dir, floor)
	}
	return r
}

// planPeak plans dir with no change, each provider process writing its
// peak memory as it exits, and returns the largest of them in bytes:
// Terraform starts a provider several times in one plan, one process after
// another, and the largest is the plan's peak.
// env is added to the providers' environment.
func (b *bench) planPeak(dir string, env ...string) float64 {
	peaks := must(os.MkdirTemp(b.work, "peaks-"))
	b.runWith(append(env, pluginprocess.EnvPeakMemoryDir+"="+peaks), dir, "plan", "-input=false", "-detailed-exitcode", "-lock=false")
	files := must(filepath.Glob(filepath.Join(peaks, "*.peak")))
	if len(files) == 0 {
		log.Fatalf("no provider wrote its peak memory into %s", peaks)
	}
	var largest int64
	for _, file := range files {
		peak, err := strconv.ParseInt(strings.TrimSpace(string(must(os.ReadFile(file)))), 10, 64)
		check(err)
		largest = max(largest, peak)
	}
	return float64(largest)
}

// configDir writes config into a new folder, removed when the bench ends.
func (b *bench) configDir(prefix, config string) string {
	dir := must(os.MkdirTemp(b.work, prefix))
	check(os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o644))
	return dir
}

// writeCLIConfig builds the floor and no-op providers and writes a CLI
// config whose dev_overrides serve them and the built providers from bin.
// Terraform looks for terraform-provider-TYPE in an override's folder, so
// the floor, which is of type amplitude too, gets a folder of its own.
func (b *bench) writeCLIConfig(bin string) {
	noop := filepath.Join(b.work, "noop")
	floor := filepath.Join(b.work, "floor")
	b.build(filepath.Join(noop, "terraform-provider-noop"), "./tools/bench/noopprovider")
	b.build(filepath.Join(floor, "terraform-provider-amplitude"), "./tools/bench/floorprovider")
	b.cliConfig = filepath.Join(b.work, "bench.tfrc")
	check(os.WriteFile(b.cliConfig, []byte(fmt.Sprintf(`provider_installation {
  dev_overrides {
    %q = %q
    "ampbraze/braze"     = %q
    %q = %q
    "ampbraze/noop"      = %q
  }
  direct {}
}
`, realSource, bin, bin, floorSource, floor, noop)), 0o644))
}

func (b *bench) build(out, pkg string) {
	build := exec.CommandContext(context.Background(), "go", "build", "-o", out, pkg)
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	check(build.Run())
}

// seedProperties creates the user properties the syncs read from, outside
// the measured configuration.
func (b *bench) seedProperties() {
	client := b.developer()
	stringType := "string"
	for i := range properties {
		_, err := client.CreateUserProperty(context.Background(), fmt.Sprintf("bench_%d", i), developer.PropertySpec{DataType: &stringType})
		check(err)
	}
}

// developer is a Developer API client of the sandbox, for what the bench
// makes outside the measured configurations.
func (b *bench) developer() *developer.Client {
	return must(developer.New(developer.Config{BaseURL: b.sandboxURL + "/developer-api", AccessToken: "amp_sandbox_admin", ProjectID: "424242",
		Transport: transport.Config{MaxRetries: 3}}))
}

// The real provider's and the floor's source addresses: the one difference
// between the configurations planned with each.
const (
	realSource  = "ampbraze/amplitude"
	floorSource = "ampbraze-floor/amplitude"
)

func (b *bench) syncsConfig(n int, source string) string {
	return b.providerConfig(source) + fmt.Sprintf(`
resource "amplitude_braze_destination" "d" {
  count          = %[1]d
  name           = "bench-${count.index}"
  braze_endpoint = %[2]q
  braze_app_id   = %[3]q
  braze_api_key  = %[4]q
  identifier_mapping = {
    amplitude_property = "user_id"
    braze_identifier   = "external_id"
  }
  send_users = { user_properties = ["plan"] }
}

resource "amplitude_sync" "s" {
  count          = %[5]d
  kind           = "user_property"
  source_id      = "bench_${count.index %% %[6]d}"
  destination_id = amplitude_braze_destination.d[floor(count.index / %[6]d)].id
  cadence        = "daily"
}
`, n/properties, brazeEndpoint, brazeAppID, adminKey, n, properties)
}

// providerConfig requires the amplitude provider from source and points it
// at the sandbox.
func (b *bench) providerConfig(source string) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    amplitude = { source = %[2]q }
  }
}

provider "amplitude" {
  access_token      = "amp_sandbox_admin"
  project_id        = "424242"
  developer_api_url = "%[1]s/developer-api"
  api_key           = "sandbox-api-key"
  secret_key        = "sandbox-secret-key"
  base_url          = "%[1]s/amplitude"
  max_retries       = 20
}
`, b.sandboxURL, source)
}

// run runs the CLI in dir; a plan's exit code 2 (changes) is an error here,
// since every measured plan is meant to be a no-change plan.
func (b *bench) run(dir string, args ...string) {
	b.runWith(nil, dir, args...)
}

// runWith is run with env added to the CLI's environment, which the
// providers it starts inherit. It returns what the CLI wrote to its
// standard output.
func (b *bench) runWith(env []string, dir string, args ...string) string {
	cmd := exec.CommandContext(context.Background(), b.terraform, append([]string{"-chdir=" + dir}, args...)...)
	// The garbage collector settings of whoever runs the bench would
	// override the providers' own, which the bench measures.
	cmd.Env = slices.DeleteFunc(os.Environ(), func(v string) bool {
		return strings.HasPrefix(v, "GOGC=") || strings.HasPrefix(v, "GOMEMLIMIT=")
	})
	cmd.Env = append(cmd.Env, "TF_CLI_CONFIG_FILE="+b.cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("terraform %s in %s: %v\n%s%s", strings.Join(args, " "), dir, err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// setLatency makes the sandbox add d to every vendor request.
func (b *bench) setLatency(d time.Duration) {
	b.control(http.MethodPut, "/_sandbox/faults", map[string]any{"latency_ms": d.Milliseconds()})
}

func (b *bench) control(method, path string, body any) {
	var reader *bytes.Reader
	if body != nil {
		reader = bytes.NewReader(must(json.Marshal(body)))
	} else {
		reader = bytes.NewReader(nil)
	}
	req := must(http.NewRequestWithContext(context.Background(), method, b.sandboxURL+path, reader))
	resp, err := http.DefaultClient.Do(req)
	check(err)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		log.Fatalf("%s %s: %s", method, path, resp.Status)
	}
}

func (b *bench) version() string {
	out, err := exec.CommandContext(context.Background(), b.terraform, "version").Output()
	check(err)
	return strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
}

// timeRounds runs runs rounds of fs, each f once a round in turn, and
// returns the wall times of each f, round by round.
func timeRounds(runs int, fs ...func()) [][]float64 {
	times := make([][]float64, len(fs))
	for range runs {
		for i, f := range fs {
			start := time.Now()
			f()
			times[i] = append(times[i], time.Since(start).Seconds())
		}
	}
	return times
}

func median(values []float64) float64 {
	sorted := slices.Sorted(slices.Values(values))
	return sorted[len(sorted)/2]
}

// medianRatio is the median of the ratios of as to bs, pair by pair.
func medianRatio(as, bs []float64) float64 {
	ratios := make([]float64, len(as))
	for i := range as {
		ratios[i] = as[i] / bs[i]
	}
	return median(ratios)
}

// Targets of the plan time over its baselines.
const (
	floorTarget     = 1.2
	terraformTarget = 1.5
)

func render(rows []row, queries []queryRow, tfVersion string, aboveFloor *profileSummary) string {
	host, _ := os.Hostname()
	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmarks\n\n")
	fmt.Fprintf(&b, "Measured by `make bench` on %s with %s, %s/%s, %d CPUs (host %s), against the sandbox with %v added to every request.\n\n",
		time.Now().UTC().Format("2006-01-02"), tfVersion, runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), host, latency)
	fmt.Fprintf(&b, "Each configuration holds N syncs and N/%d destinations (the resources), planned with no change at default parallelism. "+
		"The plans are timed in %d rounds, each round planning every configuration of its N in turn, so that a busy moment of the machine, which is shared, weighs on all of them alike; "+
		"a time is the median of its %d, a ratio to the floor the median of the rounds' ratios. From one run of the bench to the next the times still move by a tenth or more.\n\n", properties, planRuns, planRuns)

	fmt.Fprintf(&b, "## Plan time over the floor\n\n")
	fmt.Fprintf(&b, "The floor is the same configuration with only its provider's source address changed, served by tools/bench/floorprovider: "+
		"the amplitude provider's own schemas (every resource, data source, function, action and list resource, from the provider's Schema methods: attributes, nesting, defaults, attribute validators and plan modifiers; not the resources' identity schemas) "+
		"on terraform-plugin-framework with no behaviour (no API, no resource-level validation or plan modification, a Read that returns the state as it is), "+
		"in a process set up as the provider's is. It is what any framework plugin with these schemas costs.\n\n")
	fmt.Fprintf(&b, "| N syncs | resources | plan s | floor plan s | plan time over the floor (target ≤ %.1f) | plan s, vendor answering at once | that over the floor | vendor requests per resource (target ≤ 1.0) |\n", floorTarget)
	fmt.Fprintf(&b, "|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	var missed []string
	for _, r := range rows {
		fmt.Fprintf(&b, "| %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
			r.syncs, r.resources, r.planSeconds, r.floorSeconds, r.overFloor,
			r.instantSeconds, r.instantOverFloor, r.requestsPerRes)
		if r.overFloor > floorTarget {
			missed = append(missed, fmt.Sprintf("N=%d", r.syncs))
		}
	}
	if len(missed) == 0 {
		fmt.Fprintf(&b, "\nThe plan stays within %.1f× the floor at every N.\n", floorTarget)
	} else {
		fmt.Fprintf(&b, "\n**The plan time over the floor misses its %.1f target at %s.** ", floorTarget, strings.Join(missed, ", "))
	}
	fmt.Fprintf(&b, "The floor sends no request, while a no-change plan waits on vendor round trips one after another: "+
		"the destinations, then the tracking plan's listing for the destinations' check of the names they send, then the syncs, which Terraform plans only after the destinations they refer to "+
		"(reads no longer wait for the token's context, which is read only to explain a refusal). "+
		"That is a few times %v whatever N is, a weight that shrinks as N grows. With the vendor answering at once, what is left is the provider's own work: ", latency)
	lowest, highest := rows[0].instantOverFloor, rows[0].instantOverFloor
	for _, r := range rows {
		lowest, highest = min(lowest, r.instantOverFloor), max(highest, r.instantOverFloor)
	}
	fmt.Fprintf(&b, "the plan is then %.2f to %.2f times the floor.\n", lowest, highest)

	renderMemory(&b, rows)

	fmt.Fprintf(&b, "\n## Other baselines\n\n")
	fmt.Fprintf(&b, "N terraform_data resources, built into Terraform, and as many resources as the configuration holds of tools/bench/noopprovider, a framework provider with one resource of two attributes calling no API, in a process set up as the provider's is.\n\n")
	fmt.Fprintf(&b, "| N syncs | resources | plan s | N terraform_data plan s | plan time ratio (target ≤ %.1f) | same number of no-op plugin resources, plan s | plan time over the no-op plugin's |\n", terraformTarget)
	fmt.Fprintf(&b, "|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
			r.syncs, r.resources, r.planSeconds, r.baselineSeconds, r.planSeconds/r.baselineSeconds, r.noopSeconds, r.planSeconds/r.noopSeconds)
	}
	for _, r := range rows {
		if r.planSeconds/r.baselineSeconds > terraformTarget {
			fmt.Fprintf(&b, "\n**The plan time ratio misses its %.1f target.** terraform_data is built into Terraform, while each resource of a plugin costs gRPC round trips (validate, upgrade, read, plan) "+
				"through terraform-plugin-go and the framework, and the floor, which makes no request at all, costs most of the plan: "+
				"what a framework plugin with these schemas pays, not this provider's requests. "+
				"The no-op plugin's one small schema shows how much of that grows with the schemas' size.\n", terraformTarget)
			break
		}
	}

	fmt.Fprintf(&b, "\n## Apply\n\n")
	fmt.Fprintf(&b, "Apply throughput is the requests answered without a 429 over the allowance of the wall-clock seconds in which the apply talked to the sandbox (%d per second, the sandbox counting its limit per whole second), so 1.0 means no second of the limit went unused.\n\n", rateLimit)
	fmt.Fprintf(&b, "| N syncs | resources | apply s at %d req/s | requests answered / rate-limited | apply throughput / limit (target ≥ 0.85) |\n", rateLimit)
	fmt.Fprintf(&b, "|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %d | %d | %.1f | %d / %d | %.2f |\n", r.syncs, r.resources, r.applySeconds, r.applyRequests, r.applyRateLimited, r.applyThroughput)
	}
	if len(rows) > 1 {
		first, last := rows[0], rows[len(rows)-1]
		scale := float64(last.resources) / float64(first.resources)
		fmt.Fprintf(&b, "\nFrom N=%d to N=%d the resources grow %.1f×: plan time grows %.1f×, apply time %.1f×, requests per resource in a plan moves from %.2f to %.2f. ",
			first.syncs, last.syncs, scale, last.planSeconds/first.planSeconds, last.applySeconds/first.applySeconds, first.requestsPerRes, last.requestsPerRes)
		fmt.Fprintf(&b, "Apply time is bound by the rate limit, whose floor is requests ÷ %d; apply time over that floor is", rateLimit)
		for i, r := range rows {
			sep := ","
			if i == 0 {
				sep = ""
			}
			fmt.Fprintf(&b, "%s %.2f (N=%d)", sep, r.applySeconds/(float64(r.applyRequests)/rateLimit), r.syncs)
		}
		fmt.Fprintf(&b, ". A run that fits in a few one-second windows can beat the floor by spanning their edges, so apply time grows faster than the resources only from such a run; per request it approaches the limit.\n")
	}
	if queries != nil {
		renderQuery(&b, queries)
	}
	if aboveFloor != nil {
		aboveFloor.render(&b)
	}
	return b.String()
}

// Target of the provider's peak memory over the floor's.
const peakTarget = 1.2

// softLimit is the garbage collector setting the bench tries beside the
// providers' own: their GOGC=400 with a soft memory limit, which makes the
// collector run more often only as the heap nears the limit. The providers
// do not set it, since it cost plan time at N=500 (BENCHMARKS.md).
var softLimit = []string{"GOGC=400", "GOMEMLIMIT=96MiB"}

func renderMemory(b *strings.Builder, rows []row) {
	mib := func(bytes float64) float64 { return bytes / (1 << 20) }
	fmt.Fprintf(b, "\n## Peak memory of a plan\n\n")
	fmt.Fprintf(b, "Each provider process writes its peak resident memory as it exits (Linux's VmHWM: heap, stacks, Go runtime and the binary's pages in memory; `%s=folder` asks for it), "+
		"and a plan's peak is the largest of its provider processes' (Terraform starts the provider several times a plan, one after another). "+
		"Measured in the timed plans above: a peak is the median of the %d rounds', a ratio the median of the rounds' ratios. "+
		"The provider and the floor set their garbage collector alike (pluginprocess.Tune): GOGC=400, which collects a fifth as often as Go's default and lets the heap grow to five times what is live. "+
		"The columns \"with %[3]s\" plan, in the same rounds, with a soft memory limit beside that GOGC (the variables a user would set; a process leaves its collector as the user set it), "+
		"which makes the collector run more often only as the heap nears the limit.\n\n",
		pluginprocess.EnvPeakMemoryDir, planRuns, strings.Join(softLimit[1:], " "))
	fmt.Fprintf(b, "| N syncs | resources | provider peak MiB | floor peak MiB | peak over the floor (target ≤ %.1f) | with %s: provider peak MiB | floor peak MiB | peak over the floor | provider plan s | provider plan time with the limit over without |\n", peakTarget, strings.Join(softLimit[1:], " "))
	fmt.Fprintf(b, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	var missed []string
	for _, r := range rows {
		fmt.Fprintf(b, "| %d | %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f | %.2f | %.2f |\n",
			r.syncs, r.resources, mib(r.realPeak), mib(r.floorPeak), r.peakOverFloor,
			mib(r.limitedPeak), mib(r.limitedFloorPeak), r.limitedPeakOverFloor, r.limitedSeconds, r.limitedOverPlain)
		if r.peakOverFloor > peakTarget {
			missed = append(missed, fmt.Sprintf("N=%d", r.syncs))
		}
	}
	if len(missed) == 0 {
		fmt.Fprintf(b, "\nThe provider's peak stays within %.1f× the floor's at every N. ", peakTarget)
	} else {
		fmt.Fprintf(b, "\n**The provider's peak misses its %.1f× target at %s.** ", peakTarget, strings.Join(missed, ", "))
	}
	fmt.Fprintf(b, "Heap profiles of an N=500 plan, taken at each collection that found more live than the last (2026-12-08), "+
		"showed nothing kept twice and no response held: what is live is the gRPC calls in flight (terraform-plugin-go's loggers of each call, decoded values) and the schemas, "+
		"as in the floor, some 30 to 40 MiB at the end of the plan. The peak is how far GOGC=400 lets the heap grow past that, in the provider as in the floor.\n\n")
	largest := rows[len(rows)-1]
	fmt.Fprintf(b, "**The providers set no soft memory limit.** At N=%d it brings the provider's peak from %.0f to %.0f MiB, "+
		"but the plan with it took %.2f times the plan without it in this run, and 0.89, 1.06, 1.25 and 1.36 times in four earlier runs on this shared machine (2026-12-08; 0.99 in 7 pairs of plans alternated by hand), "+
		"while at smaller N the heap stays below the limit, which then does not act: "+
		"a cost in plan time that the machine's noise cannot rule out, for a ratio to the floor that is within its target without it.\n",
		largest.syncs, mib(largest.realPeak), mib(largest.limitedPeak), largest.limitedOverPlain)
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func must[T any](v T, err error) T {
	check(err)
	return v
}
