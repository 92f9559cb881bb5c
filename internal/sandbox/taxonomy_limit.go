package sandbox

import (
	"net/http"
	"sync"
	"time"
)

// The Taxonomy API's limits (amplitude.com/docs/apis/analytics/taxonomy#limits):
// "Concurrent Cost Limit: You can run queries that collectively add up to 4
// cost at the same time. Period Cost Limit: You can run up to 7200 cost per
// hour", with GET costing 1 and PUT, POST and DELETE 2, per project, and
// "exceeding any of these limits returns a 429 error".
const (
	taxonomyConcurrentCost = 4
	taxonomyPeriodCost     = 7200
	taxonomyPeriod         = time.Hour
)

func taxonomyCost(method string) int {
	if method == http.MethodGet {
		return 1
	}
	return 2
}

// costBudget tracks the cost in flight and the cost spent in the current
// period. The docs do not say how the hour is counted; it is a clock hour,
// like the sandbox's other windows.
type costBudget struct {
	mu          sync.Mutex
	inFlight    int
	periodStart time.Time
	spent       int
}

// take admits a request of the given cost, or returns the refusal. An
// admitted request must call release when it is done.
func (b *costBudget) take(cost int, now time.Time) *apiError {
	b.mu.Lock()
	defer b.mu.Unlock()
	if start := now.Truncate(taxonomyPeriod); !start.Equal(b.periodStart) {
		b.periodStart, b.spent = start, 0
	}
	if b.inFlight+cost > taxonomyConcurrentCost {
		return refuse(http.StatusTooManyRequests,
			"Too many concurrent requests: the Taxonomy API runs at most %d cost at once (GET 1, POST, PUT and DELETE 2); %d is in flight",
			taxonomyConcurrentCost, b.inFlight)
	}
	if b.spent+cost > taxonomyPeriodCost {
		return refuse(http.StatusTooManyRequests,
			"Too many requests: the Taxonomy API allows %d cost per hour and %d is spent; the period ends at %s",
			taxonomyPeriodCost, b.spent, formatTime(b.periodStart.Add(taxonomyPeriod)))
	}
	b.inFlight += cost
	b.spent += cost
	return nil
}

func (b *costBudget) release(cost int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.inFlight -= cost
}

// resetPeriod forgets the cost spent; requests in flight stay counted until
// they end.
func (b *costBudget) resetPeriod() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.spent = 0
}

// taxonomyLimit charges a Taxonomy request to the project's budget for as
// long as it runs, including writing its answer. Amplitude documents no
// Retry-After or rate-limit header for these 429s, so none is sent.
func (s *Server) taxonomyLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cost := taxonomyCost(r.Method)
		if refusal := s.taxonomyBudget.take(cost, s.now()); refusal != nil {
			s.amplitude.writeError(w, r, refusal)
			return
		}
		defer s.taxonomyBudget.release(cost)
		next.ServeHTTP(w, r)
	})
}
