package sandbox

import (
	"sync"
	"testing"
	"time"
)

// MaxInWindow counts /api/ arrivals by the server's clock: here a clock
// that moves only when the test says, so the windows are exact.
func TestMaxInWindow(t *testing.T) {
	s := New(Options{RateLimit: -1})
	var (
		mu sync.Mutex
		at = time.Unix(1000, 0)
	)
	s.rateClock = func() time.Time { mu.Lock(); defer mu.Unlock(); return at }
	if err := s.listen(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	step := func(d time.Duration) { mu.Lock(); at = at.Add(d); mu.Unlock() }

	if n := s.MaxInWindow(time.Second); n != 0 {
		t.Errorf("a new server saw %d", n)
	}
	// 0, 100, ..., 900 ms, then 1000 ms: ten in [0, 1 s), and the eleventh
	// opens a window of its own.
	for range 10 {
		get(t, s, basicPath).want(t, 200, contentHAL)
		step(100 * time.Millisecond)
	}
	get(t, s, "/api/v4/account").want(t, 200, contentHAL)
	postForm(t, s, "/oauth2/access_token", nil) // not an API request: never counted
	for _, tc := range []struct {
		window time.Duration
		want   int
	}{{time.Second, 10}, {time.Second + time.Millisecond, 11}, {100 * time.Millisecond, 1}, {250 * time.Millisecond, 3}, {time.Hour, 11}} {
		if got := s.MaxInWindow(tc.window); got != tc.want {
			t.Errorf("MaxInWindow(%s) = %d, want %d", tc.window, got, tc.want)
		}
	}
	s.ResetCounts()
	if n := s.MaxInWindow(time.Hour); n != 0 {
		t.Errorf("after ResetCounts: %d", n)
	}
	get(t, s, basicPath).want(t, 200, contentHAL)
	if n := s.MaxInWindow(time.Second); n != 1 {
		t.Errorf("after ResetCounts and one request: %d", n)
	}
}

func TestArrivalLogIsBounded(t *testing.T) {
	var a arrivalLog
	t0 := time.Unix(0, 0)
	for i := range maxArrivals + 10 {
		a.add(t0.Add(time.Duration(i) * time.Millisecond))
	}
	if len(a.times) > maxArrivals {
		t.Errorf("%d arrivals kept, cap %d", len(a.times), maxArrivals)
	}
	if last := a.times[len(a.times)-1]; last != time.Duration(maxArrivals+9)*time.Millisecond {
		t.Errorf("the latest arrival was lost: %s", last)
	}
}
