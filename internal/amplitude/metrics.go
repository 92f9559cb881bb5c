package amplitude

import (
	"context"
	"net/http"
	"net/url"
)

// DeliveryTimePeriods are the time_period values of the delivery metrics
// summary (amplitude.com/docs/apis/analytics/event-streaming-metrics). CUSTOM
// is left out, because it needs a start and an end.
var DeliveryTimePeriods = []string{"TEN_MINUTES", "ONE_HOUR", "FOUR_HOURS", "ONE_DAY", "ONE_WEEK", "TWO_WEEKS"}

// DeliveryMetrics summarises an event-streaming destination's deliveries.
// The time stamps are UTC, in the API's own "2006-01-02 15:04:05.000000" form.
type DeliveryMetrics struct {
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

// DeliveryMetricsSummary reads the metrics of the destination syncID over
// timePeriod, waiting while the client has used up the API's limits.
func (c *Client) DeliveryMetricsSummary(ctx context.Context, syncID, timePeriod string) (*DeliveryMetrics, error) {
	release, err := c.metricsLimiter.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	var out DeliveryMetrics
	err = c.do(ctx, request{
		method: http.MethodGet,
		path:   "/api/2/event-streaming/delivery-metrics-summary",
		query:  url.Values{"sync_id": {syncID}, "time_period": {timePeriod}},
	}, &out)
	if err != nil {
		return nil, err
	}
	return &out, nil
}
