package sandbox

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// slidingWindow admits at most limit events in any window-long span, the way
// Kommo limits an integration to 7 requests per second. Refused events count
// too: a client that keeps hammering stays refused.
type slidingWindow struct {
	mu     sync.Mutex
	limit  int
	window time.Duration
	times  []time.Time // arrivals inside the window, oldest first
}

func newSlidingWindow(limit int, window time.Duration) *slidingWindow {
	return &slidingWindow{limit: limit, window: window}
}

func (sw *slidingWindow) allow(now time.Time) bool {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	cut := 0
	for cut < len(sw.times) && now.Sub(sw.times[cut]) >= sw.window {
		cut++
	}
	sw.times = append(sw.times[:0], sw.times[cut:]...)
	allowed := len(sw.times) < sw.limit
	if len(sw.times) < 4*sw.limit {
		sw.times = append(sw.times, now)
	}
	return allowed
}

// tooManyRequests is Kommo's 429: retry_after in the body, the header only if asked.
func tooManyRequests(retryAfter int, header bool) response {
	p := newProblem(http.StatusTooManyRequests, "Too many requests: at most 7 requests per second are allowed")
	p.RetryAfter = &retryAfter
	resp := p.response()
	if header {
		resp.header = http.Header{"Retry-After": {strconv.Itoa(retryAfter)}}
	}
	return resp
}
