package developerapi

// SetSearchWindow shrinks how many results of a query the lists page
// through, so a test can reach the end of the window without making ten
// thousand objects.
func SetSearchWindow(a *API, n int) {
	a.searchWindow = n
}

// HoldIdempotencyKey marks a key of the admin token in use, as a request
// still being handled would, until release is called: the race a test
// cannot time.
func HoldIdempotencyKey(a *API, key string) (release func()) {
	id := idempotencyID(&principals[0], ProjectID, key)
	if _, err := a.claimKey(id, key, &idempotencyRecord{Method: "POST", Path: "/held"}); err != nil {
		panic(err)
	}
	return func() { a.settleKey(id, nil) }
}
