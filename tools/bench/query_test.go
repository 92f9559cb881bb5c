package main

import "testing"

func TestListedTotalAddsTheListsTotals(t *testing.T) {
	out := `{"@level":"info","type":"version","terraform":"1.16.2"}
{"@level":"info","type":"list_start","list_start":{"address":"list.amplitude_braze_destination.all"}}
{"@level":"info","type":"list_resource_found","list_resource_found":{"display_name":"adopt-000"}}
{"@level":"info","type":"list_complete","list_complete":{"address":"list.amplitude_braze_destination.all","total":500}}
{"@level":"info","type":"list_complete","list_complete":{"address":"list.amplitude_destination.all","total":2}}
`
	if got := listedTotal(out); got != 502 {
		t.Errorf("listedTotal = %d; want 502", got)
	}
}
