package brazeapi

import "net/http"

// Braze's export of custom attributes
// (braze.com/docs/api/endpoints/export/custom_attributes/get_custom_attributes):
// "The attributes are returned in groups of 50, sorted alphabetically", and
// "For more than 50 attributes, use the Link header to retrieve the data on
// the next page".

const (
	customAttributesPageSize = 50
	// customAttributesPath is where the sandbox serves the export; Link
	// headers carry it whole so that a client resolving them against the
	// host, as it must with Braze's host-relative links, lands back here.
	customAttributesPath = Path + "/custom_attributes"
)

func (a *API) listCustomAttributes(w http.ResponseWriter, r *http.Request) {
	servePage(a, w, r, customAttributesPath, "attributes", customAttributesPageSize,
		func(st *state) []customAttribute { return st.CustomAttributes }, (*customAttribute).view)
}

// POST /_sandbox/custom_attributes adds custom attributes to the Braze
// workspace. It is a test aid, NOT a vendor API: Braze creates attributes
// when data arrives, and tests need enough of them to page through the
// export. Like every control endpoint it is never counted nor faulted.
//
// The body names the attributes, asks for a number of generated ones, or
// both: {"names": ["tier"], "count": 120}. Names that exist are skipped.
// The answer tells how many were added and how many there are now:
// {"added": 121, "custom_attributes": 123}.

const generatedAttributeName = "sandbox_attribute_%05d"

func (a *API) addCustomAttributes(w http.ResponseWriter, r *http.Request) {
	a.addNamed(w, r, "custom_attributes", func(req *namesRequest) (int, int) {
		names := req.all(generatedAttributeName, a.state.hasCustomAttribute)
		attrs := make([]customAttribute, len(names))
		for i, name := range names {
			attrs[i] = customAttribute{Name: name, DataType: "String"}
		}
		return a.state.addCustomAttributes(attrs...), len(a.state.CustomAttributes)
	})
}
