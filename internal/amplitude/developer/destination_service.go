package developer

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
)

// DestinationService sends destination writes the same way for every kind
// of destination, so that each caller only says what to write:
//
//   - Before anything is sent, it reads the partner's destination type and
//     runs the write's own check against it. A write the type cannot take is
//     refused with the reason, and nothing reaches Amplitude.
//   - A dry run asks Amplitude to validate a planned write without making it.
//   - An update names the version it was planned against (If-Match), so a
//     destination changed in Amplitude since then is reported and never
//     overwritten (Amplitude answers 412).
//   - Each of Amplitude's refusals keeps the request field it is about.
//   - Destroying an event-streaming destination disables it, because the
//     Developer API has no delete.
//
// Every method returns its findings as Diagnostics, and the destination when
// there is one. The service knows nothing of Terraform: a Diagnostic names
// request fields, and the caller decides where to show them.
type DestinationService struct {
	client *Client
	// what names the destinations in messages, such as "Amplitude Braze
	// destination".
	what string
	// dryRun makes CheckPlanned ask Amplitude to validate planned writes.
	dryRun bool
}

// DestinationService returns the service for the destinations that what
// names in messages. dryRun says whether a planned write is sent to
// Amplitude as a dry run, besides being checked against the partner's type.
func (c *Client) DestinationService(what string, dryRun bool) *DestinationService {
	return &DestinationService{client: c, what: what, dryRun: dryRun}
}

// DestinationWrite is one create or update, as a caller wants it sent.
type DestinationWrite struct {
	Partner string
	Spec    DestinationSpec
	// Check looks at the partner's destination type before anything is sent
	// and returns what about the write the type cannot take. A write with an
	// error among its findings is not sent. Nil checks nothing.
	Check func(*DestinationType) Diagnostics
	// RemoveUnsentSecrets makes an update remove every secret parameter of
	// the partner that Spec does not send. Amplitude never returns secrets,
	// so a caller that sends its secrets as one set cannot tell which ones
	// Amplitude still holds; the partner's type lists them all.
	RemoveUnsentSecrets bool
}

// CheckPlanned checks a planned write against the partner's destination
// type and, when the service does dry runs, asks Amplitude to validate it
// without making it: a create when id is empty, otherwise an update of id at
// version. Amplitude's warnings come back as warnings. A token that may plan
// but not write (no destinations:write) gets a warning that Amplitude did not
// check the write, not an error.
func (s *DestinationService) CheckPlanned(ctx context.Context, id string, version int64, w DestinationWrite) Diagnostics {
	creating := id == ""
	spec, found := s.checked(ctx, w, !creating)
	if found.HasError() || !s.dryRun {
		return found
	}
	var plan *Plan
	var err error
	if creating {
		_, plan, err = s.client.DryRunCreate(ctx, w.Partner, spec)
	} else {
		_, plan, err = s.client.DryRunUpdate(ctx, id, version, spec)
	}
	switch {
	case IsScopeError(err):
		found.AddWarning("", "Amplitude did not check this plan",
			fmt.Sprintf("%s: %v. Plans need only destinations:read; the dry run that checks a planned change, and the apply, need destinations:write.", s.what, err))
	case err != nil:
		found = append(found, s.refused("Amplitude refuses this "+s.what, err)...)
	default:
		for _, warning := range plan.Warnings {
			found.AddWarning("", "Amplitude warns about this "+s.what, warning)
		}
	}
	return found
}

// Create checks the write, then creates the destination. It returns the
// destination as Amplitude holds it, or nil when nothing was created.
func (s *DestinationService) Create(ctx context.Context, w DestinationWrite) (*Destination, Diagnostics) {
	spec, found := s.checked(ctx, w, false)
	if found.HasError() {
		return nil, found
	}
	created, err := s.client.CreateDestination(ctx, w.Partner, spec)
	if err != nil {
		return nil, append(found, s.refused("Cannot create the "+s.what, err)...)
	}
	return created, found
}

// Update checks the write, then sends it as the new state of destination
// id, provided Amplitude still holds version. It returns the destination as
// Amplitude holds it, or nil when nothing was written.
func (s *DestinationService) Update(ctx context.Context, id string, version int64, w DestinationWrite) (*Destination, Diagnostics) {
	spec, found := s.checked(ctx, w, true)
	if found.HasError() {
		return nil, found
	}
	updated, err := s.client.UpdateDestination(ctx, id, version, spec)
	if err != nil {
		return nil, append(found, s.refused("Cannot update the "+s.what, err)...)
	}
	return updated, found
}

// Disable is what destroying an event-streaming destination does, because
// the Developer API has no way to delete one. It stops destination id from
// sending, and warns that the destination stays in Amplitude. A destination
// that no longer exists needs nothing.
func (s *DestinationService) Disable(ctx context.Context, id string) Diagnostics {
	var found Diagnostics
	_, err := s.client.DisableDestination(ctx, id)
	switch {
	case IsNotFound(err):
	case err != nil:
		found.AddError("", "Cannot disable the "+s.what, err.Error())
	default:
		found.AddWarning("", s.what+" disabled, not deleted",
			fmt.Sprintf("Amplitude's Developer API cannot delete destination %s, so it is now disabled (enabled = false) and stays in Amplitude, no longer managed here. "+
				"Delete it in Amplitude's dashboard (Data › Destinations) if it is no longer wanted. Applying the configuration again creates a new destination.", id))
	}
	return found
}

// checked reads the partner's destination type (once per client), runs the
// write's check against it, and returns the spec to send. For an update
// with RemoveUnsentSecrets, that spec removes the partner's secret
// parameters it does not send.
func (s *DestinationService) checked(ctx context.Context, w DestinationWrite, update bool) (DestinationSpec, Diagnostics) {
	var found Diagnostics
	t, err := s.client.DestinationType(ctx, w.Partner)
	if err != nil {
		found.AddError("", "Cannot read Amplitude's "+w.Partner+" destination type", err.Error())
		return DestinationSpec{}, found
	}
	if w.Check != nil {
		found = append(found, w.Check(t)...)
	}
	spec := w.Spec
	if update && w.RemoveUnsentSecrets {
		spec.Config = maps.Clone(spec.Config)
		if spec.Config == nil {
			spec.Config = map[string]json.RawMessage{}
		}
		for _, p := range t.Parameters {
			if _, sent := spec.Config[p.ID]; !sent && p.IsSecret() {
				spec.Config[p.ID] = json.RawMessage("null")
			}
		}
	}
	return spec, found
}

// refused turns an error from a write into findings: a version conflict; or
// each of Amplitude's validation errors on the field it names; or the error
// as it is.
func (s *DestinationService) refused(summary string, err error) Diagnostics {
	var found Diagnostics
	if IsVersionMismatch(err) {
		return append(found, Diagnostic{
			Summary:         "The " + s.what + " changed in Amplitude after this plan was made",
			Detail:          err.Error() + ".",
			VersionConflict: true,
		})
	}
	fields := FieldErrors(err)
	for _, f := range fields {
		found.AddError(f.Field, summary, fmt.Sprintf("Amplitude: %s: %s", f.Field, f.Message))
	}
	if len(fields) == 0 {
		found.AddError("", summary, err.Error())
	}
	return found
}
