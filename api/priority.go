package api

import "context"

// Priority says who is waiting for a request, so the rate limiter can let
// the requests a person waits for go first.
type Priority uint8

const (
	// Foreground requests have a person waiting for them: the lead, its
	// contacts, companies and list elements, a search. It is the default.
	Foreground Priority = iota
	// Background requests prefetch or revalidate: they go only when no
	// foreground request waits, and never take the part of the budget
	// kept for foreground bursts (see limiter).
	Background
)

func (p Priority) String() string {
	if p == Background {
		return "background"
	}
	return "foreground"
}

type priorityKey struct{}

// WithPriority returns a context whose requests are sent at priority p, e.g.
// api.WithPriority(ctx, api.Background) for a revalidation.
func WithPriority(ctx context.Context, p Priority) context.Context {
	if p != Background {
		p = Foreground
	}
	return context.WithValue(ctx, priorityKey{}, p)
}

// PriorityOf is the priority requests made with ctx are sent at.
func PriorityOf(ctx context.Context) Priority {
	if p, ok := ctx.Value(priorityKey{}).(Priority); ok {
		return p
	}
	return Foreground
}
