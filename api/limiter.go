package api

import (
	"context"
	"math"
	"sync"
	"time"
)

// windowMargin is added to the 1 s window: the limiter lets requests go,
// the server counts them on arrival, and scheduling or network jitter can
// bring two requests closer together on the way. 100 ms of slack covers that.
const windowMargin = 100 * time.Millisecond

// maxLimiterSlots bounds the log: rates above it are only used to switch
// the limiter off in benchmarks and tests.
const maxLimiterSlots = 1024

// limiter enforces "at most n requests in any window" (n = 7 and a window
// of 1 s + windowMargin by default) with a log of the last admissions: a
// request goes when fewer than n admissions lie within the window that ends
// now. Up to n requests can go at once, which is what the parallel lookups
// of one lead view need, and no window of that length ever holds more than
// n (any n+1 admissions span at least a window).
//
// Priorities. Waiting requests form two FIFO queues, foreground and
// background (see Priority):
//   - a foreground request goes as soon as the window has room and no
//     earlier foreground request waits;
//   - a background request goes only when no foreground request waits AND
//     the window holds fewer than backgroundLimit(n) requests (2 of 7).
//
// So background work never delays a request a person waits for by more
// than the requests it already sent, and it always leaves n - 2 = 5 slots
// of every window free: a lead view's burst (the lead, then its contacts,
// companies and list elements) finds room even while a revalidation runs,
// in this process or another one sharing the budget.
//
// Shared budget. With a sharedWindow the admissions of every process using
// the same file count too (see sharedbudget.go): a request must find room
// in both this process's log and the shared one. If the shared file fails,
// the limiter keeps the in-process log alone and remembers the first error.
type limiter struct {
	clock   clock
	limit   int // requests allowed in any window
	bgLimit int // of which background requests may hold at most this many
	window  time.Duration

	mu        sync.Mutex
	recent    recentLog
	shared    *sharedWindow
	sharedErr error
	queues    [2][]*waiter // by Priority, oldest first
	stopWake  func() bool  // cancels the pending wake-up; nil when none

	// admitted, if set, sees every admission as it happens (tests).
	admitted func(Priority, time.Time)
}

// waiter is one request waiting for its turn; ready is closed when it may go.
type waiter struct {
	prio  Priority
	ready chan struct{}
}

// backgroundLimit is how many requests of a window background work may
// fill: a third, at least one.
func backgroundLimit(n int) int { return max(1, n/3) }

func newLimiter(perSecond float64) *limiter {
	return newLimiterWithClock(perSecond, realClock{})
}

func newLimiterWithClock(perSecond float64, c clock) *limiter {
	n, window := limiterShape(perSecond)
	return &limiter{clock: c, limit: n, bgLimit: backgroundLimit(n), window: window}
}

// limiterShape turns a rate into n requests per window.
func limiterShape(perSecond float64) (int, time.Duration) {
	if perSecond <= 0 || math.IsNaN(perSecond) || math.IsInf(perSecond, 0) {
		perSecond = DefaultRatePerSecond
	}
	switch {
	case perSecond < 1:
		// Below one per second: one request per longer window.
		perSecond = max(perSecond, 1.0/3600)
		return 1, time.Duration(float64(time.Second)/perSecond) + windowMargin
	case perSecond > maxLimiterSlots:
		return maxLimiterSlots, time.Duration(float64(time.Second) * maxLimiterSlots / perSecond)
	}
	return int(math.Floor(perSecond)), time.Second + windowMargin
}

// wait blocks until the request may go at ctx's priority, or ctx ends.
func (l *limiter) wait(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	prio := PriorityOf(ctx)
	l.mu.Lock()
	if l.nobodyAhead(prio) {
		if ok, _ := l.tryTake(prio); ok {
			l.mu.Unlock()
			return nil
		}
	}
	w := &waiter{prio: prio, ready: make(chan struct{})}
	l.queues[prio] = append(l.queues[prio], w)
	l.pump()
	l.mu.Unlock()

	select {
	case <-w.ready:
		return nil
	case <-ctx.Done():
		l.mu.Lock()
		if l.remove(w) {
			// A foreground request leaving may let background ones go.
			l.pump()
		}
		l.mu.Unlock()
		return ctx.Err()
	}
}

// nobodyAhead: no request of this priority or a higher one waits.
func (l *limiter) nobodyAhead(p Priority) bool {
	if p == Background {
		return len(l.queues[Foreground]) == 0 && len(l.queues[Background]) == 0
	}
	return len(l.queues[Foreground]) == 0
}

// tryTake admits one request of priority p now if the window has room for
// it; otherwise it says how long until it may have.
func (l *limiter) tryTake(p Priority) (bool, time.Duration) {
	limit := l.limit
	if p == Background {
		limit = l.bgLimit
	}
	now := l.clock.Now()
	if ok, wait := l.recent.room(now, l.window, limit); !ok {
		return false, wait
	}
	if l.shared != nil {
		ok, wait, err := l.shared.take(now, limit)
		switch {
		case err != nil:
			l.shared, l.sharedErr = nil, err
		case !ok:
			return false, wait
		}
	}
	l.recent.add(now)
	if l.admitted != nil {
		l.admitted(p, now)
	}
	return true, 0
}

// pump lets waiting requests go in order while the window has room, and
// sets a wake-up for when the first one still waiting may have it.
func (l *limiter) pump() {
	for {
		w := l.head()
		if w == nil {
			l.cancelWake()
			return
		}
		ok, wait := l.tryTake(w.prio)
		if !ok {
			l.scheduleWake(wait)
			return
		}
		l.queues[w.prio] = l.queues[w.prio][1:]
		close(w.ready)
	}
}

// head is the next request to go: the oldest foreground one, else the
// oldest background one.
func (l *limiter) head() *waiter {
	for _, q := range l.queues {
		if len(q) > 0 {
			return q[0]
		}
	}
	return nil
}

// remove takes w out of its queue; false when it was already let go.
func (l *limiter) remove(w *waiter) bool {
	q := l.queues[w.prio]
	for i, x := range q {
		if x == w {
			l.queues[w.prio] = append(q[:i:i], q[i+1:]...)
			return true
		}
	}
	return false
}

func (l *limiter) scheduleWake(d time.Duration) {
	l.cancelWake()
	// Another process may hold the shared window's slots for a moment
	// longer than computed; never spin.
	d = max(d, time.Millisecond)
	l.stopWake = l.clock.AfterFunc(d, func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.stopWake = nil
		l.pump()
	})
}

func (l *limiter) cancelWake() {
	if l.stopWake != nil {
		l.stopWake()
		l.stopWake = nil
	}
}

// useShared makes the limiter count the admissions of every process that
// shares w's file; a nil w with err records why the budget stays local.
func (l *limiter) useShared(w *sharedWindow, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.shared, l.sharedErr = w, err
}

// sharedFailure is why the budget is not (or no longer) shared, or nil.
func (l *limiter) sharedFailure() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.sharedErr
}

// recentLog holds this process's admissions still inside the window, oldest first.
type recentLog struct{ times []time.Time }

// room says whether fewer than limit admissions fall within the window
// ending at now; if not, how long until enough of them leave it.
func (r *recentLog) room(now time.Time, window time.Duration, limit int) (bool, time.Duration) {
	expired := 0
	for expired < len(r.times) && now.Sub(r.times[expired]) >= window {
		expired++
	}
	if expired > 0 {
		r.times = append(r.times[:0], r.times[expired:]...)
	}
	if n := len(r.times); n >= limit {
		return false, r.times[n-limit].Add(window).Sub(now)
	}
	return true, 0
}

func (r *recentLog) add(now time.Time) { r.times = append(r.times, now) }

// clock is time as the limiter sees it; tests use a fake one.
type clock interface {
	Now() time.Time
	AfterFunc(d time.Duration, f func()) (stop func() bool)
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) AfterFunc(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }

// sleepCtx waits d or until ctx ends, whichever comes first.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
