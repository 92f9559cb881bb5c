// Package shared holds what both providers' Terraform layers use: the tflog
// adapter for the transport, environment fallbacks, the
// retry and timeout settings, and the client hand-over from Configure.
package shared
