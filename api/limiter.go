package api

import (
	"context"
	"math"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// windowMargin is added to the 1 s window: the limiter lets requests go,
// the server counts them on arrival, and scheduling or network jitter can
// bring two requests closer together on the way. 100 ms of slack covers that.
const windowMargin = 100 * time.Millisecond

// limiter enforces "at most n requests in any 1 s window", bursts included,
// with golang.org/x/time/rate.
//
// One token bucket cannot do this without wasting most of the allowance: a
// bucket with rate r and burst b admits b + r·T requests in a closed window
// of length T, so rate 7/s with burst 1 already fits 8 requests into
// [t, t+1s] (at t, t+1/7, ..., t+7/7), and any setting that is safe
// (b + r <= 7) either forbids bursts (b = 1, r = 6 spaces even parallel
// requests 167 ms apart, so a lead's contacts, companies and lists would
// trickle out one by one) or throttles sustained use (b = 4, r = 3).
//
// Instead the client keeps n buckets, each with burst 1 and one token per
// (1 s + windowMargin), and request k takes its turn from bucket k mod n.
// Any n+1 requests include two from the same bucket (pigeonhole), and those
// two are at least 1.1 s apart, so no window of 1.1 s or less holds more
// than n requests. Up to n requests can still go out at once, which is what
// the parallel lookups of one lead view need, and the sustained rate is
// n/1.1 s (6.4/s for n = 7). This is the sliding-window log expressed with
// token buckets: bucket k mod n remembers when the n-th previous request went.
type limiter struct {
	buckets []*rate.Limiter
	next    atomic.Uint64
}

func newLimiter(perSecond float64) *limiter {
	if perSecond <= 0 || math.IsNaN(perSecond) || math.IsInf(perSecond, 0) {
		perSecond = DefaultRatePerSecond
	}
	window := time.Second + windowMargin
	n := math.Floor(perSecond)
	if n < 1 {
		// Below one per second: a single bucket with the longer spacing.
		n, window = 1, time.Duration(float64(time.Second)/perSecond)+windowMargin
	}
	// More buckets than this buy nothing but memory: rates that high are
	// only used to switch the limiter off in benchmarks and tests.
	n = min(n, 1024)
	l := &limiter{buckets: make([]*rate.Limiter, int(n))}
	spacing := rate.Every(window)
	if perSecond > 1024 {
		spacing = rate.Limit(perSecond / n)
	}
	for i := range l.buckets {
		l.buckets[i] = rate.NewLimiter(spacing, 1)
	}
	return l
}

// wait blocks until this request's bucket admits it or ctx ends. It does
// not use Limiter.Wait, which fails early with its own error when ctx's
// deadline is nearer than the token, instead of ctx's error.
func (l *limiter) wait(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	bucket := l.buckets[(l.next.Add(1)-1)%uint64(len(l.buckets))]
	r := bucket.Reserve()
	if err := sleepCtx(ctx, r.Delay()); err != nil {
		r.Cancel()
		return err
	}
	return nil
}

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
