package brazeapi

// app is an app of the Braze workspace; its id is the app identifier a
// Braze destination's config.app_id names (braze.com/docs/api/identifier_types,
// "App identifier"). Apps exist only as the seed made them: no endpoint
// changes them.
type app struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Platform string `json:"platform"`
}
