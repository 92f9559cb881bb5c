package amplitudeapi

import (
	"net/http"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
)

// deliveryMetricsSummary answers GET /api/2/event-streaming/delivery-metrics-summary
// (amplitude.com/docs/apis/analytics/event-streaming-metrics): sync_id and
// time_period are required, and a sync the project does not stream to is
// the documented 403.
func (a *API) deliveryMetricsSummary(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	syncID, timePeriod := q.Get("sync_id"), q.Get("time_period")
	if syncID == "" {
		core.Fail(a.vendor, w, r, core.Refuse(http.StatusBadRequest, "sync_id is required: the id of an event streaming destination"))
		return
	}
	start, end, err := deliveryWindow(q, timePeriod, a.sb.Now())
	if err != nil {
		core.Fail(a.vendor, w, r, err)
		return
	}
	var streams bool
	a.store.Read(func(tx *core.Tx) {
		d, found := a.developer.Destination(tx, syncID)
		streams = found && d.Streams()
	})
	if !streams {
		// The documented 403, which is also what a sync id of another
		// project meets: this project has no such event stream. A cohort
		// destination streams no events.
		core.Fail(a.vendor, w, r, core.Refuse(http.StatusForbidden,
			"Forbidden: attempt to access sync outside of organization and app. %q is not an event streaming destination of this project", syncID))
		return
	}
	core.WriteJSON(w, http.StatusOK, deliveryMetrics(syncID, timePeriod, start, end))
}
