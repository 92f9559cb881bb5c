package brazeapi

import (
	"maps"
	"slices"
)

// Instances are Braze's instances and their REST endpoints, as
// braze.com/docs/api/basics lists them (it lists no US-09). An Amplitude
// Braze destination's api_endpoint is one of them; the sandbox's Braze
// stands in for all. The sandbox's own copy of a fact the providers also keep
// (internal/facts); a test there checks that the copies agree.
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
