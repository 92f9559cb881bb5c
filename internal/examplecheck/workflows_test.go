package examplecheck

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// workflowFiles are the GitHub Actions workflows among the examples.
func workflowFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir("../../examples", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".yml") || strings.HasSuffix(path, ".yaml")) {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no workflow found under examples/")
	}
	return files
}

type workflow struct {
	Env         map[string]string `yaml:"env"`
	Permissions yaml.Node         `yaml:"permissions"`
	Jobs        map[string]struct {
		Env   map[string]string `yaml:"env"`
		Uses  string            `yaml:"uses"`
		Steps []step            `yaml:"steps"`
	} `yaml:"jobs"`
}

type step struct {
	Name string            `yaml:"name"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	With map[string]string `yaml:"with"`
	Env  map[string]string `yaml:"env"`
}

func (s step) String() string {
	return strings.TrimSpace(s.Name + " " + s.Uses + " " + firstLine(s.Run))
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}

func load(t *testing.T, path string) (workflow, *yaml.Node) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &w); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if err := yaml.Unmarshal(raw, &root); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return w, &root
}

var (
	pinned         = regexp.MustCompile(`^[\w.-]+/[\w./-]+@[0-9a-f]{40}$`)
	versionComment = regexp.MustCompile(`^# v\d+(\.\d+)*$`)
	secretRef      = regexp.MustCompile(`\$\{\{\s*secrets\.`)
)

// A tag or branch can be moved to other code by whoever controls the
// action's repository; a commit SHA cannot. The comment keeps the version
// readable for people and for update tools.
func TestActionsArePinnedByCommitSHA(t *testing.T) {
	for _, path := range workflowFiles(t) {
		_, root := load(t, path)
		walkUses(root, func(uses *yaml.Node) {
			if strings.HasPrefix(uses.Value, "./") {
				return
			}
			if !pinned.MatchString(uses.Value) {
				t.Errorf("%s:%d: uses %s; pin it to a full commit SHA", path, uses.Line, uses.Value)
			} else if !versionComment.MatchString(uses.LineComment) {
				t.Errorf("%s:%d: uses %s with comment %q; name the version the SHA is, like # v4.2.2", path, uses.Line, uses.Value, uses.LineComment)
			}
		})
	}
}

// walkUses calls visit with the value of every "uses" key.
func walkUses(n *yaml.Node, visit func(*yaml.Node)) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "uses" && n.Content[i+1].Kind == yaml.ScalarNode {
				visit(n.Content[i+1])
			}
		}
	}
	for _, child := range n.Content {
		walkUses(child, visit)
	}
}

// A saved plan holds the prior state and the configuration unmasked (a
// created Braze key, a data import key); its JSON and Terraform's logs can
// too. An artifact is readable by anyone with read access to the
// repository for as long as it is kept, so the examples upload none and
// publish the drift table to the job summary.
func TestNoArtifactIsUploaded(t *testing.T) {
	for _, path := range workflowFiles(t) {
		w, _ := load(t, path)
		for name, job := range w.Jobs {
			for _, s := range job.Steps {
				if strings.Contains(s.Uses, "upload-artifact") {
					t.Errorf("%s: job %s, step %q uploads %q as an artifact", path, name, s, s.With["path"])
				}
			}
		}
	}
}

// Secrets go to the steps that use them, as step env: not to every step
// of a job (third-party actions included), and not inline in a command
// line or an action's inputs.
func TestSecretsReachOnlyTheStepsThatUseThem(t *testing.T) {
	for _, path := range workflowFiles(t) {
		w, _ := load(t, path)
		for key, value := range w.Env {
			if secretRef.MatchString(value) {
				t.Errorf("%s: workflow-level env %s holds a secret", path, key)
			}
		}
		for name, job := range w.Jobs {
			for key, value := range job.Env {
				if secretRef.MatchString(value) {
					t.Errorf("%s: job %s's env %s holds a secret; give it to the step that needs it", path, name, key)
				}
			}
			for _, s := range job.Steps {
				if secretRef.MatchString(s.Run) {
					t.Errorf("%s: job %s, step %q puts a secret on its command line; pass it through the step's env", path, name, s)
				}
				for input, value := range s.With {
					if secretRef.MatchString(value) {
						t.Errorf("%s: job %s, step %q passes a secret as input %s", path, name, s, input)
					}
				}
				if s.Uses != "" && !strings.HasPrefix(s.Uses, "./") {
					for key, value := range s.Env {
						if secretRef.MatchString(value) {
							t.Errorf("%s: job %s, third-party step %q gets secret %s", path, name, s, key)
						}
					}
				}
			}
		}
	}
}

// actions/checkout leaves the job's GitHub token in .git/config unless
// told not to, where every later step (and anything the plan runs) can
// read it.
func TestCheckoutDoesNotPersistCredentials(t *testing.T) {
	for _, path := range workflowFiles(t) {
		w, _ := load(t, path)
		for name, job := range w.Jobs {
			for _, s := range job.Steps {
				if strings.HasPrefix(s.Uses, "actions/checkout@") && s.With["persist-credentials"] != "false" {
					t.Errorf("%s: job %s checks out with persist-credentials %q; set it to false", path, name, s.With["persist-credentials"])
				}
			}
		}
	}
}

// The token gets only what a drift check needs: read access.
func TestPermissionsAreReadOnly(t *testing.T) {
	for _, path := range workflowFiles(t) {
		w, _ := load(t, path)
		var permissions map[string]string
		if err := w.Permissions.Decode(&permissions); err != nil || len(permissions) == 0 {
			t.Errorf("%s: no top-level permissions map; set permissions: contents: read", path)
			continue
		}
		for scope, level := range permissions {
			if level != "read" && level != "none" {
				t.Errorf("%s: permission %s: %s; the workflow needs read access only", path, scope, level)
			}
		}
	}
}
