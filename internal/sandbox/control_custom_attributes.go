package sandbox

import "net/http"

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

func (s *Server) addCustomAttributes(w http.ResponseWriter, r *http.Request) {
	s.addNamed(w, r, "custom_attributes", func(st *state, req *namesRequest) (int, int) {
		names := req.all(generatedAttributeName, st.hasCustomAttribute)
		attrs := make([]customAttribute, len(names))
		for i, name := range names {
			attrs[i] = customAttribute{Name: name, DataType: "String"}
		}
		return st.addCustomAttributes(attrs...), len(st.CustomAttributes)
	})
}
