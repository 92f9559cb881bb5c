package brazeapi

import "time"

// CanonicalIPs is canonicalIPs, for the tests of package brazeapi_test.
var CanonicalIPs = canonicalIPs

// SetExportLimit shrinks the hourly limit Braze's export endpoints share,
// so a test can spend it without a thousand requests.
func SetExportLimit(a *API, n int) {
	a.exportLimit.Configure(n, time.Hour)
}
