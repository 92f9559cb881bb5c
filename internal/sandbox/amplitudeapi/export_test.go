package amplitudeapi

// HoldDeliveryMetrics makes every delivery-metrics request that is admitted
// call hold before it is answered, keeping its slot meanwhile: how a test
// keeps requests in flight. nil lets them through again.
func HoldDeliveryMetrics(a *API, hold func()) {
	a.deliveries.mu.Lock()
	defer a.deliveries.mu.Unlock()
	a.deliveries.hold = hold
}
