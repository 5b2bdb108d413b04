package api

import (
	"context"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"
)

// fakeClock is a clock that moves only when told; timers fire in order
// during Advance, on the caller's goroutine.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*fakeTimer
}

type fakeTimer struct {
	at    time.Time
	f     func()
	state int // 0 pending, 1 fired, 2 stopped
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2024, 5, 2, 9, 30, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) func() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{at: c.now.Add(d), f: f}
	c.timers = append(c.timers, t)
	return func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		pending := t.state == 0
		if pending {
			t.state = 2
		}
		return pending
	}
}

// Advance moves the clock by d, firing every timer that falls due.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	target := c.now.Add(d)
	c.mu.Unlock()
	for {
		c.mu.Lock()
		var next *fakeTimer
		for _, t := range c.timers {
			if t.state == 0 && !t.at.After(target) && (next == nil || t.at.Before(next.at)) {
				next = t
			}
		}
		if next == nil {
			c.now = target
			c.mu.Unlock()
			return
		}
		c.now, next.state = next.at, 1
		c.mu.Unlock()
		next.f()
	}
}

// pending is how many timers may still fire.
func (c *fakeClock) pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, t := range c.timers {
		if t.state == 0 {
			n++
		}
	}
	return n
}

// admissions records every request the limiter lets go, as it does.
type admissions struct {
	mu    sync.Mutex
	at    []time.Time
	prios []Priority
}

func watch(l *limiter) *admissions {
	a := &admissions{}
	l.admitted = func(p Priority, at time.Time) {
		a.mu.Lock()
		defer a.mu.Unlock()
		a.at = append(a.at, at)
		a.prios = append(a.prios, p)
	}
	return a
}

func (a *admissions) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.at)
}

func (a *admissions) order() []Priority {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.Clone(a.prios)
}

// times of the admissions of priority p.
func (a *admissions) times(p Priority) []time.Time {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []time.Time
	for i, at := range a.at {
		if a.prios[i] == p {
			out = append(out, at)
		}
	}
	return out
}

// queued starts a request that must wait and returns once it is in its
// queue; done receives wait's result.
func queued(t *testing.T, l *limiter, ctx context.Context) (done chan error) {
	t.Helper()
	prio := PriorityOf(ctx)
	l.mu.Lock()
	before := len(l.queues[prio])
	l.mu.Unlock()
	done = make(chan error, 1)
	go func() { done <- instant(l, ctx) }()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
		l.mu.Lock()
		n := len(l.queues[prio])
		l.mu.Unlock()
		if n > before {
			return done
		}
		if time.Now().After(deadline) {
			t.Fatalf("a %s request never queued", prio)
		}
	}
}

// instant is a request whose response arrives the moment it is let go.
func instant(l *limiter, ctx context.Context) error {
	release, err := l.wait(ctx)
	if err == nil {
		release()
	}
	return err
}

// mustGo sends a request that must not wait; its response is instant
// unless held, and then release gives its slot back.
func mustGo(t *testing.T, l *limiter, ctx context.Context, held ...bool) (release func()) {
	t.Helper()
	l.mu.Lock()
	var s *slot
	if l.nobodyAhead(PriorityOf(ctx)) {
		s, _ = l.tryTake(PriorityOf(ctx))
	}
	l.mu.Unlock()
	if s == nil {
		t.Fatalf("a %s request had to wait", PriorityOf(ctx))
	}
	release = l.releaser(s)
	if len(held) == 0 || !held[0] {
		release()
	}
	return release
}

func waitAll(t *testing.T, done []chan error) {
	t.Helper()
	for _, d := range done {
		if err := <-d; err != nil {
			t.Fatal(err)
		}
	}
}

var (
	fg = context.Background()
	bg = WithPriority(context.Background(), Background)
)

// The limiter lets a whole window's worth of requests go at once (a lead
// view's parallel lookups) and makes the next one wait for the window.
func TestLimiterAllowsBurstOfNThenWaitsAWindow(t *testing.T) {
	for _, n := range []int{1, 2, 7} {
		clk := newFakeClock()
		l := newLimiterWithClock(float64(n), clk)
		for range n {
			mustGo(t, l, fg)
		}
		rec := watch(l)
		done := queued(t, l, fg)
		clk.Advance(l.window - time.Millisecond)
		if rec.count() != 0 {
			t.Fatalf("n=%d: request %d went before the window ended", n, n+1)
		}
		clk.Advance(time.Millisecond)
		waitAll(t, []chan error{done})
		if rec.count() != 1 {
			t.Fatalf("n=%d: request %d did not go when the window ended", n, n+1)
		}
	}
}

func TestLimiterShapes(t *testing.T) {
	for _, tc := range []struct {
		rate   float64
		n      int
		window time.Duration
		bg     int
	}{
		{0, 7, 1100 * time.Millisecond, 2}, {-3, 7, 1100 * time.Millisecond, 2}, {7, 7, 1100 * time.Millisecond, 2},
		{7.9, 7, 1100 * time.Millisecond, 2}, {3, 3, 1100 * time.Millisecond, 1}, {1, 1, 1100 * time.Millisecond, 1},
		{0.5, 1, 2100 * time.Millisecond, 1}, {2048, 1024, 500 * time.Millisecond, 341},
	} {
		l := newLimiter(tc.rate)
		if l.limit != tc.n || l.window != tc.window || l.bgLimit != tc.bg {
			t.Errorf("rate %v: %d per %s (background %d), want %d per %s (%d)", tc.rate, l.limit, l.window, l.bgLimit, tc.n, tc.window, tc.bg)
		}
	}
}

// Foreground requests that arrive while background ones wait go first.
func TestLimiterForegroundOvertakesBackground(t *testing.T) {
	clk := newFakeClock()
	l := newLimiterWithClock(7, clk)
	for range 7 {
		mustGo(t, l, fg)
	}
	rec := watch(l)
	var done []chan error
	for range 2 {
		done = append(done, queued(t, l, bg))
	}
	for range 3 {
		done = append(done, queued(t, l, fg))
	}
	for rec.count() < 5 {
		clk.Advance(l.window)
	}
	waitAll(t, done)
	want := []Priority{Foreground, Foreground, Foreground, Background, Background}
	if got := rec.order(); !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

// Background requests never hold more than 2 of a window's 7 slots, even
// with nothing else to do, so a foreground burst of 5 always finds room.
func TestLimiterBackgroundLeavesRoomForABurst(t *testing.T) {
	clk := newFakeClock()
	l := newLimiterWithClock(7, clk)
	rec := watch(l)
	var done []chan error
	for range 6 {
		done = append(done, func() chan error {
			d := make(chan error, 1)
			go func() { d <- instant(l, bg) }()
			return d
		}())
	}
	waitQueued(t, l, Background, 4)
	if got := rec.count(); got != 2 {
		t.Fatalf("%d background requests went at once, want 2", got)
	}
	for range 5 {
		mustGo(t, l, fg)
	}
	for rec.count() < 11 {
		clk.Advance(l.window)
	}
	waitAll(t, done)
	if n := busiestWindow(rec.times(Background), l.window); n != 2 {
		t.Errorf("%d background requests in one window, want 2", n)
	}
}

// waitQueued waits until n requests of priority p wait in the limiter.
func waitQueued(t *testing.T, l *limiter, p Priority, n int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
		l.mu.Lock()
		got := len(l.queues[p])
		l.mu.Unlock()
		if got == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d %s requests waiting, want %d", got, p, n)
		}
	}
}

// A request given up while waiting takes no slot: the one behind it goes
// when the window has room, and no wake-up stays pending.
func TestLimiterCancelledWaiterTakesNoSlot(t *testing.T) {
	clk := newFakeClock()
	l := newLimiterWithClock(1, clk)
	mustGo(t, l, fg)
	rec := watch(l)
	ctx, cancel := context.WithCancel(fg)
	gone := queued(t, l, ctx)
	kept := queued(t, l, fg)
	cancel()
	if err := <-gone; err != context.Canceled {
		t.Fatalf("cancelled wait returned %v", err)
	}
	clk.Advance(l.window)
	waitAll(t, []chan error{kept})
	if rec.count() != 1 {
		t.Errorf("%d admissions, want only the kept request", rec.count())
	}
	if clk.pending() != 0 {
		t.Errorf("%d wake-ups pending with nobody waiting", clk.pending())
	}
}

// A foreground request given up while waiting leaves the queue: the
// background one behind it goes when the window has room.
func TestLimiterCancelledForegroundReleasesBackground(t *testing.T) {
	clk := newFakeClock()
	l := newLimiterWithClock(1, clk)
	mustGo(t, l, fg)
	rec := watch(l)
	ctx, cancel := context.WithCancel(fg)
	blocker := queued(t, l, ctx)
	waiting := queued(t, l, bg)
	cancel()
	if err := <-blocker; err != context.Canceled {
		t.Fatalf("cancelled wait returned %v", err)
	}
	clk.Advance(l.window)
	waitAll(t, []chan error{waiting})
	if got := rec.order(); !slices.Equal(got, []Priority{Background}) {
		t.Errorf("admitted %v, want the background request alone", got)
	}
}

// Whatever the mix of priorities and arrival times, no window ever holds
// more than 7 admissions and background ones never more than 2.
func TestLimiterRandomLoadKeepsTheWindow(t *testing.T) {
	for seed := range uint64(5) {
		rng := rand.New(rand.NewPCG(seed, 1))
		clk := newFakeClock()
		l := newLimiterWithClock(7, clk)
		rec := watch(l)
		var done []chan error
		for range 60 {
			ctx := fg
			if rng.IntN(3) == 0 {
				ctx = bg
			}
			d := make(chan error, 1)
			before := rec.count()
			l.mu.Lock()
			queuedBefore := len(l.queues[0]) + len(l.queues[1])
			l.mu.Unlock()
			go func() { d <- instant(l, ctx) }()
			waitEither(t, l, rec, before, queuedBefore)
			done = append(done, d)
			clk.Advance(time.Duration(rng.IntN(300)) * time.Millisecond)
		}
		for rec.count() < 60 {
			clk.Advance(l.window)
		}
		waitAll(t, done)
		if n := busiestWindow(rec.at, l.window); n > 7 {
			t.Errorf("seed %d: %d requests within one window", seed, n)
		}
		if n := busiestWindow(rec.times(Background), l.window); n > 2 {
			t.Errorf("seed %d: %d background requests within one window", seed, n)
		}
	}
}

// waitEither waits until a request just started was either let go or queued.
func waitEither(t *testing.T, l *limiter, rec interface{ count() int }, admittedBefore, queuedBefore int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Microsecond) {
		l.mu.Lock()
		q := len(l.queues[0]) + len(l.queues[1])
		l.mu.Unlock()
		if rec.count() > admittedBefore || q > queuedBefore {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("a request neither went nor queued")
		}
	}
}

// busiestWindow is the most times within any span shorter than window.
func busiestWindow(times []time.Time, window time.Duration) int {
	ts := slices.Clone(times)
	slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	best, j := 0, 0
	for i := range ts {
		for j < len(ts) && ts[j].Sub(ts[i]) < window {
			j++
		}
		best = max(best, j-i)
	}
	return best
}

// A request in flight holds its slot until its response, and for a window
// after it: however late it reaches the server, the next one cannot
// arrive within a window of it.
func TestLimiterSlotCountsFromTheResponse(t *testing.T) {
	clk := newFakeClock()
	l := newLimiterWithClock(1, clk)
	release := mustGo(t, l, fg, true)
	rec := watch(l)
	done := queued(t, l, fg)
	clk.Advance(3 * l.window)
	if rec.count() != 0 {
		t.Fatal("a request went while the only slot was in flight")
	}
	release()
	clk.Advance(l.window - time.Millisecond)
	if rec.count() != 0 {
		t.Fatal("a request went within a window of the response")
	}
	clk.Advance(time.Millisecond)
	waitAll(t, []chan error{done})
	if rec.count() != 1 {
		t.Fatal("the request did not go a window after the response")
	}
}

// A process that died with a request in flight does not hold the slot for
// ever.
func TestLimiterStaleInFlightSlotExpires(t *testing.T) {
	clk := newFakeClock()
	l := newLimiterWithClock(1, clk)
	mustGo(t, l, fg, true)
	rec := watch(l)
	done := queued(t, l, fg)
	clk.Advance(staleInFlight - time.Millisecond)
	if rec.count() != 0 {
		t.Fatal("the slot expired early")
	}
	clk.Advance(inFlightPoll)
	waitAll(t, []chan error{done})
}

// Releasing twice, or a request cancelled after it was let go, leaves the
// log consistent.
func TestLimiterReleaseIsIdempotent(t *testing.T) {
	clk := newFakeClock()
	l := newLimiterWithClock(2, clk)
	release := mustGo(t, l, fg, true)
	release()
	clk.Advance(time.Second)
	release()
	clk.Advance(l.window - time.Second)
	mustGo(t, l, fg)
	mustGo(t, l, fg)
}
