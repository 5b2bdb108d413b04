package api

import (
	"context"
	"math"
	"slices"
	"sync"
	"time"
)

// windowMargin is added to Kommo's 1 s window. Delays on the way are
// covered by counting slots from responses (see limiter); the margin is for
// where the server takes its timestamps and how it rounds them.
const windowMargin = 100 * time.Millisecond

// maxLimiterSlots bounds the log: rates above it are only used to switch
// the limiter off in benchmarks and tests.
const maxLimiterSlots = 1024

// limiter enforces "at most n requests in any window" (n = 7 and a window
// of 1 s + windowMargin by default) with a log of slots: a request takes a
// slot when it is let go and gives it back (release) when its response
// arrives; the slot stays taken for a window after that. A request goes
// when fewer than n slots are taken. Up to n requests can go at once, which
// is what the parallel lookups of one lead view need.
//
// Counting from the response rather than from the send is what makes the
// limit hold where Kommo counts it, on arrival: a request arrives at the
// server between its send and its response, so if request B is let go when
// request A's slot is free, B arrives after A's response + window, hence
// at least a window after A arrived, however long A took to leave a busy
// machine or cross the network. Of any n+1 requests, the last one let go
// found the n others' slots taken, so no window at the server holds more
// than n. The price is a window plus a round trip per slot instead of a
// window; bursts are unchanged.
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

// waiter is one request waiting for its turn; ready is closed when it may
// go, with its slot.
type waiter struct {
	prio  Priority
	ready chan struct{}
	slot  *slot
}

// slot is one request let go: taken at start, given back at end (zero
// while the request is in flight), counted for a window after that.
type slot struct {
	start, end time.Time
	id         uint64 // its line in the shared window; 0 if not there
}

// staleInFlight: a request still in flight after this long (or a process
// that died with one in flight) stops holding its slot; a request that
// slow arrived long ago, if ever.
const staleInFlight = time.Minute

// inFlightPoll: when only requests in flight in other processes can free a
// slot, their release cannot wake this one; look again this often.
const inFlightPoll = 20 * time.Millisecond

// expiry is when s stops counting: a window after its response, or, in
// flight, when to look again.
func (s *slot) expiry(now time.Time, window time.Duration) time.Time {
	if s.end.IsZero() {
		return earlier(now.Add(inFlightPoll), s.start.Add(staleInFlight))
	}
	return s.end.Add(window)
}

func (s *slot) expired(now time.Time, window time.Duration) bool {
	if s.end.IsZero() {
		return now.Sub(s.start) >= staleInFlight
	}
	return now.Sub(s.end) >= window
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
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
// The caller calls release once the response (or the failure) arrives.
func (l *limiter) wait(ctx context.Context) (release func(), err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	prio := PriorityOf(ctx)
	l.mu.Lock()
	if l.nobodyAhead(prio) {
		if s, _ := l.tryTake(prio); s != nil {
			l.mu.Unlock()
			return l.releaser(s), nil
		}
	}
	w := &waiter{prio: prio, ready: make(chan struct{})}
	l.queues[prio] = append(l.queues[prio], w)
	l.pump()
	l.mu.Unlock()

	select {
	case <-w.ready:
		return l.releaser(w.slot), nil
	case <-ctx.Done():
		l.mu.Lock()
		if l.remove(w) {
			// A foreground request leaving may let background ones go.
			l.pump()
		} else {
			// Let go at the last moment: it will not be sent.
			l.releaseLocked(w.slot)
		}
		l.mu.Unlock()
		return nil, ctx.Err()
	}
}

// releaser gives s back once, however often it is called.
func (l *limiter) releaser(s *slot) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			l.mu.Lock()
			defer l.mu.Unlock()
			l.releaseLocked(s)
		})
	}
}

func (l *limiter) releaseLocked(s *slot) {
	now := l.clock.Now()
	s.end = now
	if s.id != 0 && l.shared != nil {
		if err := l.shared.release(s.id, now); err != nil {
			l.shared, l.sharedErr = nil, err
		}
	}
	l.pump()
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
func (l *limiter) tryTake(p Priority) (*slot, time.Duration) {
	limit := l.limit
	if p == Background {
		limit = l.bgLimit
	}
	now := l.clock.Now()
	if ok, wait := l.recent.room(now, l.window, limit); !ok {
		return nil, wait
	}
	s := &slot{start: now}
	if l.shared != nil {
		id, wait, err := l.shared.take(now, limit)
		switch {
		case err != nil:
			l.shared, l.sharedErr = nil, err
		case id == 0:
			return nil, wait
		default:
			s.id = id
		}
	}
	l.recent.add(s)
	if l.admitted != nil {
		l.admitted(p, now)
	}
	return s, 0
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
		s, wait := l.tryTake(w.prio)
		if s == nil {
			l.scheduleWake(wait)
			return
		}
		l.queues[w.prio] = l.queues[w.prio][1:]
		w.slot = s
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

// recentLog holds this process's slots that still count.
type recentLog struct{ slots []*slot }

// room says whether fewer than limit slots are taken at now; if not, how
// long until enough of them may be free.
func (r *recentLog) room(now time.Time, window time.Duration, limit int) (bool, time.Duration) {
	kept := r.slots[:0]
	for _, s := range r.slots {
		if !s.expired(now, window) {
			kept = append(kept, s)
		}
	}
	clear(r.slots[len(kept):])
	r.slots = kept
	if len(kept) < limit {
		return true, 0
	}
	expiries := make([]time.Time, len(kept))
	for i, s := range kept {
		expiries[i] = s.expiry(now, window)
	}
	return false, untilFree(expiries, limit, now)
}

// untilFree is how long until fewer than limit of the slots expiring at
// expiries still count.
func untilFree(expiries []time.Time, limit int, now time.Time) time.Duration {
	slices.SortFunc(expiries, time.Time.Compare)
	return expiries[len(expiries)-limit].Sub(now)
}

func (r *recentLog) add(s *slot) { r.slots = append(r.slots, s) }

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
