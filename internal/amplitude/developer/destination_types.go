package developer

import (
	"context"
	"net/http"
	"net/url"
	"sync"
)

// DestinationType is a partner Amplitude can send to, with what it can
// receive and the parameters its destinations' config takes.
type DestinationType struct {
	ID          string      `json:"id"`
	Partner     string      `json:"partner"`
	DisplayName string      `json:"display_name"`
	Types       []string    `json:"types"`
	Parameters  []Parameter `json:"parameters"`
}

// Parameter is one config entry of a partner's destinations; ID is its key
// in config.
type Parameter struct {
	ID          string   `json:"id"`
	Label       string   `json:"label"`
	Kind        string   `json:"kind"`
	Required    bool     `json:"required"`
	Description *string  `json:"description"`
	EnumValues  []string `json:"enum_values"`
	WriteOnly   bool     `json:"write_only"`
}

// Parameter kinds whose values Amplitude never returns.
const (
	ParameterKindSecret = "secret"
	ParameterKindOAuth  = "oauth"
)

// IsSecret reports whether Amplitude keeps the parameter's value write-only.
func (p Parameter) IsSecret() bool {
	return p.WriteOnly || p.Kind == ParameterKindSecret || p.Kind == ParameterKindOAuth
}

// Parameter returns the partner's parameter with the given id, and false when
// the partner has none.
func (t *DestinationType) Parameter(id string) (Parameter, bool) {
	for _, p := range t.Parameters {
		if p.ID == id {
			return p, true
		}
	}
	return Parameter{}, false
}

// typeCache keeps each partner's type for the life of the client: a
// partner's parameters do not change within one Terraform command.
type typeCache struct {
	mu      sync.Mutex
	partner map[string]*DestinationType
}

// DestinationType reads partner's type, once per client.
func (c *Client) DestinationType(ctx context.Context, partner string) (*DestinationType, error) {
	c.types.mu.Lock()
	defer c.types.mu.Unlock()
	if t, ok := c.types.partner[partner]; ok {
		return t, nil
	}
	var out envelope[DestinationType]
	err := c.do(ctx, call{method: http.MethodGet, path: "/v1/destination-types/" + url.PathEscape(partner)}, &out)
	if err != nil {
		return nil, c.scopeError(ctx, err, ScopeDestinationsRead)
	}
	if c.types.partner == nil {
		c.types.partner = map[string]*DestinationType{}
	}
	c.types.partner[partner] = &out.Data
	return &out.Data, nil
}

// ListDestinationTypes reads every partner Amplitude offers.
func (c *Client) ListDestinationTypes(ctx context.Context) ([]DestinationType, error) {
	types, err := listAll[DestinationType](ctx, c, "/v1/destination-types", nil)
	return types, c.scopeError(ctx, err, ScopeDestinationsRead)
}
