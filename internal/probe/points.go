// Package probe asks Amplitude's live Developer API the questions that
// settle the open points of api/amplitude-developer.openapi.yaml: what the
// vendor's reference leaves open and the sandbox and the clients answer
// with a guess. Each point gets one verdict: confirmed, contradicted (with
// the vendor's answer and the files that encode the guess), or not
// testable (with why). It writes only objects named with one run prefix,
// and removes them. make probe runs it (cmd/probe).
package probe

import (
	"errors"
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/ampbraze/terraform-provider-ampbraze/api"
)

// Point is one open point, as the document lists it under x-open-points.
type Point struct {
	Name string
	// Modelled is the sandbox's answer, the guess.
	Modelled string
	// Client and Sandbox are the files that encode the guess on either
	// side, so that a contradicted point says where to change it.
	Client, Sandbox string
}

// Points reads the open points of the Developer API's document, in its
// order.
func Points() ([]Point, error) {
	raw, err := api.Documents.ReadFile(api.AmplitudeDeveloper)
	if err != nil {
		return nil, err
	}
	var doc struct {
		OpenPoints yaml.Node `yaml:"x-open-points"`
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("api/%s: %w", api.AmplitudeDeveloper, err)
	}
	entries := doc.OpenPoints.Content
	if doc.OpenPoints.Kind != yaml.MappingNode || len(entries) == 0 {
		return nil, fmt.Errorf("api/%s lists no x-open-points", api.AmplitudeDeveloper)
	}
	var points []Point
	for i := 0; i+1 < len(entries); i += 2 {
		var entry struct {
			Modelled  string `yaml:"x-modelled"`
			EncodedIn struct {
				Client  string `yaml:"client"`
				Sandbox string `yaml:"sandbox"`
			} `yaml:"x-encoded-in"`
		}
		name := entries[i].Value
		if err := entries[i+1].Decode(&entry); err != nil {
			return nil, fmt.Errorf("api/%s, open point %q: %w", api.AmplitudeDeveloper, name, err)
		}
		if entry.Modelled == "" || entry.EncodedIn.Client == "" || entry.EncodedIn.Sandbox == "" {
			return nil, errors.New("api/" + api.AmplitudeDeveloper + ", open point " + fmt.Sprintf("%q", name) +
				": each open point needs x-modelled and x-encoded-in with client and sandbox")
		}
		points = append(points, Point{Name: name, Modelled: entry.Modelled, Client: entry.EncodedIn.Client, Sandbox: entry.EncodedIn.Sandbox})
	}
	return points, nil
}
