// Package pluginprocess sets up a provider's process: the settings that
// suit a plugin living for one Terraform command, and the CPU profile make
// bench asks for. The providers' main and the bench's floor provider share
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
	collectGarbageLess()
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

// collectGarbageLess trades memory for CPU unless the user set GOGC: a
// provider process lives for one command, and in a plan of hundreds of
// resources a quarter of its CPU went to collecting short-lived values.
func collectGarbageLess() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}
