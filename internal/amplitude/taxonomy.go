package amplitude

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// The Taxonomy API (amplitude.com/docs/apis/analytics/taxonomy) takes
// form-encoded bodies, answers create and update with a bare
// {"success": true}, and names custom user properties with a "gp:" prefix in
// paths and answers.
const (
	userPropertiesPath = "/api/2/taxonomy/user-property"
	customPrefix       = "gp:"
)

// Values the Taxonomy API accepts for a user property's type and
// classifications.
var (
	UserPropertyTypes           = []string{"string", "number", "boolean", "enum", "any"}
	UserPropertyClassifications = []string{"PII", "SENSITIVE", "REVENUE"}
)

// UserProperty is a custom user property in a project's taxonomy. Name is
// given without the "gp:" prefix.
type UserProperty struct {
	Name            string
	Description     string
	Type            string
	Regex           string
	EnumValues      []string
	IsArrayType     bool
	IsHidden        bool
	Classifications []string
}

// wireUserProperty is the Taxonomy API's JSON answer for one property.
type wireUserProperty struct {
	UserProperty    string   `json:"user_property"`
	Description     *string  `json:"description"`
	Type            *string  `json:"type"`
	EnumValues      *string  `json:"enum_values"`
	Regex           *string  `json:"regex"`
	IsArrayType     bool     `json:"is_array_type"`
	IsHidden        bool     `json:"is_hidden"`
	Classifications []string `json:"classifications"`
	Deleted         bool     `json:"deleted"`
}

// taxonomyResult is the create/update answer: "success" may be false even
// with HTTP 200, so it is checked, not assumed. Being a 200, it reaches the
// client unredacted: err redacts the messages it quotes.
type taxonomyResult struct {
	Success bool `json:"success"`
	Errors  []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

func (r taxonomyResult) err(redact func(string) string) error {
	if r.Success {
		return nil
	}
	apiErr := &APIError{Status: http.StatusOK}
	for _, e := range r.Errors {
		apiErr.Messages = append(apiErr.Messages, redact(e.Message))
	}
	if len(apiErr.Messages) == 0 {
		apiErr.Messages = []string{`the Taxonomy API answered "success": false`}
	}
	return apiErr
}

// CreateUserProperty adds p to the taxonomy and reads it back. When the
// answer is lost, the property is looked up by name before sending again.
func (c *Client) CreateUserProperty(ctx context.Context, p UserProperty) (*UserProperty, error) {
	form := p.form()
	form.Set("user_property", p.Name)
	// is_hidden "can only be set on ingested properties", so a new one is
	// created visible and hidden by a later update if asked.
	form.Del("is_hidden")
	_, err := createOnce(ctx, c,
		func(ctx context.Context) (*UserProperty, error) {
			var result taxonomyResult
			if err := c.do(ctx, request{method: http.MethodPost, path: userPropertiesPath, form: form}, &result); err != nil {
				return nil, err
			}
			return nil, result.err(c.http.Redact)
		},
		func(ctx context.Context) (*UserProperty, bool, error) {
			found, err := c.GetUserProperty(ctx, p.Name)
			if IsNotFound(err) {
				return nil, false, nil
			}
			return found, err == nil, err
		})
	if IsConflict(err) {
		// A deleted property keeps its name: bring it back and set it as asked.
		if deleted, lookupErr := c.userPropertyIsDeleted(ctx, p.Name); lookupErr == nil && deleted {
			return c.restoreUserProperty(ctx, p)
		}
	}
	if err != nil {
		return nil, err
	}
	if p.IsHidden {
		return c.UpdateUserProperty(ctx, p.Name, p)
	}
	return c.GetUserProperty(ctx, p.Name)
}

func (c *Client) userPropertyIsDeleted(ctx context.Context, name string) (bool, error) {
	var out envelope[wireUserProperty]
	err := c.do(ctx, request{method: http.MethodGet, path: userPropertyPath(name), query: url.Values{"showDeleted": {"true"}}}, &out)
	return err == nil && out.Data.Deleted, err
}

func (c *Client) restoreUserProperty(ctx context.Context, p UserProperty) (*UserProperty, error) {
	var result taxonomyResult
	if err := c.do(ctx, request{method: http.MethodPost, path: userPropertyPath(p.Name) + "/restore"}, &result); err != nil {
		return nil, err
	}
	if err := result.err(c.http.Redact); err != nil {
		return nil, err
	}
	return c.UpdateUserProperty(ctx, p.Name, p)
}

// GetUserProperty reads the custom user property name; IsNotFound tells a
// missing or deleted one.
func (c *Client) GetUserProperty(ctx context.Context, name string) (*UserProperty, error) {
	var out envelope[wireUserProperty]
	if err := c.do(ctx, request{method: http.MethodGet, path: userPropertyPath(name)}, &out); err != nil {
		return nil, err
	}
	if out.Data.Deleted {
		return nil, &APIError{Status: http.StatusNotFound, Messages: []string{"Not found"}}
	}
	return out.Data.toUserProperty(), nil
}

// UpdateUserProperty sets every field of the property currentName to p,
// renaming it when p.Name differs, and reads it back.
func (c *Client) UpdateUserProperty(ctx context.Context, currentName string, p UserProperty) (*UserProperty, error) {
	form := p.form()
	if p.Name != currentName {
		form.Set("new_user_property_value", p.Name)
	}
	var result taxonomyResult
	if err := c.do(ctx, request{method: http.MethodPut, path: userPropertyPath(currentName), form: form}, &result); err != nil {
		return nil, err
	}
	if err := result.err(c.http.Redact); err != nil {
		return nil, err
	}
	return c.GetUserProperty(ctx, p.Name)
}

// DeleteUserProperty deletes name; one already gone counts as deleted.
func (c *Client) DeleteUserProperty(ctx context.Context, name string) error {
	err := c.do(ctx, request{method: http.MethodDelete, path: userPropertyPath(name)}, nil)
	if IsNotFound(err) {
		return nil
	}
	return err
}

func userPropertyPath(name string) string {
	return userPropertiesPath + "/" + url.PathEscape(customPrefix+name)
}

// form encodes the settable fields. Every field is sent, empty ones too, so
// an update clears what the configuration no longer sets. Lists travel as
// comma-separated strings, as the docs give enum_values.
func (p UserProperty) form() url.Values {
	return url.Values{
		"description":     {p.Description},
		"type":            {p.Type},
		"regex":           {p.Regex},
		"enum_values":     {strings.Join(p.EnumValues, ",")},
		"is_array_type":   {strconv.FormatBool(p.IsArrayType)},
		"is_hidden":       {strconv.FormatBool(p.IsHidden)},
		"classifications": {strings.Join(p.Classifications, ",")},
	}
}

func (w wireUserProperty) toUserProperty() *UserProperty {
	p := &UserProperty{
		Name:            strings.TrimPrefix(w.UserProperty, customPrefix),
		Description:     deref(w.Description),
		Type:            deref(w.Type),
		Regex:           deref(w.Regex),
		IsArrayType:     w.IsArrayType,
		IsHidden:        w.IsHidden,
		Classifications: w.Classifications,
	}
	for _, v := range strings.Split(deref(w.EnumValues), ",") {
		if v = strings.TrimSpace(v); v != "" {
			p.EnumValues = append(p.EnumValues, v)
		}
	}
	return p
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
