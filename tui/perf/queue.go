package perf

import "sync"

// queue is the driver's unbounded inbox: commands never block on a slow
// Update, as they do not in tea.Program.
type queue struct {
	mu     sync.Mutex
	items  []envelope
	ready  chan struct{} // holds a token while items may be waiting
	closed bool
}

func newQueue() *queue { return &queue{ready: make(chan struct{}, 1)} }

func (q *queue) push(e envelope) {
	q.mu.Lock()
	if q.closed {
		q.mu.Unlock()
		return
	}
	q.items = append(q.items, e)
	q.mu.Unlock()
	q.signal()
}

func (q *queue) signal() {
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// pop returns the oldest item, blocking until there is one; false once
// the queue is closed.
func (q *queue) pop() (envelope, bool) {
	for {
		q.mu.Lock()
		if q.closed {
			q.mu.Unlock()
			return envelope{}, false
		}
		if len(q.items) > 0 {
			e := q.items[0]
			q.items[0] = envelope{}
			q.items = q.items[1:]
			q.mu.Unlock()
			return e, true
		}
		q.mu.Unlock()
		<-q.ready
	}
}

func (q *queue) close() {
	q.mu.Lock()
	q.closed = true
	q.items = nil
	q.mu.Unlock()
	q.signal()
}
