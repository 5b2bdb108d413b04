package api

import (
	"context"
	"math"
	"time"

	"golang.org/x/time/rate"
)

// newLimiter builds the client-side throttle for "never more than n requests
// in any 1 s window", n = floor(perSecond), default 7.
//
// A token bucket with rate r and burst b admits up to b + r·T requests in a
// closed window of length T, so rate 7/s with burst 1 can fit 8 requests
// into [t, t+1s] (at t, t+1/7, ..., t+7/7). With burst 1 and rate n-1 per
// second the requests are at least 1/(n-1) s apart, so n+1 of them span
// n/(n-1) s > 1 s: at most n fit in any 1 s window, and the extra 1/(n-1) s
// (167 ms for n = 7) absorbs scheduling jitter between the limiter letting a
// request go and the server seeing it. The price is 6 instead of 7 requests
// per second of throughput. For n = 1 the spacing is 1.25 s.
func newLimiter(perSecond float64) *rate.Limiter {
	if perSecond <= 0 || math.IsNaN(perSecond) || math.IsInf(perSecond, 0) {
		perSecond = DefaultRatePerSecond
	}
	n := math.Floor(perSecond)
	if n < 1 {
		n = 1
	}
	spacing := 1.25 * float64(time.Second)
	if n >= 2 {
		spacing = float64(time.Second) / (n - 1)
	}
	return rate.NewLimiter(rate.Every(time.Duration(spacing)), 1)
}

// waitTurn blocks until the limiter admits one request or ctx ends. It does
// not use Limiter.Wait, which fails early with its own error when ctx's
// deadline is nearer than the token, instead of ctx's error.
func waitTurn(ctx context.Context, l *rate.Limiter) error {
	r := l.Reserve()
	delay := r.Delay()
	if delay <= 0 {
		if err := ctx.Err(); err != nil {
			r.Cancel()
			return err
		}
		return nil
	}
	if err := sleepCtx(ctx, delay); err != nil {
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
