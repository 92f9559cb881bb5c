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
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/ampbraze/terraform-provider-ampbraze/internal/pluginprocess"
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

// providerFromExecutable returns the name of the provider that the
// executable's file name asks for.
func providerFromExecutable(executable string) (string, error) {
	// Cut at either kind of separator, because on Windows the path may use
	// backslashes.
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
	pluginprocess.Tune()
	factory, ok := providers[*name]
	if !ok {
		log.Fatalf("-provider %q: expected amplitude or braze", *name)
	}
	// make bench sets pluginprocess.EnvCPUProfileDir to profile this process,
	// and EnvPeakMemoryDir to learn its peak memory.
	stopProfile, err := pluginprocess.StartCPUProfile(*name)
	if err != nil {
		log.Fatal(err)
	}
	err = providerserver.Serve(context.Background(), factory(version), providerserver.ServeOpts{
		Address: registryNamespace + "/" + *name,
		Debug:   *debug,
	})
	stopProfile()
	if err == nil {
		err = pluginprocess.WritePeakMemory(*name)
	}
	if err != nil {
		log.Fatal(err)
	}
}
