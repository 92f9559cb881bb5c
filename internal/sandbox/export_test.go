package sandbox

// SetSearchWindow shrinks how many results of a query the Developer API's
// lists page through, so a test can reach the end of the window without
// making ten thousand objects.
func SetSearchWindow(s *Server, n int) {
	s.searchWindow = n
}

// CanonicalIPs is canonicalIPs, for the tests of package sandbox_test.
var CanonicalIPs = canonicalIPs
