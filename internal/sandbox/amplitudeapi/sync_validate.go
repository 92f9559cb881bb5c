package amplitudeapi

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/developerapi"
)

// The rules a sync must keep (api/amplitude-basic.openapi.yaml, modelled, after
// amplitude.com/docs/data/audiences/third-party-syncs). Every message names
// the field and what would be valid.

// syncSpec is the writable part of a sync, as a client sends it.
type syncSpec struct {
	Name          string `json:"name"`
	Kind          string `json:"kind"`
	SourceID      string `json:"source_id"`
	DestinationID string `json:"destination_id"`
	Cadence       string `json:"cadence"`
	// Enabled defaults to true when absent.
	Enabled *bool `json:"enabled"`
}

// syncRequest is a POST or PUT body. A client may echo back the read-only
// fields of a read; they are accepted and ignored.
type syncRequest struct {
	syncSpec
	ID             any `json:"id"`
	BrazeAttribute any `json:"braze_attribute"`
	Status         any `json:"status"`
	LastRunAt      any `json:"last_run_at"`
	CreatedAt      any `json:"created_at"`
}

// validateSync checks a create (stored is nil) or a replacement of stored,
// looking at the request alone.
func validateSync(spec *syncSpec, stored *audienceSync) error {
	var p core.Problems
	switch {
	case spec.Kind == "":
		p.Add("kind is required: one of %s", strings.Join(syncKinds, ", "))
	case !slices.Contains(syncKinds, spec.Kind):
		p.Add("kind %q is not valid: use one of %s", spec.Kind, strings.Join(syncKinds, ", "))
	}
	if spec.SourceID == "" {
		p.Add("source_id is required: the user property name, computation id, cohort id or recommendation id to sync")
	}
	if spec.DestinationID == "" {
		p.Add("destination_id is required: the id of the Braze destination to sync to")
	}
	switch {
	case spec.Cadence == "":
		p.Add("cadence is required: one of %s", strings.Join(syncCadences, ", "))
	case !slices.Contains(syncCadences, spec.Cadence):
		p.Add("cadence %q is not valid: use one of %s", spec.Cadence, strings.Join(syncCadences, ", "))
	case spec.Cadence == cadenceRealtime && spec.Kind != syncKindCohort && spec.Kind != "":
		p.Add("cadence realtime syncs cohort membership only; a %s sync takes %s, %s or %s", spec.Kind, cadenceOneTime, cadenceHourly, cadenceDaily)
	}
	if stored != nil {
		for _, field := range []struct{ name, sent, stored string }{
			{"kind", spec.Kind, stored.Kind},
			{"source_id", spec.SourceID, stored.SourceID},
			{"destination_id", spec.DestinationID, stored.DestinationID},
		} {
			if field.sent != "" && field.sent != field.stored {
				p.Add("%s cannot change from %q to %q; create a new sync instead", field.name, field.stored, field.sent)
			}
		}
	}
	return p.Err()
}

// syncSource is what a sync's source_id names.
type syncSource struct {
	// label is how a generated sync name shows the source.
	label string
	// brazeAttribute is the custom attribute the sync writes, if any.
	brazeAttribute *string
}

// resolveSyncSource finds a sync's source, which must exist: a user
// property that is not deleted (in the plan or ingested-only, the
// project's own or Amplitude's), or a computation, cohort or recommendation
// of the project.
func (a *API) resolveSyncSource(tx *core.Tx, kind, sourceID string) (syncSource, error) {
	st := &a.state
	switch kind {
	case syncKindUserProperty:
		if p, found := a.developer.UserProperty(tx, sourceID); found && !p.Deleted {
			return syncSource{label: sourceID, brazeAttribute: &sourceID}, nil
		}
		return syncSource{}, core.Refuse(http.StatusBadRequest,
			"source_id %q is not a user property of this project: create it with POST %s/v1/projects/%s/user-properties first",
			sourceID, developerapi.Path, developerapi.ProjectID)
	case syncKindComputation:
		if i := st.computationByID(sourceID); i >= 0 {
			c := st.Computations[i]
			return syncSource{label: c.Name, brazeAttribute: &c.Name}, nil
		}
		return syncSource{}, unknownSource(kind, sourceID, idsOf(st.Computations, func(c computation) string { return c.ID }))
	case syncKindCohort:
		if i := st.cohortByID(sourceID); i >= 0 {
			return syncSource{label: st.Cohorts[i].Name}, nil
		}
		return syncSource{}, unknownSource(kind, sourceID, idsOf(st.Cohorts, func(c cohort) string { return c.ID }))
	default:
		if i := st.recommendationByID(sourceID); i >= 0 {
			return syncSource{label: st.Recommendations[i].Name}, nil
		}
		return syncSource{}, unknownSource(kind, sourceID, idsOf(st.Recommendations, func(r recommendation) string { return r.ID }))
	}
}

func unknownSource(kind, sourceID string, ids []string) error {
	return core.Refuse(http.StatusBadRequest, "source_id %q is not a %s of this project; the project has %s", sourceID, kind, strings.Join(ids, ", "))
}

func idsOf[T any](items []T, id func(T) string) []string {
	ids := make([]string, len(items))
	for i, item := range items {
		ids[i] = id(item)
	}
	return ids
}

// syncDestination finds a sync's destination, a Developer API destination
// of the kind the sync's needs: cohorts reach Braze through a braze
// destination of kind cohort (Amplitude's "Braze (Cohort Sync)"), user
// properties, computations and recommendations through one that sends
// users, whose kind contains identify.
func (a *API) syncDestination(tx *core.Tx, kind, destinationID string) (developerapi.Destination, error) {
	d, found := a.developer.Destination(tx, destinationID)
	if !found {
		return d, core.Refuse(http.StatusBadRequest, "destination_id %q is not a destination of this project", destinationID)
	}
	want, fits := "whose kind contains identify", d.Partner == developerapi.PartnerBraze && d.HasKind(developerapi.KindIdentify)
	if kind == syncKindCohort {
		want, fits = `of kind ["cohort"]`, d.Partner == developerapi.PartnerBraze && slices.Equal(d.Kind, []string{developerapi.KindCohort})
	}
	if !fits {
		return d, core.Refuse(http.StatusBadRequest, "a %s sync needs a braze destination %s; destination %q (%s) is a %s destination of kind %s",
			kind, want, destinationID, d.DisplayName, d.Partner, kindList(d.Kind))
	}
	return d, nil
}

// kindList writes a kind as JSON writes it.
func kindList(kind []string) string {
	return `["` + strings.Join(kind, `", "`) + `"]`
}

// checkSyncFree refuses a second sync of the same source to the same
// destination.
func checkSyncFree(st *state, kind, sourceID, destinationID string) error {
	if i := st.syncByTriple(kind, sourceID, destinationID); i >= 0 {
		return core.Refuse(http.StatusConflict, "a %s sync of %q to destination %s already exists (id %s); a source syncs to a destination once",
			kind, sourceID, destinationID, st.Syncs[i].ID)
	}
	return nil
}

// generatedSyncName names a sync created without a name, the way the
// dashboard describes it.
func generatedSyncName(kind string, source syncSource, d developerapi.Destination) string {
	return fmt.Sprintf("%s %s → %s", kind, source.label, d.DisplayName)
}
