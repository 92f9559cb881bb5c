package amplitudeapi

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// deliveryTimePeriods are the documented time_period values
// (amplitude.com/docs/apis/analytics/event-streaming-metrics, "Query
// parameters"), in the docs' order, with the span each summarises, ending
// now; CUSTOM has none.
var deliveryTimePeriods = []deliveryTimePeriod{
	{"TEN_MINUTES", 10 * time.Minute},
	{"ONE_HOUR", time.Hour},
	{"FOUR_HOURS", 4 * time.Hour},
	{"ONE_DAY", 24 * time.Hour},
	{"ONE_WEEK", 7 * 24 * time.Hour},
	{"TWO_WEEKS", 14 * 24 * time.Hour},
	{customTimePeriod, 0},
}

type deliveryTimePeriod struct {
	name string
	span time.Duration
}

const (
	customTimePeriod = "CUSTOM"
	// "The last 4 hours are accurate to the minute; older data is
	// aggregated hourly", and the data is kept 90 days (the same page,
	// "Considerations").
	minuteAccuracy    = 4 * time.Hour
	deliveryRetention = 90 * 24 * time.Hour
)

// deliveryWindow is the period a request asks about: a named span ending
// now, at the accuracy its age allows, or CUSTOM's start (inclusive) and end
// (exclusive).
func deliveryWindow(q url.Values, timePeriod string, now time.Time) (start, end time.Time, err error) {
	i := slices.IndexFunc(deliveryTimePeriods, func(p deliveryTimePeriod) bool { return p.name == timePeriod })
	if i < 0 {
		names := make([]string, len(deliveryTimePeriods))
		for i, p := range deliveryTimePeriods {
			names[i] = p.name
		}
		return start, end, core.Refuse(http.StatusBadRequest, "time_period %q is not valid: use one of %s", timePeriod, strings.Join(names, ", "))
	}
	if span := deliveryTimePeriods[i].span; span > 0 {
		if q.Has("start") || q.Has("end") {
			// The docs require start and end with CUSTOM and say nothing of
			// them with another period: refusing them is the sandbox's.
			return start, end, core.Refuse(http.StatusBadRequest, "start and end are only for time_period CUSTOM")
		}
		accuracy := time.Minute
		if span > minuteAccuracy {
			accuracy = time.Hour
		}
		end = now.Truncate(accuracy)
		return end.Add(-span), end, nil
	}
	var p core.Problems
	start = parseDeliveryTime(&p, q, "start")
	end = parseDeliveryTime(&p, q, "end")
	if err := p.Err(); err != nil {
		return start, end, err
	}
	if !start.Before(end) {
		// Undocumented; the sandbox refuses an empty or reversed period.
		return start, end, core.Refuse(http.StatusBadRequest, "start %s must be before end %s", q.Get("start"), q.Get("end"))
	}
	if start.Before(now.Add(-deliveryRetention)) {
		// The documented answer to a period outside the 90-day retention.
		return start, end, core.Refuse(http.StatusInternalServerError, "start %s is outside the 90-day retention of delivery metrics", q.Get("start"))
	}
	return start, end, nil
}

// parseDeliveryTime reads a CUSTOM bound, documented as YYYY-MM-DDThh:mmTZD
// with the example 2022-10-01T07:00:00+01:00, so seconds are optional.
func parseDeliveryTime(p *core.Problems, q url.Values, name string) time.Time {
	value := q.Get(name)
	if value == "" {
		p.Add("%s is required for time_period CUSTOM: an ISO-8601 time such as 2022-10-01T07:00:00+01:00", name)
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00"} {
		if t, err := time.Parse(layout, value); err == nil {
			return t
		}
	}
	hint := ""
	if strings.Contains(value, " ") {
		hint = " (a + in the offset must be URL-encoded as %2B)"
	}
	p.Add("%s %q is not an ISO-8601 time such as 2022-10-01T07:00:00+01:00%s", name, value, hint)
	return time.Time{}
}
