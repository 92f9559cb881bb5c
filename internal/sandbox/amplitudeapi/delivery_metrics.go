package amplitudeapi

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"strconv"
	"time"
)

// The event-streaming delivery metrics summary
// (amplitude.com/docs/apis/analytics/event-streaming-metrics). The sandbox
// streams no events, so the figures are made up: derived from a hash of the
// destination and the period, they are the same for the same question, and
// they add up the way real ones do.

// deliveryTimeLayout is how the API writes times: the docs' sample has
// "2022-10-01 06:00:00.000000", UTC without a zone.
const deliveryTimeLayout = "2006-01-02 15:04:05.000000"

// deliveryMetricsView is the documented response.
type deliveryMetricsView struct {
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

// deliveryMetrics summarises the destination syncID's deliveries in
// [start, end): 20 to 499 events a minute, of which under 2% expire after
// their retries and under 1% are discarded as invalid, under 5% of the rest
// succeeding only on a retry.
func deliveryMetrics(syncID, timePeriod string, start, end time.Time) deliveryMetricsView {
	seed := sha256.Sum256([]byte(syncID + "|" + timePeriod + "|" + strconv.FormatInt(start.Unix(), 10) + "|" + strconv.FormatInt(end.Unix(), 10)))
	draw := func(i int, n uint32) int64 { return int64(binary.BigEndian.Uint32(seed[4*i:]) % n) }

	perMinute := 20 + draw(0, 480)
	total := perMinute * int64(end.Sub(start)/time.Second) / 60
	expired := total * draw(1, 20) / 1000
	discarded := total * draw(2, 10) / 1000
	notDelivered := expired + discarded
	delivered := total - notDelivered
	afterRetry := delivered * draw(3, 50) / 1000

	rate := 1.0 // Nothing sent, nothing lost.
	if total > 0 {
		rate = roundTo(float64(delivered)/float64(total), 4)
	}
	return deliveryMetricsView{
		TimePeriod:            timePeriod,
		EventsDelivered:       delivered,
		EventsNotDelivered:    notDelivered,
		DeliveryRate:          rate,
		LatencyInSeconds:      roundTo(0.2+float64(draw(4, 3000))/1000, 3),
		TimePeriodStart:       start.UTC().Format(deliveryTimeLayout),
		TimePeriodEnd:         end.UTC().Format(deliveryTimeLayout),
		SuccessOnFirstAttempt: delivered - afterRetry,
		SuccessAfterRetry:     afterRetry,
		EventsExpired:         expired,
		EventsDiscarded:       discarded,
	}
}

func roundTo(x float64, places int) float64 {
	scale := math.Pow10(places)
	return math.Round(x*scale) / scale
}
