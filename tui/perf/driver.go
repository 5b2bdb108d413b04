package perf

import (
	"errors"
	"fmt"
	"reflect"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Driver runs a tea.Model as tea.Program would: commands run concurrently,
// their messages come back to Update one at a time on one goroutine, and
// View is drawn after every Update. Unlike a Program it renders to a string
// that callers can wait on, frame by frame, so no frame goes unseen.
type Driver struct {
	inbox   *queue
	running sync.WaitGroup // commands still executing
	loopEnd chan struct{}

	mu      sync.Mutex
	model   tea.Model
	frame   Frame
	counts  map[string]int
	waiters []*waiter
	quit    bool
	closed  bool
}

// Frame is what the screen showed after one Update.
type Frame struct {
	N      int           // frames drawn so far
	At     time.Time     // when View returned
	Took   time.Duration // this frame's Update and View
	Spent  time.Duration // every frame's Update and View so far: the model's share of any span
	View   string
	Msg    tea.Msg        // the message that led to it
	counts map[string]int // messages processed so far, by type name
}

// Processed is how many messages of typeName (as %T prints it, e.g.
// "tui.leadMsg") Update had handled when the frame was drawn.
func (f Frame) Processed(typeName string) int { return f.counts[typeName] }

// envelope is one inbox entry; a waiter rides with the message after which
// it starts watching frames.
type envelope struct {
	msg    tea.Msg
	waiter *waiter
}

type waiter struct {
	until func(Frame) bool
	done  chan Frame
}

// ErrTimeout is returned when no frame satisfied a wait in time.
var ErrTimeout = errors.New("perf: no frame satisfied the condition in time")

// ErrClosed is returned when the driver stopped before a wait was satisfied.
var ErrClosed = errors.New("perf: driver stopped")

// Start runs m: it sends its Init command and a WindowSizeMsg of w×h.
func Start(m tea.Model, w, h int) *Driver {
	d := &Driver{
		inbox:   newQueue(),
		loopEnd: make(chan struct{}),
		model:   m,
		counts:  map[string]int{},
	}
	d.frame = Frame{At: time.Now(), View: m.View(), counts: map[string]int{}}
	go d.loop()
	d.exec(m.Init())
	d.Send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// Send queues msg for Update, as tea.Program.Send does.
func (d *Driver) Send(msg tea.Msg) { d.inbox.push(envelope{msg: msg}) }

// SendAndWait queues msg and waits for the first frame, drawn after msg was
// handled, for which until is true. until runs on the driver's goroutine
// and must not call the driver.
func (d *Driver) SendAndWait(msg tea.Msg, until func(Frame) bool, timeout time.Duration) (Frame, error) {
	w := &waiter{until: until, done: make(chan Frame, 1)}
	d.inbox.push(envelope{msg: msg, waiter: w})
	return d.wait(w, timeout)
}

// Await waits for the first frame, the current one included, for which
// until is true.
func (d *Driver) Await(until func(Frame) bool, timeout time.Duration) (Frame, error) {
	w := &waiter{until: until, done: make(chan Frame, 1)}
	d.mu.Lock()
	if d.closed || d.quit {
		f := d.frame
		d.mu.Unlock()
		if until(f) {
			return snapshot(f), nil
		}
		return snapshot(f), ErrClosed
	}
	if until(d.frame) {
		f := snapshot(d.frame)
		d.mu.Unlock()
		return f, nil
	}
	d.waiters = append(d.waiters, w)
	d.mu.Unlock()
	return d.wait(w, timeout)
}

func (d *Driver) wait(w *waiter, timeout time.Duration) (Frame, error) {
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case f, ok := <-w.done:
		if !ok {
			return d.Frame(), ErrClosed
		}
		return f, nil
	case <-t.C:
		d.drop(w)
		f := d.Frame()
		return f, fmt.Errorf("%w (%s); last frame:\n%s", ErrTimeout, timeout, f.View)
	}
}

func (d *Driver) drop(w *waiter) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for i, x := range d.waiters {
		if x == w {
			d.waiters = append(d.waiters[:i], d.waiters[i+1:]...)
			return
		}
	}
}

// Frame is the latest frame.
func (d *Driver) Frame() Frame {
	d.mu.Lock()
	defer d.mu.Unlock()
	return snapshot(d.frame)
}

// Model is the model as the last Update left it.
func (d *Driver) Model() tea.Model {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.model
}

// Quit sends msg (the model's quit key), waits until the model has
// answered tea.Quit, then closes the driver.
func (d *Driver) Quit(msg tea.Msg, grace time.Duration) error {
	d.Send(msg)
	select {
	case <-d.loopEnd:
	case <-time.After(grace):
		d.Close(0)
		return fmt.Errorf("perf: the model did not quit within %s", grace)
	}
	return d.Close(grace)
}

// Close stops the driver: later messages are dropped and pending waits
// fail. It waits up to grace for running commands to return (a Program
// abandons them; tests that check for leaked goroutines must not).
func (d *Driver) Close(grace time.Duration) error {
	d.mu.Lock()
	if !d.closed {
		d.closed = true
		for _, w := range d.waiters {
			close(w.done)
		}
		d.waiters = nil
	}
	d.mu.Unlock()
	d.inbox.close()
	<-d.loopEnd
	done := make(chan struct{})
	go func() { d.running.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-time.After(grace):
		return fmt.Errorf("perf: commands still running %s after close", grace)
	}
}

// loop is the Update goroutine.
func (d *Driver) loop() {
	defer close(d.loopEnd)
	for {
		e, ok := d.inbox.pop()
		if !ok {
			return
		}
		if _, quit := e.msg.(tea.QuitMsg); quit {
			d.stop()
			return
		}
		if d.update(e) {
			d.stop()
			return
		}
	}
}

// update handles one message and draws a frame; it reports whether the
// model asked to quit.
func (d *Driver) update(e envelope) bool {
	d.mu.Lock()
	model := d.model
	d.mu.Unlock()
	began := time.Now()
	next, cmd := model.Update(e.msg)
	view := next.View()
	at := time.Now()
	took := at.Sub(began)

	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		return false
	}
	d.model = next
	d.counts[typeName(e.msg)]++
	d.frame = Frame{N: d.frame.N + 1, At: at, Took: took, Spent: d.frame.Spent + took, View: view, Msg: e.msg, counts: d.counts}
	if e.waiter != nil {
		d.waiters = append(d.waiters, e.waiter)
	}
	d.notify()
	d.mu.Unlock()
	d.exec(cmd)
	return false
}

// notify hands the new frame to every waiter it satisfies; d.mu is held.
func (d *Driver) notify() {
	kept := d.waiters[:0]
	for _, w := range d.waiters {
		if w.until(d.frame) {
			w.done <- snapshot(d.frame)
			continue
		}
		kept = append(kept, w)
	}
	d.waiters = kept
}

func (d *Driver) stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.quit = true
	for _, w := range d.waiters {
		close(w.done)
	}
	d.waiters = nil
}

// snapshot copies the counts so a frame stays true after later updates.
func snapshot(f Frame) Frame {
	counts := make(map[string]int, len(f.counts))
	for k, v := range f.counts {
		counts[k] = v
	}
	f.counts = counts
	return f
}

func typeName(msg tea.Msg) string {
	if msg == nil {
		return "<nil>"
	}
	return reflect.TypeOf(msg).String()
}
