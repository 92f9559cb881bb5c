package braze

import (
	"strings"
	"testing"
)

func TestNextPageFollowsOnlyTheEndpointsOrigin(t *testing.T) {
	c, err := New(Config{RESTEndpoint: "https://rest.iad-05.braze.com", APIKey: "key-for-links"})
	if err != nil {
		t.Fatal(err)
	}
	for link, want := range map[string]string{
		`</custom_attributes?cursor=b>; rel="next"`:                                  "https://rest.iad-05.braze.com/custom_attributes?cursor=b",
		`<https://rest.iad-05.braze.com/custom_attributes?cursor=b>; rel="next"`:     "https://rest.iad-05.braze.com/custom_attributes?cursor=b",
		`<https://REST.iad-05.braze.com:443/custom_attributes?cursor=b>; rel="next"`: "https://REST.iad-05.braze.com:443/custom_attributes?cursor=b",
	} {
		if got, ok, err := c.nextPage("/custom_attributes", link); err != nil || !ok || got != want {
			t.Errorf("nextPage(%s) = %q, %v, %v; want %q", link, got, ok, err, want)
		}
	}
	for _, link := range []string{
		`<http://rest.iad-05.braze.com/custom_attributes?cursor=b>; rel="next"`,
		`<https://rest.iad-05.braze.com:8443/custom_attributes?cursor=b>; rel="next"`,
		`<https://rest.iad-06.braze.com/custom_attributes?cursor=b>; rel="next"`,
		`<//attacker.example/custom_attributes>; rel="next"`,
		`<https://user:hunter2@rest.iad-05.braze.com/custom_attributes>; rel="next"`,
	} {
		got, _, err := c.nextPage("/custom_attributes", link)
		if err == nil {
			t.Errorf("nextPage(%s) = %q; want it refused", link, got)
			continue
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("nextPage(%s): %v quotes the link's password", link, err)
		}
	}
	if _, ok, err := c.nextPage("/custom_attributes", `</custom_attributes?cursor=a>; rel="prev"`); ok || err != nil {
		t.Errorf("a header without rel=next: ok %v, err %v", ok, err)
	}
}
