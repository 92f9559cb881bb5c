package amplitude_test

import "github.com/hashicorp/terraform-plugin-testing/config"

// Shorthands for the ConfigVariables of a test step, which set the
// variables of the test's configuration in testdata/.

// str is a string variable.
func str(value string) config.Variable { return config.StringVariable(value) }

// strs is a set, or list, of strings.
func strs(values ...string) config.Variable {
	vars := make([]config.Variable, len(values))
	for i, v := range values {
		vars[i] = config.StringVariable(v)
	}
	return config.SetVariable(vars...)
}

// boolean is a bool variable.
func boolean(value bool) config.Variable { return config.BoolVariable(value) }
