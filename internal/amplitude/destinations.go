package amplitude

import (
	"context"
	"net/http"
	"net/url"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/transport"
)

// Destination types of the modeled destinations endpoint.
const (
	DestinationTypeBraze       = "braze"
	DestinationTypeBrazeCohort = "braze_cohort"
)

// Destination is an Amplitude destination: a "Braze (Event Stream)"
// destination (type braze) or a "Braze (Cohort Sync)" one (braze_cohort).
type Destination struct {
	ID         string              `json:"id,omitempty"`
	Type       string              `json:"type"`
	Name       string              `json:"name"`
	Enabled    bool                `json:"enabled"`
	Config     DestinationConfig   `json:"config"`
	Mapping    *IdentifierMapping  `json:"mapping,omitempty"`
	Mappings   []IdentifierMapping `json:"mappings,omitempty"`
	SendEvents *SendEvents         `json:"send_events,omitempty"`
	SendUsers  *SendUsers          `json:"send_users,omitempty"`
	CreatedAt  string              `json:"created_at,omitempty"`
	UpdatedAt  string              `json:"updated_at,omitempty"`
}

// DestinationConfig holds the connection settings. Secrets are write-only:
// reads return them masked ("****" plus the last four characters), and an
// update that leaves one empty keeps the stored value.
type DestinationConfig struct {
	Endpoint        string  `json:"endpoint"`
	APIKey          string  `json:"api_key,omitempty"`
	AppID           string  `json:"app_id,omitempty"`
	DataImportKey   string  `json:"data_import_key,omitempty"`
	UserAliasLabel  *string `json:"user_alias_label"`
	UpdateUsersOnly bool    `json:"update_users_only"`
}

// IdentifierMapping maps an Amplitude user property to a Braze identifier.
type IdentifierMapping struct {
	AmplitudeProperty string `json:"amplitude_property"`
	BrazeIdentifier   string `json:"braze_identifier"`
}

// SendEvents selects the events forwarded to Braze.
type SendEvents struct {
	AllEvents       bool          `json:"all_events"`
	Events          []string      `json:"events"`
	Filters         []EventFilter `json:"filters"`
	EventProperties []string      `json:"event_properties"`
	UserProperties  []string      `json:"user_properties"`
}

// EventFilter narrows forwarded events by a property.
type EventFilter struct {
	Property string   `json:"property"`
	Operator string   `json:"operator"`
	Values   []string `json:"values"`
}

// SendUsers selects the user properties sent as Braze custom attributes.
type SendUsers struct {
	UserProperties []string `json:"user_properties"`
}

const destinationsPath = "/api/2/destinations"

// CreateDestination creates d. If the response is lost, it finds the
// destination by its unique name instead of creating a second one.
func (c *Client) CreateDestination(ctx context.Context, d Destination) (*Destination, error) {
	defer c.destinations.forget()
	return createOnce(ctx, c,
		func(ctx context.Context) (*Destination, error) {
			var out envelope[Destination]
			err := c.do(ctx, request{method: http.MethodPost, path: destinationsPath, json: d}, &out)
			return &out.Data, err
		},
		func(ctx context.Context) (*Destination, bool, error) {
			return c.FindDestinationByName(ctx, d.Name)
		})
}

// GetDestination reads one destination; IsNotFound tells a missing one.
func (c *Client) GetDestination(ctx context.Context, id string) (*Destination, error) {
	if d, ok := c.destinations.lookup(ctx, id); ok {
		return &d, nil
	}
	var out envelope[Destination]
	if err := c.do(ctx, request{method: http.MethodGet, path: destinationsPath + "/" + url.PathEscape(id)}, &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// UpdateDestination replaces the destination id with d.
func (c *Client) UpdateDestination(ctx context.Context, id string, d Destination) (*Destination, error) {
	defer c.destinations.forget()
	var out envelope[Destination]
	if err := c.do(ctx, request{method: http.MethodPut, path: destinationsPath + "/" + url.PathEscape(id), json: d}, &out); err != nil {
		return nil, err
	}
	return &out.Data, nil
}

// DeleteDestination deletes id; a destination already gone counts as deleted.
func (c *Client) DeleteDestination(ctx context.Context, id string) error {
	defer c.destinations.forget()
	err := c.do(ctx, request{method: http.MethodDelete, path: destinationsPath + "/" + url.PathEscape(id)}, nil)
	if IsNotFound(err) {
		return nil
	}
	return err
}

// ListDestinations reads every destination, following the cursor.
func (c *Client) ListDestinations(ctx context.Context) ([]Destination, error) {
	return listAll[Destination](ctx, c, destinationsPath)
}

// FindDestinationByName returns the destination named name, if any.
func (c *Client) FindDestinationByName(ctx context.Context, name string) (*Destination, bool, error) {
	all, err := c.ListDestinations(ctx)
	if err != nil {
		return nil, false, err
	}
	for i := range all {
		if all[i].Name == name {
			return &all[i], true, nil
		}
	}
	return nil, false, nil
}

// createOnce sends a create at most as many times as the retry budget
// allows a request to be sent, looking for the object between tries.
func createOnce[T any](ctx context.Context, c *Client, create func(context.Context) (T, error), find func(context.Context) (T, bool, error)) (T, error) {
	return transport.CreateOnce(ctx, c.createAttempts, create, find)
}

// Secret returns the masked secret of a destination of type destinationType:
// the REST API key of a braze destination, the data import key of a
// braze_cohort one.
func (c DestinationConfig) Secret(destinationType string) string {
	if destinationType == DestinationTypeBrazeCohort {
		return c.DataImportKey
	}
	return c.APIKey
}
