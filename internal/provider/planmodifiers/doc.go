// Package planmodifiers holds the plan modifiers of both providers'
// attributes that the framework does not offer, one per file: each decides
// when a change replaces an object instead of updating it.
package planmodifiers
