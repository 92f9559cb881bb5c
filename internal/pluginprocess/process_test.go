package pluginprocess

import (
	"math"
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

// gcSettings are the collector's GC percent and memory limit, read without
// changing them.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// restoreGCSettings puts Go's defaults back after the test, and before it.
func restoreGCSettings(t *testing.T) {
	t.Helper()
	reset := func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}
	reset()
	t.Cleanup(reset)
}

func TestTuneCollectsGarbageLessWithinASoftLimit(t *testing.T) {
	unsetLogSettings(t)
	restoreGCSettings(t)
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	Tune()
	if percent, limit := gcSettings(); percent != 400 || limit != SoftMemoryLimit {
		t.Errorf("GC percent and memory limit after Tune = %d, %d; want 400, %d", percent, limit, SoftMemoryLimit)
	}
}

func TestTuneLeavesTheCollectorToAUserWhoSetsEither(t *testing.T) {
	for _, setting := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(setting, func(t *testing.T) {
			unsetLogSettings(t)
			restoreGCSettings(t)
			t.Setenv("GOGC", "")
			t.Setenv("GOMEMLIMIT", "")
			// The runtime read the variable at start; the test sets it
			// only for Tune to see, with Go's defaults in force.
			t.Setenv(setting, "100")
			Tune()
			if percent, limit := gcSettings(); percent != 100 || limit != math.MaxInt64 {
				t.Errorf("GC percent and memory limit after Tune with %s set = %d, %d; want them left at 100, %d", setting, percent, limit, int64(math.MaxInt64))
			}
		})
	}
}
