package perf_test

import (
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"
)

// arrivals records when each /api/ request reached the server it wraps,
// so a test can check the rate the server saw, not the one the client meant.
type arrivals struct {
	next  http.Handler
	mu    sync.Mutex
	times []time.Time
}

func (a *arrivals) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		a.mu.Lock()
		a.times = append(a.times, time.Now())
		a.mu.Unlock()
	}
	a.next.ServeHTTP(w, r)
}

func (a *arrivals) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.times)
}

// busiestWindow is the most requests that arrived within any span shorter
// than window, and when that span began.
func (a *arrivals) busiestWindow(window time.Duration) (int, time.Time) {
	a.mu.Lock()
	times := append([]time.Time(nil), a.times...)
	a.mu.Unlock()
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
	best, at := 0, time.Time{}
	j := 0
	for i := range times {
		for j < len(times) && times[j].Sub(times[i]) < window {
			j++
		}
		if j-i > best {
			best, at = j-i, times[i]
		}
	}
	return best, at
}
