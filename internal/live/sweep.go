package live

import (
	"context"
	"fmt"
	"strings"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/amplitude/developer"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/braze"
)

// Report is what a sweep did and what it left.
type Report struct {
	// Removed lists what the sweep disabled or deleted.
	Removed []string
	// Disabled lists the event-streaming destinations that stay in
	// Amplitude, disabled: the Developer API has no delete.
	Disabled []string
	// Left lists what carries the prefix and still acts, or could not be
	// read, each with why.
	Left []string
}

func (r *Report) removed(format string, args ...any) {
	r.Removed = append(r.Removed, fmt.Sprintf(format, args...))
}

func (r *Report) left(format string, args ...any) {
	r.Left = append(r.Left, fmt.Sprintf(format, args...))
}

// Sweep removes what a live run made, found by its prefix: the Developer
// API has no delete, so event-streaming destinations are disabled (and
// stay, listed in Left), cohort destinations are listed in Left for the
// dashboard, and the tracking plan's events (with their properties) and
// user properties are deleted; with modelled, so are Braze API keys. It
// goes on past a failure, reporting it in Left, so that one refusal does
// not hide the rest.
func Sweep(ctx context.Context, c Clients, prefix string, modelled bool) Report {
	var r Report
	sweepDestinations(ctx, c.Developer, prefix, &r)
	sweepEvents(ctx, c.Developer, prefix, &r)
	sweepUserProperties(ctx, c.Developer, prefix, &r)
	if modelled {
		sweepAPIKeys(ctx, c.Braze, prefix, &r)
	}
	return r
}

func sweepDestinations(ctx context.Context, dev *developer.Client, prefix string, r *Report) {
	// Listed whole and matched here: the list's q is a full-text search,
	// whose reading of "tfacc-…" the docs do not give.
	all, err := dev.ListDestinations(ctx, developer.DestinationFilter{})
	if err != nil {
		r.left("destinations named %s*: cannot list them: %v", prefix, err)
		return
	}
	for _, d := range all {
		if !strings.HasPrefix(d.DisplayName, prefix) {
			continue
		}
		what := fmt.Sprintf("destination %s %q (%s)", d.ID, d.DisplayName, strings.Join(d.Kind, "+"))
		switch {
		case !developer.IsEventStreaming(d.Kind):
			r.left("%s: the Developer API can neither disable nor delete it; delete it in Amplitude › Data › Destinations", what)
		case d.Enabled != nil && !*d.Enabled:
			r.Disabled = append(r.Disabled, what)
		default:
			if _, err := dev.DisableDestination(ctx, d.ID); err != nil {
				r.left("%s: cannot disable it: %v", what, err)
				continue
			}
			r.removed("%s: disabled", what)
			r.Disabled = append(r.Disabled, what)
		}
	}
}

func sweepEvents(ctx context.Context, dev *developer.Client, prefix string, r *Report) {
	events, err := dev.ListEvents(ctx)
	if err != nil {
		r.left("events named %s*: cannot list them: %v", prefix, err)
		return
	}
	for _, e := range events {
		if !strings.HasPrefix(e.EventType, prefix) {
			continue
		}
		// An event's properties go first: deleting the event may leave
		// them unreachable.
		properties, err := dev.ListEventProperties(ctx, e.EventType)
		if err != nil {
			r.left("properties of event %q: cannot list them: %v", e.EventType, err)
		}
		for _, p := range properties {
			if err := dev.DeleteEventProperty(ctx, e.EventType, p.PropertyName); err != nil && !developer.IsNotFound(err) {
				r.left("event property %q of %q: %v", p.PropertyName, e.EventType, err)
				continue
			}
			r.removed("event property %q of %q: deleted", p.PropertyName, e.EventType)
		}
		if err := dev.DeleteEvent(ctx, e.EventType); err != nil && !developer.IsNotFound(err) {
			r.left("event %q: %v", e.EventType, err)
			continue
		}
		r.removed("event %q: deleted", e.EventType)
	}
}

func sweepUserProperties(ctx context.Context, dev *developer.Client, prefix string, r *Report) {
	deleteNamed(r, "user property", prefix, func() ([]developer.Property, error) { return dev.ListUserProperties(ctx) },
		func(p developer.Property) string { return p.PropertyName },
		func(p developer.Property) error { return dev.DeleteUserProperty(ctx, p.PropertyName) }, developer.IsNotFound)
}

// sweepAPIKeys deletes the Braze API keys of the modelled endpoints that
// carry the prefix.
func sweepAPIKeys(ctx context.Context, b *braze.Client, prefix string, r *Report) {
	deleteNamed(r, "Braze API key", prefix, func() ([]braze.APIKey, error) { return b.ListAPIKeys(ctx) },
		func(k braze.APIKey) string { return k.Name },
		func(k braze.APIKey) error { return b.DeleteAPIKey(ctx, k.ID) }, braze.IsNotFound)
}

// deleteNamed deletes each listed object whose name carries the prefix; an
// object already gone counts as deleted.
func deleteNamed[T any](r *Report, what, prefix string, list func() ([]T, error), name func(T) string, remove func(T) error, gone func(error) bool) {
	all, err := list()
	if err != nil {
		r.left("%ss named %s*: cannot list them: %v", what, prefix, err)
		return
	}
	for _, o := range all {
		if !strings.HasPrefix(name(o), prefix) {
			continue
		}
		if err := remove(o); err != nil && !gone(err) {
			r.left("%s %q: %v", what, name(o), err)
			continue
		}
		r.removed("%s %q: deleted", what, name(o))
	}
}
