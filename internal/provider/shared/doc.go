// Package shared holds what both providers' Terraform layers use: the tflog
// adapter for the transport, environment fallbacks, and validators of user
// input that more than one resource shares.
package shared
