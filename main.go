// Command terraform-provider-amplitude / terraform-provider-braze serves one of
// the two providers of this repository. Terraform starts a plugin by its file
// name, so the same binary is installed under both names and serves the
// provider its name says.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	amplitudeprovider "github.com/ampbraze/terraform-provider-ampbraze/internal/provider/amplitude"
	brazeprovider "github.com/ampbraze/terraform-provider-ampbraze/internal/provider/braze"
)

// version is set by the release build: -ldflags "-X main.version=1.2.3".
var version = "dev"

// registryNamespace is where both providers are published.
const registryNamespace = "registry.terraform.io/ampbraze"

var providers = map[string]func(string) func() provider.Provider{
	"amplitude": amplitudeprovider.New,
	"braze":     brazeprovider.New,
}

// executableName matches terraform-provider-NAME with an optional _vX.Y.Z
// suffix (with optional pre-release) and an optional .exe.
var executableName = regexp.MustCompile(`^terraform-provider-([a-z]+)(_v\d+\.\d+\.\d+[0-9A-Za-z.+-]*)?(\.exe)?$`)

// providerFromExecutable names the provider an executable path stands for.
func providerFromExecutable(executable string) (string, error) {
	// Cut at either separator: the binary may be named by a Windows path.
	base := executable[strings.LastIndexAny(executable, `/\`)+1:]
	m := executableName.FindStringSubmatch(strings.ToLower(base))
	if m == nil {
		return "", fmt.Errorf("cannot tell which provider to serve from the executable name %q: install this binary as terraform-provider-amplitude or terraform-provider-braze (optionally with a _vX.Y.Z suffix), or pass -provider with -debug", base)
	}
	if _, ok := providers[m[1]]; !ok {
		return "", fmt.Errorf("the executable name %q asks for provider %q; this binary serves amplitude and braze", base, m[1])
	}
	return m[1], nil
}

// logSettings are the variables by which a user asks Terraform, or the
// plugin SDK, for provider logs.
var logSettings = []string{"TF_LOG", "TF_LOG_PATH", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_ACC_LOG_PATH"}

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

func main() {
	debug := flag.Bool("debug", false, "start the provider in debug mode for a debugger such as delve; print the TF_REATTACH_PROVIDERS value to use")
	name := flag.String("provider", "", "which provider to serve, amplitude or braze; defaults to the one the executable's name says")
	flag.Parse()

	if *name == "" {
		var err error
		if *name, err = providerFromExecutable(os.Args[0]); err != nil {
			log.Fatal(err)
		}
	}
	skipUnreadLogs()
	collectGarbageLess()
	factory, ok := providers[*name]
	if !ok {
		log.Fatalf("-provider %q: expected amplitude or braze", *name)
	}
	err := providerserver.Serve(context.Background(), factory(version), providerserver.ServeOpts{
		Address: registryNamespace + "/" + *name,
		Debug:   *debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
