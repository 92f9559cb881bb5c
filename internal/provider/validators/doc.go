// Package validators holds the plan-time checks of both providers'
// attributes that the framework's validators library does not offer, one
// per file. Each names the attribute and what is valid, and leaves unknown
// and null values to the apply.
package validators
