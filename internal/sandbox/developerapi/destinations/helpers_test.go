package destinations_test

import (
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/core"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
	"github.com/ampbraze/terraform-provider-ampbraze/internal/testclock"
)

// fixture is the shared sandbox fixture, with this package's helpers.
type fixture struct{ *sandboxtest.Fixture }

func start(t *testing.T) *fixture { return &fixture{sandboxtest.Start(t)} }

func startWith(t *testing.T, opts core.Options, c *testclock.Clock) *fixture {
	return &fixture{sandboxtest.StartWith(t, opts, c)}
}
