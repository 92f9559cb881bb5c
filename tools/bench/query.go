package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
)

// queryDestinations is how many destinations the query measurement lists.
const queryDestinations = 500

// queryRow is one terraform query over the destinations.
type queryRow struct {
	// block is what the list block asks for, as the table shows it.
	block string
	// listed is how many destinations Terraform reported, requests how many
	// vendor requests the query sent.
	listed   int
	requests int64
	seconds  float64
}

// measureQuery creates n Braze event streams outside Terraform, as someone
// in Amplitude's dashboard would, and lists them with terraform query, with
// and without the whole objects: a listing reads pages, so its requests
// should stay a handful however many destinations there are.
func (b *bench) measureQuery(n int) []queryRow {
	b.control(http.MethodPost, "/_sandbox/reset", nil)
	client := b.developer()
	for i := range n {
		_, err := client.CreateDestination(context.Background(), developer.PartnerBraze, developer.BrazeStream{
			Endpoint: brazeEndpoint, APIKey: adminKey, AppID: brazeAppID,
			UserIDMapping:  developer.IdentifierMapping{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"},
			UserProperties: []string{"plan"},
		}.Spec(fmt.Sprintf("adopt-%03d", i), true))
		check(err)
	}
	b.setLatency(latency)
	var rows []queryRow
	for _, include := range []bool{false, true} {
		dir := b.configDir("bench-query-", b.providerConfig(realSource))
		block := fmt.Sprintf("list \"amplitude_braze_destination\" \"all\" {\n  provider         = amplitude\n  include_resource = %t\n  limit            = %d\n}\n", include, 2*n)
		check(os.WriteFile(filepath.Join(dir, "destinations.tfquery.hcl"), []byte(block), 0o644))
		b.resetCounts()
		start := time.Now()
		out := b.runWith(nil, dir, "query", "-json")
		r := queryRow{block: "names and identities", listed: listedTotal(out), requests: b.answered.Load() + b.limited.Load(), seconds: time.Since(start).Seconds()}
		if include {
			r.block = "`include_resource = true`: whole destinations"
		}
		if r.listed != n {
			log.Fatalf("terraform query listed %d destinations of %d", r.listed, n)
		}
		rows = append(rows, r)
	}
	return rows
}

// listedTotal adds up the totals of the list_complete messages of a
// terraform query -json.
func listedTotal(out string) int {
	var total int
	lines := bufio.NewScanner(strings.NewReader(out))
	lines.Buffer(nil, 1<<20)
	for lines.Scan() {
		var message struct {
			Type         string `json:"type"`
			ListComplete struct {
				Total int `json:"total"`
			} `json:"list_complete"`
		}
		check(json.Unmarshal(lines.Bytes(), &message))
		if message.Type == "list_complete" {
			total += message.ListComplete.Total
		}
	}
	check(lines.Err())
	return total
}

func renderQuery(b *strings.Builder, rows []queryRow) {
	fmt.Fprintf(b, "\n## Listing for terraform query\n\n")
	fmt.Fprintf(b, "%d Braze event streams created outside Terraform, as in Amplitude's dashboard, listed by `terraform query` with one `list \"amplitude_braze_destination\"` block, the sandbox adding %v to every request. "+
		"The requests are every vendor request the query sent, the provider's start included.\n\n", queryDestinations, latency)
	fmt.Fprintf(b, "| list block asks for | destinations listed | vendor requests | requests per listed object | query s |\n|---|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(b, "| %s | %d | %d | %.3f | %.2f |\n", r.block, r.listed, r.requests, float64(r.requests)/float64(r.listed), r.seconds)
	}
}
