// Package facts holds published vendor facts that the providers and the API
// clients rely on: Braze instances and REST key permissions, Amplitude hosts
// and egress IPs. It is data, not behaviour, so every layer may import it
// without coupling to another layer's code. The sandbox is the exception: it
// keeps its own copy of the facts it needs, so that a mistake here cannot
// pass both the providers' checks and the sandbox's, and
// sandbox_copy_test.go checks that the two copies agree.
package facts
