package sandbox

import (
	"sync"
	"time"
)

// maxArrivals bounds the arrival log (8 bytes each): a test's or a
// benchmark's whole life, and a bounded cost for a long --demo session.
const maxArrivals = 1 << 17

// arrivalLog remembers when /api/ requests arrived, oldest first, to tell
// how many any window of time held.
type arrivalLog struct {
	mu    sync.Mutex
	start time.Time
	times []time.Duration // since start, monotonic
}

func (a *arrivalLog) add(now time.Time) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.start.IsZero() {
		a.start = now
	}
	if len(a.times) == maxArrivals {
		// Forget the older half at once rather than one by one.
		a.times = append(a.times[:0], a.times[maxArrivals/2:]...)
	}
	a.times = append(a.times, now.Sub(a.start))
}

func (a *arrivalLog) reset() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.times = a.times[:0]
}

// MaxInWindow is the most /api/ requests that arrived within any span of
// time shorter than window (the sandbox's own rate limit counts the same
// way), since the start or the last ResetCounts: Kommo's "7 requests per
// second" holds when MaxInWindow(time.Second) <= 7. Requests answered 429
// count: they arrived. It remembers the latest 131072 arrivals.
func (s *Server) MaxInWindow(window time.Duration) int {
	s.arrivals.mu.Lock()
	defer s.arrivals.mu.Unlock()
	times := s.arrivals.times
	best, j := 0, 0
	for i := range times {
		for j < len(times) && times[j]-times[i] < window {
			j++
		}
		best = max(best, j-i)
	}
	return best
}
