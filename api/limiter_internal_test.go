package api

import (
	"testing"
	"time"
)

// The limiter lets a whole window's worth of requests go at once (a lead
// view's parallel lookups) and makes the next one wait for the window.
func TestLimiterAllowsBurstOfNThenWaitsAWindow(t *testing.T) {
	for _, n := range []int{1, 2, 7} {
		l := newLimiter(float64(n))
		for i := range n {
			if d := l.buckets[i%len(l.buckets)].Reserve().Delay(); d != 0 {
				t.Fatalf("n=%d: request %d of the burst waits %s", n, i+1, d)
			}
		}
		if d := l.buckets[n%len(l.buckets)].Reserve().Delay(); d < time.Second {
			t.Errorf("n=%d: request %d waits only %s", n, n+1, d)
		}
	}
}

func TestLimiterSizes(t *testing.T) {
	for _, tc := range []struct {
		rate    float64
		buckets int
	}{{0, 7}, {-3, 7}, {7, 7}, {7.9, 7}, {3, 3}, {0.5, 1}, {1e9, 1024}} {
		if got := len(newLimiter(tc.rate).buckets); got != tc.buckets {
			t.Errorf("rate %v: %d buckets, want %d", tc.rate, got, tc.buckets)
		}
	}
	if d := newLimiter(0.5).buckets[0]; d.Limit() > 0.5 {
		t.Errorf("rate 0.5 allows %v per second", d.Limit())
	}
}
