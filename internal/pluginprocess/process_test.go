package pluginprocess

import (
	"os"
	"runtime/debug"
	"testing"
)

// unsetLogSettings clears every log setting for the test, restoring them
// after it.
func unsetLogSettings(t *testing.T) {
	t.Helper()
	for _, name := range logSettings {
		t.Setenv(name, "")
		os.Unsetenv(name)
	}
}

func TestTuneTurnsOffLogsNobodyReads(t *testing.T) {
	unsetLogSettings(t)
	t.Setenv("GOGC", "off")
	Tune()
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER"} {
		if got := os.Getenv(name); got != "OFF" {
			t.Errorf("%s = %q; want OFF", name, got)
		}
	}
}

func TestTuneKeepsLogsAUserAskedFor(t *testing.T) {
	unsetLogSettings(t)
	t.Setenv("GOGC", "off")
	t.Setenv("TF_LOG", "DEBUG")
	Tune()
	if got := os.Getenv("TF_LOG_SDK"); got != "" {
		t.Errorf("TF_LOG_SDK = %q with TF_LOG set; want it left unset", got)
	}
}

func TestTuneCollectsGarbageLessUnlessGOGCIsSet(t *testing.T) {
	unsetLogSettings(t)
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	Tune()
	if got := debug.SetGCPercent(100); got != 400 {
		t.Errorf("GC percent after Tune = %d; want 400", got)
	}
	t.Setenv("GOGC", "100")
	Tune()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent after Tune with GOGC set = %d; want it left at 100", got)
	}
}
