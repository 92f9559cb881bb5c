package main

import (
	"testing"
	"time"
)

// A shortened go tool pprof -traces output: a header, then stacks leaf
// first, each led by its CPU time.
const traces = `File: terraform-provider-amplitude
Type: cpu
Duration: 12.45s, Total samples = 3.77s (30.29%)
-----------+-------------------------------------------------------
      10ms   regexp.compile
             github.com/hashicorp/terraform-plugin-framework/internal/reflect.getStructTags
             github.com/ampbraze/terraform-provider-ampbraze/internal/provider/amplitude.(*syncResource).Read
             github.com/hashicorp/terraform-plugin-framework/internal/fwserver.(*Server).ReadResource
             google.golang.org/grpc.(*Server).handleStream
-----------+-------------------------------------------------------
      20ms   runtime.memmove
             github.com/hashicorp/terraform-plugin-go/tftypes.transform
             google.golang.org/grpc.(*Server).handleStream
-----------+-------------------------------------------------------
      1.5s   runtime.scanobject
             runtime.gcBgMarkWorker
-----------+-------------------------------------------------------
      10ms   crypto/x509.CreateCertificate
             github.com/hashicorp/go-plugin.generateCert
             github.com/hashicorp/terraform-plugin-framework/providerserver.Serve
             main.main
             runtime.main
-----------+-------------------------------------------------------
      30ms   encoding/json.(*decodeState).object
             github.com/ampbraze/terraform-provider-ampbraze/internal/readcache.(*Cache[go.shape.struct]).Get (inline)
             github.com/ampbraze/terraform-provider-ampbraze/internal/provider/amplitude.(*syncResource).Read
-----------+-------------------------------------------------------
      40ms   github.com/ampbraze/terraform-provider-ampbraze/internal/pluginprocess.StartCPUProfile
             runtime.main
-----------+-------------------------------------------------------
`

func TestReadTracesSortsSamplesIntoAreas(t *testing.T) {
	p := readTraces(traces)
	want := map[int]time.Duration{
		0: 40 * time.Millisecond,   // the provider's Read, whatever it calls
		2: 50 * time.Millisecond,   // start-up, pluginprocess included
		3: 20 * time.Millisecond,   // the framework
		5: 1500 * time.Millisecond, // garbage collection
	}
	for i, a := range areas {
		if p.areas[i] != want[i] {
			t.Errorf("%s: %v; want %v", a.name, p.areas[i], want[i])
		}
	}
	const read = "github.com/ampbraze/terraform-provider-ampbraze/internal/provider/amplitude.(*syncResource).Read"
	if got := p.own[read]; got != 40*time.Millisecond {
		t.Errorf("own[Read] = %v; want 40ms", got)
	}
	if got := p.own["github.com/ampbraze/terraform-provider-ampbraze/internal/readcache.(*Cache[go.shape.struct]).Get"]; got != 30*time.Millisecond {
		t.Errorf("own[readcache Get] = %v, inline suffix dropped; want 30ms", got)
	}
	if len(p.own) != 2 {
		t.Errorf("own = %v; want Read and readcache's Get only", p.own)
	}
}
