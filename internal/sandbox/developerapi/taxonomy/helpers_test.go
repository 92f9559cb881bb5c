package taxonomy_test

import (
	"testing"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/sandbox/sandboxtest"
)

// fixture is the shared sandbox fixture, with this package's helpers.
type fixture struct{ *sandboxtest.Fixture }

func start(t *testing.T) *fixture { return &fixture{sandboxtest.Start(t)} }
