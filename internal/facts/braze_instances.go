package facts

import (
	"sort"
	"strings"
)

// BrazeInstances maps each Braze instance name to its REST endpoint, as listed
// on braze.com/docs/api/basics. Braze lists no US-09.
var BrazeInstances = map[string]string{
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

// BrazeInstanceNames returns the instance names in sorted order.
func BrazeInstanceNames() []string {
	names := make([]string, 0, len(BrazeInstances))
	for name := range BrazeInstances {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// IsBrazeRESTEndpoint reports whether url is one of the published instance
// endpoints, ignoring a trailing slash.
func IsBrazeRESTEndpoint(url string) bool {
	url = strings.TrimSuffix(url, "/")
	for _, endpoint := range BrazeInstances {
		if endpoint == url {
			return true
		}
	}
	return false
}
