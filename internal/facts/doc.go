// Package facts holds published vendor facts that the providers, the API
// clients and the sandbox all rely on: Braze instances and REST key
// permissions, Amplitude hosts and egress IPs. It is data, not behaviour, so
// every layer may import it without coupling to another layer's code.
package facts
