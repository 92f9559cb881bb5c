package brazeapi

import (
	"maps"
	"slices"
	"sync"

	"github.com/ampbraze/terraform-provider-ampbraze/api"
)

// The sandbox keeps its own copy of the Braze facts it needs, apart from the
// providers' copy in internal/facts, so that a mistake in one copy cannot
// pass both the providers' checks and the sandbox's. A test in
// internal/facts checks that the two copies agree.

// Instances are Braze's instances and their REST endpoints, as
// braze.com/docs/api/basics lists them (it lists no US-09). An Amplitude
// Braze destination's api_endpoint is one of them; the sandbox's Braze
// stands in for every one.
var Instances = map[string]string{
	"US-01": "https://rest.iad-01.braze.com",
	"US-02": "https://rest.iad-02.braze.com",
	"US-03": "https://rest.iad-03.braze.com",
	"US-04": "https://rest.iad-04.braze.com",
	"US-05": "https://rest.iad-05.braze.com",
	"US-06": "https://rest.iad-06.braze.com",
	"US-07": "https://rest.iad-07.braze.com",
	"US-08": "https://rest.iad-08.braze.com",
	"US-10": "https://rest.us-10.braze.com",
	"EU-01": "https://rest.fra-01.braze.eu",
	"EU-02": "https://rest.fra-02.braze.eu",
	"AU-01": "https://rest.au-01.braze.com",
	"ID-01": "https://rest.id-01.braze.com",
	"JP-01": "https://rest.jp-01.braze.com",
	"KR-01": "https://rest.kr-01.braze.com",
}

// InstanceEndpoints are the instances' REST endpoints, in the order of
// their names.
func InstanceEndpoints() []string {
	names := slices.Sorted(maps.Keys(Instances))
	endpoints := make([]string, len(names))
	for i, name := range names {
		endpoints[i] = Instances[name]
	}
	return endpoints
}

// Permissions are the permissions a REST key can carry: the values of the
// Permission schema in api/braze.openapi.yaml. The document also checks the
// permissions of every key create against that schema. The seeded admin key
// holds them all, so it can call every endpoint. The list is read from the
// document once.
var Permissions = sync.OnceValue(func() []string {
	doc, err := api.Load(api.Braze)
	if err != nil {
		panic(err) // The documents are compiled in: a broken one is a broken build.
	}
	var permissions []string
	for _, p := range doc.Components.Schemas["Permission"].Value.Enum {
		permissions = append(permissions, p.(string))
	}
	return permissions
})
