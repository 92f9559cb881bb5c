package acctest

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// CLIDir is a working directory in which a test runs the CLI under test
// (TF_ACC_TERRAFORM_PATH) itself, for the flows the testing framework does
// not drive, such as terraform query -generate-config-out followed by
// validate, apply and plan. Both providers are served from the test
// process, as the framework serves them, so the CLI uses the code under
// test and no build of it.
type CLIDir struct {
	Dir string
	cli string
	env []string
}

// CLIDir copies the .tf and .tfquery.hcl files of dir beside a
// sandbox.tf.json that points both providers at this sandbox (as Directory
// does), serves the providers and runs terraform init there.
func (s *Sandbox) CLIDir(t *testing.T, dir string) *CLIDir {
	t.Helper()
	work := t.TempDir()
	s.writeConfiguration(t, work, []string{filepath.Join(dir, "*.tf"), filepath.Join(dir, "*.tfquery.hcl")}, nil)
	c := &CLIDir{
		Dir: work,
		cli: os.Getenv("TF_ACC_TERRAFORM_PATH"),
		env: append(os.Environ(), "TF_REATTACH_PROVIDERS="+serveProviders(t), "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1"),
	}
	c.Must(t, "init", "-no-color")
	return c
}

// Run runs the CLI with args and returns what it printed, both streams.
func (c *CLIDir) Run(args ...string) (string, error) {
	cmd := exec.Command(c.cli, args...)
	cmd.Dir, cmd.Env = c.Dir, c.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Must is Run, failing the test when the CLI fails.
func (c *CLIDir) Must(t testing.TB, args ...string) string {
	t.Helper()
	out, err := c.Run(args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(c.cli), strings.Join(args, " "), err, out)
	}
	return out
}

// serveProviders serves both providers from this process until the test
// ends and returns the TF_REATTACH_PROVIDERS value that points the CLI at
// them, under the addresses sandbox.tf.json declares.
func serveProviders(t *testing.T) string {
	t.Helper()
	host := os.Getenv("TF_ACC_PROVIDER_HOST")
	if host == "" {
		host = "registry.terraform.io"
	}
	namespace := os.Getenv("TF_ACC_PROVIDER_NAMESPACE")
	if namespace == "" {
		namespace = "hashicorp"
	}
	reattach := map[string]any{}
	for name, factory := range ProviderFactories {
		server, err := factory()
		if err != nil {
			t.Fatal(err)
		}
		address := host + "/" + namespace + "/" + name
		ctx, stop := context.WithCancel(context.Background())
		configs, closed := make(chan *plugin.ReattachConfig), make(chan struct{})
		go func() {
			err := tf6server.Serve(address, func() tfprotov6.ProviderServer { return server },
				tf6server.WithDebug(ctx, configs, closed),
				tf6server.WithGoPluginLogger(hclog.New(&hclog.LoggerOptions{Output: io.Discard})),
				tf6server.WithoutLogStderrOverride(),
				tf6server.WithLoggingSink(t))
			if err != nil {
				t.Errorf("serving %s: %v", address, err)
				close(configs)
			}
		}()
		config, ok := <-configs
		if !ok {
			stop()
			t.FailNow()
		}
		t.Cleanup(func() { stop(); <-closed })
		reattach[address] = map[string]any{
			"Protocol": config.Protocol, "ProtocolVersion": config.ProtocolVersion, "Pid": config.Pid, "Test": config.Test,
			"Addr": map[string]string{"Network": config.Addr.Network(), "String": config.Addr.String()},
		}
	}
	raw, err := json.Marshal(reattach)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}
