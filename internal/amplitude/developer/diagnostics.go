package developer

// Diagnostic is one thing the destination service found while it checked or
// sent a write: an error, which means nothing more is sent, or a warning.
//
// Field names the part of the request the finding is about, the way
// Amplitude's validation errors name it (config.api_key, display_name,
// event_filter.events). A caller that built the request from its own
// settings can then show the finding next to the setting the field came
// from. Field is empty when the finding concerns the write as a whole.
type Diagnostic struct {
	Warning bool
	Field   string
	Summary string
	Detail  string
	// VersionConflict marks the error of an update refused because the
	// destination changed in Amplitude after the version the update was
	// planned against. Nothing was written; planning again shows the change.
	VersionConflict bool
}

// Diagnostics are the findings of one call, in the order they were found.
type Diagnostics []Diagnostic

// HasError reports whether any finding is an error.
func (d Diagnostics) HasError() bool {
	for _, f := range d {
		if !f.Warning {
			return true
		}
	}
	return false
}

// AddError adds an error about field, or about the whole write when field is
// empty.
func (d *Diagnostics) AddError(field, summary, detail string) {
	*d = append(*d, Diagnostic{Field: field, Summary: summary, Detail: detail})
}

// AddWarning adds a warning about field, or about the whole write when field
// is empty.
func (d *Diagnostics) AddWarning(field, summary, detail string) {
	*d = append(*d, Diagnostic{Warning: true, Field: field, Summary: summary, Detail: detail})
}
