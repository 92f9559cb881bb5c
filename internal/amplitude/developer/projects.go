package developer

import (
	"context"
	"net/url"
)

// Project is an Amplitude project the token can see. Its id is the numeric
// app id other paths take as project_id.
type Project struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Description *string `json:"description"`
	CreatedAt   string  `json:"created_at"`
	UpdatedAt   string  `json:"updated_at"`
}

// ListProjects reads every project the token can see; query, when not empty,
// is Amplitude's full-text search of their names.
func (c *Client) ListProjects(ctx context.Context, query string) ([]Project, error) {
	filters := url.Values{}
	if query != "" {
		filters.Set("q", query)
	}
	projects, err := listAll[Project](ctx, c, "/v1/projects", filters)
	return projects, c.scopeError(ctx, err, ScopeProjectsRead)
}
