package sandbox

import "time"

// SetSearchWindow shrinks how many results of a query the Developer API's
// lists page through, so a test can reach the end of the window without
// making ten thousand objects.
func SetSearchWindow(s *Server, n int) {
	s.searchWindow = n
}

// CanonicalIPs is canonicalIPs, for the tests of package sandbox_test.
var CanonicalIPs = canonicalIPs

// HoldIdempotencyKey marks a key of the admin token in use, as a request
// still being handled would, until release is called: the race a test
// cannot time.
func HoldIdempotencyKey(s *Server, key string) (release func()) {
	id := idempotencyID(&principals[0], AmplitudeProjectID, key)
	if _, err := s.store.claimKey(id, key, &idempotencyRecord{Method: "POST", Path: "/held"}, s.now()); err != nil {
		panic(err)
	}
	return func() { _ = s.store.settleKey(id, nil) }
}

// SetBrazeExportLimit shrinks the hourly limit Braze's export endpoints
// share, so a test can spend it without a thousand requests.
func SetBrazeExportLimit(s *Server, n int) {
	s.brazeExports.limit.configure(n, time.Hour)
}
