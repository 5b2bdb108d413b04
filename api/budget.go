package api

import (
	"context"
	"strconv"
	"sync"
)

// Bounds of what a server can make leadscope fetch and keep. A server that
// pages forever, ignores filter[id][] or pads its pages could otherwise
// turn one lookup into gigabytes and minutes. Past a bound the entities
// that arrived are kept and a *Cut says what was left out.
const (
	// LookupMaxBytes and LookupMaxPages bound one lookup of a lead's related
	// records (LoadRelated, or every call of a client made WithBudget): the
	// response bodies it reads and the pages (requests) it makes, across
	// all its kinds and lists. A real lead needs a few pages of a few KiB.
	LookupMaxBytes = 32 << 20
	LookupMaxPages = 40
	// ListMaxBytes and ListMaxPages bound each start-up list (users, lists,
	// pipelines) across its pages: 40 pages of 250 is 10,000 entities.
	ListMaxBytes = 32 << 20
	ListMaxPages = maxPagesPerList
	// CatalogConcurrency is how many lists' elements one Client fetches at
	// a time, whoever asks: each may hold a page of up to MaxBodyBytes.
	CatalogConcurrency = 3
)

// Budget is what one lookup may still read: bytes of response bodies and
// pages. It is safe for concurrent use; concurrent requests reserve room
// for a whole body before they are sent, so the bytes in flight and kept
// together never exceed it.
type Budget struct {
	maxBytes int64
	maxPages int

	mu       sync.Mutex
	spent    int64 // bytes of bodies read
	reserved int64 // bytes granted to requests in flight
	pages    int
	settled  chan struct{} // closed (and replaced) whenever a reservation settles
}

// NewBudget returns a budget of maxBytes of response bodies and maxPages
// requests; zero or negative values take LookupMaxBytes and LookupMaxPages.
func NewBudget(maxBytes int64, maxPages int) *Budget {
	if maxBytes <= 0 {
		maxBytes = LookupMaxBytes
	}
	if maxPages <= 0 {
		maxPages = LookupMaxPages
	}
	return &Budget{maxBytes: maxBytes, maxPages: maxPages, settled: make(chan struct{})}
}

// WithBudget returns a client whose fetches of contacts, companies, list
// elements and lists all draw from b, e.g. one budget per lead lookup.
// The returned client shares c's connection, rate limiter and list
// concurrency.
func (c *Client) WithBudget(b *Budget) *Client {
	bc := *c
	bc.budget = b
	return &bc
}

// budgetFor is the client's shared budget, or a fresh one for one call.
func (c *Client) budgetFor(maxBytes int64, maxPages int) *Budget {
	if c.budget != nil {
		return c.budget
	}
	return NewBudget(maxBytes, maxPages)
}

// bound names a budget's limit that was reached, for a Cut.
type bound string

func pagesBound(n int) bound { return bound(strconv.Itoa(n) + "-page") }

func bytesBound(n int64) bound { return bound(humanBytes(n)) }

// reserve claims one page and room for a body of up to maxBody bytes (less
// when less is left). While requests in flight hold the room it needs it
// waits for them to settle. An exhausted budget reports the bound reached.
func (b *Budget) reserve(ctx context.Context, maxBody int64) (grant int64, reached bound, err error) {
	for {
		b.mu.Lock()
		if reached := b.exhaustedLocked(); reached != "" {
			b.mu.Unlock()
			return 0, reached, nil
		}
		want := min(maxBody, b.maxBytes-b.spent)
		if b.maxBytes-b.spent-b.reserved >= want {
			b.reserved += want
			b.pages++
			b.mu.Unlock()
			return want, "", nil
		}
		settled := b.settled
		b.mu.Unlock()
		select {
		case <-settled:
		case <-ctx.Done():
			return 0, "", ctx.Err()
		}
	}
}

// settle returns a reservation of grant bytes of which used were read.
func (b *Budget) settle(grant, used int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.reserved -= grant
	b.spent += min(max(used, 0), grant)
	close(b.settled)
	b.settled = make(chan struct{})
}

// exhausted reports the bound the budget has reached, or "".
func (b *Budget) exhausted() bound {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.exhaustedLocked()
}

func (b *Budget) exhaustedLocked() bound {
	switch {
	case b.pages >= b.maxPages:
		return pagesBound(b.maxPages)
	case b.spent >= b.maxBytes:
		return bytesBound(b.maxBytes)
	}
	return ""
}
