package developer_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/contract"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// These tests drive the client against the sandbox, which emulates the
// Developer API from Amplitude's documentation (api/amplitude-developer.openapi.yaml):
// the two are written apart, and the fixture checks every request and answer
// against that document, so a test that passes shows they agree on the wire.

// The sandbox's seeds, as it exports them.
const (
	adminToken    = sandbox.DeveloperAPIAdminToken
	readOnlyToken = sandbox.DeveloperAPIReadOnlyToken
	// editorToken may manage the tracking plan only: no destinations:read.
	editorToken   = sandbox.DeveloperAPIEditorToken
	projectID     = sandbox.AmplitudeProjectID
	brazeEndpoint = "https://rest.iad-05.braze.com"
	brazeAdminKey = sandbox.BrazeAdminKey
	brazeAppID    = sandbox.BrazeAppID
)

type fixture struct {
	sandbox *sandbox.Server
	// contract checks every request and answer against
	// api/amplitude-developer.openapi.yaml.
	contract *contract.Checker
	url      string
	client   *developer.Client
}

func newFixture(t *testing.T, token string) *fixture {
	t.Helper()
	s := sandbox.New(sandbox.Options{})
	checker := contract.Handler(t, s)
	ts := httptest.NewServer(checker)
	t.Cleanup(ts.Close)
	return &fixture{sandbox: s, contract: checker, url: ts.URL, client: newClient(t, ts.URL+"/developer-api", token)}
}

func newClient(t *testing.T, baseURL, token string) *developer.Client {
	t.Helper()
	client, err := developer.New(developer.Config{
		BaseURL: baseURL, AccessToken: token, ProjectID: projectID,
		Transport: transport.Config{MaxRetries: 3, MinBackoff: time.Millisecond, MaxBackoff: 20 * time.Millisecond},
	})
	if err != nil {
		t.Fatal(err)
	}
	return client
}

func stream(events ...string) developer.BrazeStream {
	s := developer.BrazeStream{
		Endpoint:       brazeEndpoint,
		APIKey:         brazeAdminKey,
		AppID:          brazeAppID,
		UserIDMapping:  developer.IdentifierMapping{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"},
		UserProperties: []string{"plan"},
	}
	if events != nil {
		s.Events = &developer.BrazeEvents{Events: events, EventProperties: []string{"price"},
			Conditions: []developer.PropertyCondition{{Property: "country", Operator: "is", Values: []string{"US"}}}}
	}
	return s
}

func (f *fixture) create(t *testing.T, name string, s developer.BrazeStream) *developer.Destination {
	t.Helper()
	d, err := f.client.CreateDestination(t.Context(), developer.PartnerBraze, s.Spec(name, true))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func (f *fixture) routes(t *testing.T) map[string]int {
	t.Helper()
	return f.sandbox.Stats().Requests.ByRoute
}

const (
	destinationsRoute = "/developer-api/v1/projects/{project_id}/destinations"
	destinationRoute  = "/developer-api/v1/projects/{project_id}/destinations/{id}"
)

func TestBrazeStreamRoundTrip(t *testing.T) {
	f := newFixture(t, adminToken)
	want := stream("Purchase", "Sign Up")
	created := f.create(t, "stream", want)
	if created.ID == "" || created.Version != 1 || created.CredentialStatus != developer.CredentialConnected {
		t.Fatalf("created %+v", created)
	}
	if _, ok := created.Config[developer.BrazeParamAPIKey]; ok {
		t.Errorf("the answer carries the secret api_key: %s", created.Config[developer.BrazeParamAPIKey])
	}
	read, err := f.client.GetDestination(t.Context(), created.ID)
	if err != nil {
		t.Fatal(err)
	}
	got, err := developer.BrazeStreamFrom(read)
	if err != nil {
		t.Fatal(err)
	}
	want.APIKey = "" // never returned
	if fmt.Sprint(got.Events) != fmt.Sprint(want.Events) || got.AppID != want.AppID || got.Endpoint != want.Endpoint ||
		fmt.Sprint(got.UserProperties) != fmt.Sprint(want.UserProperties) || got.UserIDMapping != want.UserIDMapping {
		t.Errorf("read back %+v (events %+v), want %+v (events %+v)", got, got.Events, want, want.Events)
	}
	if fmt.Sprint(read.Kind) != "[event identify]" {
		t.Errorf("kind %v", read.Kind)
	}
}

func TestEveryEventWhenNoFilter(t *testing.T) {
	f := newFixture(t, adminToken)
	s := stream()
	s.Events = &developer.BrazeEvents{} // every event
	d := f.create(t, "all events", s)
	if d.EventFilter != nil {
		t.Errorf("event_filter %+v, want null for every event", d.EventFilter)
	}
	got, err := developer.BrazeStreamFrom(d)
	if err != nil || got.Events == nil || got.Events.Events != nil {
		t.Errorf("read %+v, %v; want events sent, all of them", got.Events, err)
	}
}

func TestUpdateSendsTheVersionItKnows(t *testing.T) {
	f := newFixture(t, adminToken)
	d := f.create(t, "versioned", stream("Purchase"))
	ctx := t.Context()

	updated, err := f.client.UpdateDestination(ctx, d.ID, d.Version, stream("Purchase", "Sign Up").Spec("renamed", false))
	if err != nil {
		t.Fatal(err)
	}
	if updated.Version != d.Version+1 || updated.DisplayName != "renamed" || *updated.Enabled {
		t.Fatalf("updated %+v", updated)
	}
	// An update against the version before: refused, nothing overwritten.
	_, err = f.client.UpdateDestination(ctx, d.ID, d.Version, stream("Purchase").Spec("stale", true))
	var conflict *developer.VersionConflict
	if !errors.As(err, &conflict) || !developer.IsVersionMismatch(err) || conflict.ExpectedVersion != d.Version {
		t.Fatalf("stale update: %v, want a version conflict", err)
	}
	now, err := f.client.GetDestination(ctx, d.ID)
	if err != nil || now.DisplayName != "renamed" || now.Version != updated.Version {
		t.Errorf("after the refused update %+v, %v", now, err)
	}
}

// A create whose answer is lost was applied all the same; the client finds
// what it made instead of making it twice, and leaves alone an older
// destination of the same name.
func TestLostCreateMakesOneDestination(t *testing.T) {
	f := newFixture(t, adminToken)
	older := f.create(t, "same name", stream("Purchase"))
	f.sandbox.SetFaults(sandbox.Faults{DropResponseRate: 1})
	d, err := f.client.CreateDestination(t.Context(), developer.PartnerBraze, stream("Purchase").Spec("same name", true))
	f.sandbox.SetFaults(sandbox.Faults{})
	if err != nil {
		t.Fatalf("create with a lost answer: %v", err)
	}
	if d.ID == older.ID {
		t.Fatalf("adopted the older destination %s", older.ID)
	}
	if n := f.sandbox.Stats().Objects.Destinations; n != 2 {
		t.Errorf("%d destinations, want 2: the older one and the one made", n)
	}
	if n := f.routes(t)["POST "+destinationsRoute]; n != 2 {
		t.Errorf("%d creates sent (the older one's included), want 2", n)
	}
}

// An update whose answer is lost took effect: reading back shows the
// version moved on and the values match, so the client does not report the
// 412 a resend would get.
func TestLostUpdateIsRecognised(t *testing.T) {
	f := newFixture(t, adminToken)
	d := f.create(t, "lost update", stream("Purchase"))
	f.sandbox.SetFaults(sandbox.Faults{DropResponseRate: 1})
	updated, err := f.client.UpdateDestination(t.Context(), d.ID, d.Version, stream("Sign Up").Spec("lost update", true))
	f.sandbox.SetFaults(sandbox.Faults{})
	if err != nil {
		t.Fatalf("update with a lost answer: %v", err)
	}
	if updated.Version != d.Version+1 || fmt.Sprint(updated.EventFilter.Events) != "[Sign Up]" {
		t.Errorf("updated %+v", updated)
	}
	if n := f.routes(t)["PATCH "+destinationRoute]; n != 1 {
		t.Errorf("%d updates sent, want 1", n)
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	f := newFixture(t, adminToken)
	ctx := t.Context()
	_, plan, err := f.client.DryRunCreate(ctx, developer.PartnerBraze, stream("Purchase").Spec("dry", false))
	if err != nil {
		t.Fatal(err)
	}
	if plan.Action != "create" || len(plan.Warnings) == 0 {
		t.Errorf("plan %+v, want a create with a warning about enabled = false", plan)
	}
	if n := f.sandbox.Stats().Objects.Destinations; n != 0 {
		t.Errorf("a dry run made %d destinations", n)
	}

	d := f.create(t, "real", stream("Purchase"))
	_, plan, err = f.client.DryRunUpdate(ctx, d.ID, d.Version, stream("Purchase").Spec("renamed", true))
	if err != nil || plan.Action != "update" || plan.Diff["display_name"].To == nil {
		t.Fatalf("dry-run update %+v, %v", plan, err)
	}
	if got, _ := f.client.GetDestination(ctx, d.ID); got.DisplayName != "real" || got.Version != d.Version {
		t.Errorf("a dry run changed %+v", got)
	}

	bad := stream("Purchase")
	bad.AppID = "not-a-uuid"
	bad.UserIDMapping.BrazeIdentifier = "phone"
	_, _, err = f.client.DryRunCreate(ctx, developer.PartnerBraze, bad.Spec("bad", true))
	fields := map[string]bool{}
	for _, fe := range developer.FieldErrors(err) {
		fields[fe.Field] = true
	}
	if !fields["config.app_id"] || !fields["config.user_id_mapping.braze_identifier"] {
		t.Errorf("dry run of a bad destination: %v; want field errors on config.app_id and config.user_id_mapping.braze_identifier", err)
	}
}

func TestAKeyWithoutUsersTrackIsRefusedOnItsField(t *testing.T) {
	f := newFixture(t, adminToken)
	s := stream("Purchase")
	s.APIKey = "no-such-key"
	_, err := f.client.CreateDestination(t.Context(), developer.PartnerBraze, s.Spec("refused", true))
	fields := developer.FieldErrors(err)
	if len(fields) != 1 || fields[0].Field != "config.api_key" {
		t.Errorf("create with an unknown Braze key: %v; want one field error on config.api_key", err)
	}
}

func TestReadOnlyTokenLacksWriteScope(t *testing.T) {
	f := newFixture(t, readOnlyToken)
	ctx := t.Context()
	if _, err := f.client.ListDestinations(ctx, developer.DestinationFilter{}); err != nil {
		t.Fatalf("a read-only token cannot list: %v", err)
	}
	_, err := f.client.CreateDestination(ctx, developer.PartnerBraze, stream("Purchase").Spec("x", true))
	var scopeErr *developer.ScopeError
	if !errors.As(err, &scopeErr) || scopeErr.Scope != developer.ScopeDestinationsWrite || !strings.Contains(err.Error(), "Personal access tokens") {
		t.Fatalf("create with a read-only token: %v; want the missing destinations:write scope named", err)
	}
	_, _ = f.client.GetDestination(ctx, "whatever")
	if n := f.routes(t)["GET /developer-api/v1/context"]; n != 1 {
		t.Errorf("the token's context was read %d times, want once per client", n)
	}
	if n := f.routes(t)["POST "+destinationsRoute]; n != 0 {
		t.Errorf("%d creates sent with a token that cannot write", n)
	}
}

// A read goes straight to the API: the token's context is read only to
// explain a refusal, naming the scope missing and those the token holds.
func TestReadsAskForTheContextOnlyToExplainARefusal(t *testing.T) {
	f := newFixture(t, editorToken)
	ctx := t.Context()
	if _, err := f.client.ListEvents(ctx); err != nil {
		t.Fatal(err)
	}
	if n := f.routes(t)["GET /developer-api/v1/context"]; n != 0 {
		t.Errorf("a read that succeeded read the token's context %d times first", n)
	}
	_, err := f.client.ListDestinations(ctx, developer.DestinationFilter{})
	var scopeErr *developer.ScopeError
	if !errors.As(err, &scopeErr) || scopeErr.Scope != developer.ScopeDestinationsRead ||
		!strings.Contains(err.Error(), "the token holds projects:read, taxonomy:read, taxonomy:write") {
		t.Fatalf("list with a token that cannot read destinations: %v; want the missing scope and the held ones named", err)
	}
}

func TestNotFoundIsOnlyAmplitudesOwn(t *testing.T) {
	f := newFixture(t, adminToken)
	_, err := f.client.GetDestination(t.Context(), "00000000-0000-4000-8000-000000000000")
	if !developer.IsNotFound(err) {
		t.Errorf("unknown destination: %v, want Amplitude's not found", err)
	}
	// A base URL that misses the API answers 404 too, but not Amplitude's.
	wrong := newClient(t, f.url+"/no-such-api", adminToken)
	_, err = wrong.GetDestination(t.Context(), "00000000-0000-4000-8000-000000000000")
	var unexpected *developer.UnexpectedAnswer
	if developer.IsNotFound(err) || !errors.As(err, &unexpected) || !strings.Contains(err.Error(), "URL is probably wrong") {
		t.Errorf("wrong base URL: %v; want an error that names the URL, not a not-found", err)
	}
}

func TestListsFollowPagesOf200(t *testing.T) {
	f := newFixture(t, adminToken)
	for i := range 450 {
		f.create(t, fmt.Sprintf("d%03d", i), stream())
	}
	before := f.routes(t)["GET "+destinationsRoute]
	all, err := f.client.ListDestinations(t.Context(), developer.DestinationFilter{Partner: developer.PartnerBraze})
	if err != nil || len(all) != 450 {
		t.Fatalf("listed %d, %v", len(all), err)
	}
	if n := f.routes(t)["GET "+destinationsRoute] - before; n != 3 {
		t.Errorf("%d pages, want 3 of at most 200", n)
	}
}

// The Developer API says when to come back only in its problem document's
// retry_after_seconds; the client waits that long, even past its own
// backoff.
func TestRateLimitIsWaitedOut(t *testing.T) {
	f := newFixture(t, adminToken)
	f.sandbox.SetFaults(sandbox.Faults{RateLimitPerSecond: 2})
	client, err := developer.New(developer.Config{BaseURL: f.url + "/developer-api", AccessToken: adminToken, ProjectID: projectID,
		Transport: transport.Config{MaxRetries: 3, MinBackoff: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := range 6 {
		if _, err := client.ListDestinations(ctx, developer.DestinationFilter{}); err != nil {
			t.Fatalf("list %d under a rate limit: %v", i, err)
		}
	}
}

func TestBrazeTypeMatchesTheMapping(t *testing.T) {
	f := newFixture(t, adminToken)
	typ, err := f.client.DestinationType(t.Context(), developer.PartnerBraze)
	if err != nil {
		t.Fatal(err)
	}
	for _, kinds := range [][]string{{developer.KindEvent}, {developer.KindEvent, developer.KindIdentify}, {developer.KindCohort}} {
		if err := developer.CheckBrazeType(typ, kinds); err != nil {
			t.Errorf("%v: %v", kinds, err)
		}
	}
	// Amplitude renaming a parameter is caught, with what it serves listed.
	renamed := *typ
	renamed.Parameters = append([]developer.Parameter(nil), typ.Parameters...)
	for i := range renamed.Parameters {
		if renamed.Parameters[i].ID == developer.BrazeParamAppID {
			renamed.Parameters[i].ID = "braze_app_id"
		}
	}
	err = developer.CheckBrazeType(&renamed, []string{developer.KindEvent})
	if err == nil || !strings.Contains(err.Error(), `no parameter "app_id"`) || !strings.Contains(err.Error(), "braze_app_id (string)") {
		t.Errorf("renamed parameter: %v", err)
	}
	if _, err := f.client.DestinationType(t.Context(), developer.PartnerBraze); err != nil {
		t.Fatal(err)
	}
	if n := f.routes(t)["GET /developer-api/v1/destination-types/{partner}"]; n != 1 {
		t.Errorf("the Braze type was read %d times, want once per client", n)
	}
}

func TestDisableIsTheDelete(t *testing.T) {
	f := newFixture(t, adminToken)
	d := f.create(t, "to disable", stream("Purchase"))
	disabled, err := f.client.DisableDestination(t.Context(), d.ID)
	if err != nil || disabled.Enabled == nil || *disabled.Enabled {
		t.Fatalf("disable: %+v, %v", disabled, err)
	}
	again, err := f.client.DisableDestination(t.Context(), d.ID)
	if err != nil || again.Version != disabled.Version {
		t.Errorf("disabling a disabled destination: %+v, %v; want it left alone", again, err)
	}
}

func TestCohortRoundTrip(t *testing.T) {
	f := newFixture(t, adminToken)
	label := "amplitude_id"
	spec := developer.BrazeCohort{
		Endpoint: "https://rest.fra-01.braze.eu", DataImportKey: "import-key-1234", UserAliasLabel: &label,
		IdentifierMappings: []developer.IdentifierMapping{{AmplitudeProperty: "user_id", BrazeIdentifier: "external_id"}, {AmplitudeProperty: "amplitude_id", BrazeIdentifier: "user_alias"}},
	}.Spec("cohorts")
	d, err := f.client.CreateDestination(t.Context(), developer.PartnerBraze, spec)
	if err != nil {
		t.Fatal(err)
	}
	got, err := developer.BrazeCohortFrom(d)
	if err != nil || len(got.IdentifierMappings) != 2 || got.IdentifierMappings[1].BrazeIdentifier != "user_alias" || *got.UserAliasLabel != label {
		t.Errorf("read back %+v, %v", got, err)
	}
	if raw, ok := d.Config[developer.BrazeParamDataImportKey]; ok {
		t.Errorf("the answer carries the data import key: %s", raw)
	}
	if d.CredentialStatus != developer.CredentialConnected || fmt.Sprint(d.Kind) != "[cohort]" {
		t.Errorf("created %+v", d)
	}
	// Removing the alias label: the update sends null for it.
	spec.Config[developer.BrazeParamUserAliasLabel] = json.RawMessage("null")
	spec.Config[developer.BrazeParamIdentifierMappings] = json.RawMessage(`[{"amplitude_property":"user_id","braze_identifier":"external_id"}]`)
	updated, err := f.client.UpdateDestination(t.Context(), d.ID, d.Version, spec)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := updated.Config[developer.BrazeParamUserAliasLabel]; ok {
		t.Errorf("user_alias_label still held: %s", updated.Config[developer.BrazeParamUserAliasLabel])
	}
}

func TestDeleteIsNotOffered(t *testing.T) {
	f := newFixture(t, adminToken)
	d := f.create(t, "kept", stream("Purchase"))
	req, _ := http.NewRequest(http.MethodDelete, f.url+"/developer-api/v1/projects/424242/destinations/"+d.ID, nil)
	req.Header.Set("Authorization", "Bearer "+adminToken)
	var resp *http.Response
	var err error
	// The contract has no DELETE: the request is off it on purpose.
	f.contract.OffContract(func() { resp, err = http.DefaultClient.Do(req) })
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("DELETE answered %s, want 405", resp.Status)
	}
}

// A client that lives for one Terraform command reads most destinations
// from one listing: a plan of hundreds costs a few pages.
func TestBatchReads(t *testing.T) {
	f := newFixture(t, adminToken)
	batching, err := developer.New(developer.Config{BaseURL: f.url + "/developer-api", AccessToken: adminToken, ProjectID: projectID, BatchReads: true})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := range 30 {
		ids = append(ids, f.create(t, fmt.Sprintf("d%d", i), stream()).ID)
	}
	before := f.routes(t)
	for _, id := range ids {
		if d, err := batching.GetDestination(t.Context(), id); err != nil || d.ID != id {
			t.Fatalf("GetDestination(%s) = %+v, %v", id, d, err)
		}
	}
	after := f.routes(t)
	gets := after["GET "+destinationRoute] - before["GET "+destinationRoute]
	lists := after["GET "+destinationsRoute] - before["GET "+destinationsRoute]
	if gets != 5 || lists != 1 {
		t.Errorf("30 reads took %d single reads and %d listings; want 5 and 1", gets, lists)
	}
	// A write through the client drops the listing: the next read sees it.
	d, err := batching.GetDestination(t.Context(), ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := batching.UpdateDestination(t.Context(), ids[0], d.Version, stream().Spec("renamed", true)); err != nil {
		t.Fatal(err)
	}
	if d, err := batching.GetDestination(t.Context(), ids[0]); err != nil || d.DisplayName != "renamed" {
		t.Errorf("after a write, read %+v, %v", d, err)
	}
}

// A server that echoes the request into its error must not carry the token
// into the user's diagnostics, in any form the client sent it.
func TestErrorsDoNotEchoTheToken(t *testing.T) {
	const token = "amp_secret_token_1234"
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusBadRequest)
		_ = json.NewEncoder(w).Encode(map[string]any{
			"status": 400, "error_code": "validation_error", "detail": "bad header " + r.Header.Get("Authorization"),
			"validation_errors": []map[string]string{{"field": "x", "message": "you sent " + r.Header.Get("Authorization"), "code": "invalid_value"}},
		})
	}))
	defer server.Close()
	client := newClient(t, server.URL, token)
	_, err := client.ListDestinations(t.Context(), developer.DestinationFilter{})
	if err == nil || strings.Contains(err.Error(), token) || !strings.Contains(err.Error(), "[REDACTED]") {
		t.Errorf("error %v; want the token redacted", err)
	}
}

// A redirect is never followed: it would carry the token elsewhere.
func TestRedirectsAreNotFollowed(t *testing.T) {
	var leaked bool
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked = r.Header.Get("Authorization") != ""
	}))
	defer elsewhere.Close()
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere.URL+r.URL.Path, http.StatusTemporaryRedirect)
	}))
	defer server.Close()
	_, err := newClient(t, server.URL, adminToken).GetDestination(t.Context(), "d")
	if err == nil || !strings.Contains(err.Error(), elsewhere.URL) || leaked {
		t.Errorf("error %v, token sent on: %v; want the redirect refused, naming where it pointed", err, leaked)
	}
}
