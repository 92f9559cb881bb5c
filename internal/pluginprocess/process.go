// Package pluginprocess sets up a provider's process: the settings that
// suit a plugin living for one Terraform command, and the CPU profile and
// peak memory make bench asks for. The providers' main and the bench's floor provider share
// it, so that the floor runs as the providers do.
package pluginprocess

import (
	"os"
	"runtime/debug"
)

// logSettings are the variables by which a user asks Terraform, or the
// plugin SDK, for provider logs.
var logSettings = []string{"TF_LOG", "TF_LOG_PATH", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_ACC_LOG_PATH"}

// Tune applies the settings below; call it before serving.
func Tune() {
	skipUnreadLogs()
	tuneGarbageCollector()
}

// skipUnreadLogs turns the plugin SDK's own logs off when none was asked
// for. The SDK formats every gRPC call's trace lines whatever happens, and
// Terraform drops them unless TF_LOG or TF_LOG_PROVIDER is set: at hundreds
// of resources that formatting was a fifth of the provider's CPU.
func skipUnreadLogs() {
	for _, name := range logSettings {
		if os.Getenv(name) != "" {
			return
		}
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER"} {
		os.Setenv(name, "OFF")
	}
}

// SoftMemoryLimit bounds the heap the garbage collector lets grow when the
// user did not tune it. A provider's plan of 500 syncs held some 40 MiB
// live at most (make bench's plans, with GOGC=400 alone): while what is
// live stays under half the limit, the collector still runs less often than
// Go's default would.
const SoftMemoryLimit = 96 << 20

// tuneGarbageCollector trades memory for CPU, within a bound: a provider
// process lives for one command, and in a plan of hundreds of resources a
// quarter of its CPU went to collecting short-lived values. GOGC=400
// collects a fifth as often as Go's default, but lets the heap grow to five
// times what is live, which made the provider's peak in a plan of 500 syncs
// some 140 MiB. The soft limit makes the collector run more often only as
// the heap nears it. A user who sets GOGC or GOMEMLIMIT decides alone: the
// two work together, and half of a setting would not be what was asked.
func tuneGarbageCollector() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(SoftMemoryLimit)
}
