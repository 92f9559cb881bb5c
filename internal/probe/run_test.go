package probe

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
)

// sandboxConfig is a run's Config for the sandbox at url, with its seeded
// credentials.
func sandboxConfig(url string) Config {
	return Config{
		DeveloperAPIURL: url + sandbox.DeveloperAPIPath, AccessToken: sandbox.DeveloperAPIAdminToken,
		ProjectID: sandbox.AmplitudeProjectID, BrazeRESTEndpoint: "https://rest.iad-05.braze.com",
		BrazeAPIKey: sandbox.BrazeAdminKey, BrazeAppID: sandbox.BrazeAppID,
	}
}

// An interrupt while the run makes its first tracking-plan object ends the
// questions, and the clean-up still finds and deletes that object although
// its create's answer never arrived.
func TestRunInterruptedStillRemovesWhatItMade(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var once sync.Once
	sb := sandbox.New(sandbox.Options{})
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/user-properties") || ctx.Err() != nil {
			sb.ServeHTTP(w, r)
			return
		}
		// The sandbox makes the property before the run is interrupted, and
		// its answer is held back until then: the create has happened but
		// the run never hears of it. Interrupting first would let the
		// clean-up's search race the sandbox's create.
		answer := httptest.NewRecorder()
		sb.ServeHTTP(answer, r)
		once.Do(cancel)
		<-r.Context().Done() // The run gave up waiting for the answer.
	}))
	defer server.Close()

	report, err := Run(ctx, sandboxConfig(server.URL))
	if err != nil {
		t.Fatal(err)
	}
	if len(report.Leftovers) > 0 {
		t.Errorf("leftovers: %v", report.Leftovers)
	}
	last := report.Results[len(report.Results)-1]
	if last.Verdict != NotTestable || !strings.Contains(last.Detail, "interrupted") {
		t.Errorf("the last point after the interrupt: %s", last.Line())
	}
	for _, kind := range []string{"user-properties", "events"} {
		req, _ := http.NewRequest(http.MethodGet, server.URL+sandbox.DeveloperAPIPath+"/v1/projects/"+sandbox.AmplitudeProjectID+"/"+kind+"?q="+report.Prefix, nil)
		req.Header.Set("Authorization", "Bearer "+sandbox.DeveloperAPIAdminToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var list struct {
			Data []struct {
				ID string `json:"id"`
			} `json:"data"`
		}
		err = json.NewDecoder(resp.Body).Decode(&list)
		resp.Body.Close()
		if err != nil || len(list.Data) > 0 {
			t.Errorf("%s named %s* after the run: %v (%v)", kind, report.Prefix, list.Data, err)
		}
	}
}

// Against the sandbox, which encodes every guess, no point is
// contradicted, and the run leaves nothing behind.
func TestRunAgainstTheSandboxContradictsNothing(t *testing.T) {
	server := httptest.NewServer(sandbox.New(sandbox.Options{}))
	defer server.Close()
	report, err := Run(context.Background(), sandboxConfig(server.URL))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range report.Results {
		if r.Verdict == Contradicted {
			t.Error(r.Line())
		}
	}
	if len(report.Leftovers) > 0 {
		t.Errorf("leftovers: %v", report.Leftovers)
	}
}
