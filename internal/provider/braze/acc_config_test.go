package braze_test

import "github.com/hashicorp/terraform-plugin-testing/config"

// strs is a set, or list, of strings, for a test step's ConfigVariables.
func strs(values ...string) config.Variable {
	vars := make([]config.Variable, len(values))
	for i, v := range values {
		vars[i] = config.StringVariable(v)
	}
	return config.SetVariable(vars...)
}
