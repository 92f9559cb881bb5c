package amplitudeapi_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

type deliveryMetrics struct {
	TimePeriod            string  `json:"timePeriod"`
	EventsDelivered       int64   `json:"eventsDelivered"`
	EventsNotDelivered    int64   `json:"eventsNotDelivered"`
	DeliveryRate          float64 `json:"deliveryRate"`
	LatencyInSeconds      float64 `json:"latencyInSeconds"`
	TimePeriodStart       string  `json:"timePeriodStart"`
	TimePeriodEnd         string  `json:"timePeriodEnd"`
	SuccessOnFirstAttempt int64   `json:"successOnFirstAttempt"`
	SuccessAfterRetry     int64   `json:"successAfterRetry"`
	EventsExpired         int64   `json:"eventsExpired"`
	EventsDiscarded       int64   `json:"eventsDiscarded"`
}

func (f *fixture) metrics(query url.Values) sandboxtest.Response {
	f.T.Helper()
	return f.Amplitude("GET", "/api/2/event-streaming/delivery-metrics-summary?"+query.Encode(), nil)
}

func (f *fixture) wantMetrics(query url.Values) deliveryMetrics {
	f.T.Helper()
	r := f.metrics(query)
	r.WantStatus(f.T, http.StatusOK)
	var m deliveryMetrics
	r.Decode(f.T, &m)
	var raw map[string]any
	r.Decode(f.T, &raw)
	if len(raw) != 11 {
		f.T.Errorf("answer has %d fields, want the 11 documented: %s", len(raw), r.Body)
	}
	return m
}

func TestDeliveryMetrics(t *testing.T) {
	f := start(t)
	stream, _ := f.Destinations()
	// epoch is 2026-03-04 05:06:07.5 UTC.
	tests := []struct {
		period     string
		start, end string
		minutes    int64
	}{
		{"TEN_MINUTES", "2026-03-04 04:56:00.000000", "2026-03-04 05:06:00.000000", 10},
		{"ONE_HOUR", "2026-03-04 04:06:00.000000", "2026-03-04 05:06:00.000000", 60},
		{"FOUR_HOURS", "2026-03-04 01:06:00.000000", "2026-03-04 05:06:00.000000", 4 * 60},
		// Older than four hours, the data is hourly.
		{"ONE_DAY", "2026-03-03 05:00:00.000000", "2026-03-04 05:00:00.000000", 24 * 60},
		{"ONE_WEEK", "2026-02-25 05:00:00.000000", "2026-03-04 05:00:00.000000", 7 * 24 * 60},
		{"TWO_WEEKS", "2026-02-18 05:00:00.000000", "2026-03-04 05:00:00.000000", 14 * 24 * 60},
	}
	for _, tt := range tests {
		t.Run(tt.period, func(t *testing.T) {
			query := url.Values{"sync_id": {stream}, "time_period": {tt.period}}
			m := f.wantMetrics(query)
			if m.TimePeriod != tt.period || m.TimePeriodStart != tt.start || m.TimePeriodEnd != tt.end {
				t.Errorf("period %s from %s to %s, want %s from %s to %s", m.TimePeriod, m.TimePeriodStart, m.TimePeriodEnd, tt.period, tt.start, tt.end)
			}
			checkDeliverySums(t, m)
			if sent := m.EventsDelivered + m.EventsNotDelivered; sent < 20*tt.minutes || sent >= 500*tt.minutes {
				t.Errorf("%d events in %d minutes; the sandbox streams 20 to 499 a minute", sent, tt.minutes)
			}
			if again := f.wantMetrics(query); again != m {
				t.Errorf("the same question answered %+v, then %+v", m, again)
			}
		})
	}
}

func checkDeliverySums(t *testing.T, m deliveryMetrics) {
	t.Helper()
	if m.EventsDelivered <= 0 || m.EventsDelivered != m.SuccessOnFirstAttempt+m.SuccessAfterRetry {
		t.Errorf("delivered %d is not first attempt %d + after retry %d", m.EventsDelivered, m.SuccessOnFirstAttempt, m.SuccessAfterRetry)
	}
	if m.EventsNotDelivered != m.EventsExpired+m.EventsDiscarded {
		t.Errorf("not delivered %d is not expired %d + discarded %d", m.EventsNotDelivered, m.EventsExpired, m.EventsDiscarded)
	}
	rate := float64(m.EventsDelivered) / float64(m.EventsDelivered+m.EventsNotDelivered)
	if d := m.DeliveryRate - rate; d > 0.0001 || d < -0.0001 || m.DeliveryRate > 1 || m.DeliveryRate < 0.97 {
		t.Errorf("delivery rate %v, want %v", m.DeliveryRate, rate)
	}
	if m.LatencyInSeconds <= 0 || m.LatencyInSeconds > 5 {
		t.Errorf("latency %v", m.LatencyInSeconds)
	}
}

func TestDeliveryMetricsVary(t *testing.T) {
	f := start(t)
	a := f.CreateDestination(sandboxtest.BrazeStream("a"))["id"].(string)
	b := f.CreateDestination(sandboxtest.BrazeStream("b"))["id"].(string)
	ask := func(id string) deliveryMetrics {
		return f.wantMetrics(url.Values{"sync_id": {id}, "time_period": {"ONE_HOUR"}})
	}
	first := ask(a)
	if other := ask(b); other.EventsDelivered == first.EventsDelivered && other.LatencyInSeconds == first.LatencyInSeconds {
		t.Errorf("two destinations report the same figures: %+v", first)
	}
	f.Clock.Advance(time.Minute)
	if later := ask(a); later == first {
		t.Errorf("a minute later the window moved but the figures did not: %+v", later)
	}
}

func TestDeliveryMetricsCustomPeriod(t *testing.T) {
	f := start(t)
	stream, _ := f.Destinations()
	query := func(start, end string) url.Values {
		return url.Values{"sync_id": {stream}, "time_period": {"CUSTOM"}, "start": {start}, "end": {end}}
	}
	m := f.wantMetrics(query("2026-03-01T07:00:00+01:00", "2026-03-01T09:30+01:00"))
	if m.TimePeriod != "CUSTOM" || m.TimePeriodStart != "2026-03-01 06:00:00.000000" || m.TimePeriodEnd != "2026-03-01 08:30:00.000000" {
		t.Errorf("custom period %+v", m)
	}
	checkDeliverySums(t, m)

	tests := []struct {
		name   string
		query  url.Values
		status int
		want   string
	}{
		{"no bounds", url.Values{"sync_id": {stream}, "time_period": {"CUSTOM"}}, http.StatusBadRequest, "start is required for time_period CUSTOM"},
		{"unparsable", query("yesterday", "2026-03-01T09:30+01:00"), http.StatusBadRequest, `start "yesterday" is not an ISO-8601 time`},
		{"unencoded plus", query("2026-03-01T07:00:00 01:00", "2026-03-01T09:30+01:00"), http.StatusBadRequest, "must be URL-encoded as %2B"},
		{"backwards", query("2026-03-01T09:30Z", "2026-03-01T07:00Z"), http.StatusBadRequest, "must be before end"},
		{"past retention", query("2025-11-01T00:00Z", "2025-11-02T00:00Z"), http.StatusInternalServerError, "outside the 90-day retention"},
		{"bounds without CUSTOM", url.Values{"sync_id": {stream}, "time_period": {"ONE_DAY"}, "start": {"2026-03-01T07:00Z"}}, http.StatusBadRequest, "start and end are only for time_period CUSTOM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.metrics(tt.query).WantAmplitudeError(t, tt.status, tt.want)
		})
	}
}

func TestDeliveryMetricsRefusals(t *testing.T) {
	f := start(t)
	stream, cohorts := f.Destinations()
	tests := []struct {
		name   string
		query  url.Values
		status int
		want   string
	}{
		{"no sync id", url.Values{"time_period": {"ONE_DAY"}}, http.StatusBadRequest, "sync_id is required"},
		{"no period", url.Values{"sync_id": {stream}}, http.StatusBadRequest, `time_period is required: one of "TEN_MINUTES", "ONE_HOUR", "FOUR_HOURS", "ONE_DAY", "ONE_WEEK", "TWO_WEEKS", "CUSTOM"`},
		{"bad period", url.Values{"sync_id": {stream}, "time_period": {"ONE_MONTH"}}, http.StatusBadRequest, `time_period "ONE_MONTH" is not valid`},
		{"unknown sync", url.Values{"sync_id": {"nope"}, "time_period": {"ONE_DAY"}}, http.StatusForbidden, "Forbidden: attempt to access sync outside of organization and app."},
		{"cohort destination", url.Values{"sync_id": {cohorts}, "time_period": {"ONE_DAY"}}, http.StatusForbidden, "is not an event streaming destination of this project"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.metrics(tt.query).WantAmplitudeError(t, tt.status, tt.want)
		})
	}
}
