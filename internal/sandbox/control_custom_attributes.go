package sandbox

import (
	"fmt"
	"net/http"
)

// POST /_sandbox/custom_attributes adds custom attributes to the Braze
// workspace. It is a test aid, NOT a vendor API: Braze creates attributes
// when data arrives, and tests need enough of them to page through the
// export. Like every control endpoint it is never counted nor faulted.
//
// The body names the attributes, asks for a number of generated ones, or
// both: {"names": ["tier"], "count": 120}. Names that exist are skipped.
// The answer tells how many were added and how many there are now.

type addCustomAttributesRequest struct {
	Names []string `json:"names"`
	Count int      `json:"count"`
}

type addCustomAttributesResponse struct {
	Added            int `json:"added"`
	CustomAttributes int `json:"custom_attributes"`
}

const (
	maxGeneratedAttributes = 10_000
	// maxAttributeNameLength is Braze's: "Custom attribute keys and values
	// have a maximum length of 255 characters"
	// (braze.com/docs/developer_guide/platform_integration_guides/web/analytics/setting_custom_attributes).
	maxAttributeNameLength = 255
	generatedAttributeName = "sandbox_attribute_%05d"
)

func (req addCustomAttributesRequest) validate() error {
	var p problems
	if len(req.Names) == 0 && req.Count == 0 {
		p.add("send names, a count, or both")
	}
	if req.Count < 0 || req.Count > maxGeneratedAttributes {
		p.add("count must be from 0 to %d", maxGeneratedAttributes)
	}
	for i, name := range req.Names {
		if name == "" || len(name) > maxAttributeNameLength {
			p.add("names[%d] must be 1 to %d characters", i, maxAttributeNameLength)
		}
	}
	return p.err()
}

func (s *Server) addCustomAttributes(w http.ResponseWriter, r *http.Request) {
	var req addCustomAttributesRequest
	err := decodeJSON(w, r, &req)
	if err == nil {
		err = req.validate()
	}
	if err != nil {
		writeJSON(w, http.StatusBadRequest, controlError{Error: err.Error()})
		return
	}
	var resp addCustomAttributesResponse
	err = s.store.update(func(st *state) error {
		attrs := make([]customAttribute, 0, len(req.Names)+req.Count)
		for _, name := range req.Names {
			attrs = append(attrs, customAttribute{Name: name, DataType: "String"})
		}
		for n := 1; len(attrs) < len(req.Names)+req.Count; n++ {
			if name := fmt.Sprintf(generatedAttributeName, n); !st.hasCustomAttribute(name) {
				attrs = append(attrs, customAttribute{Name: name, DataType: "String"})
			}
		}
		resp.Added = st.addCustomAttributes(attrs...)
		resp.CustomAttributes = len(st.CustomAttributes)
		return nil
	})
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, controlError{Error: err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, resp)
}
