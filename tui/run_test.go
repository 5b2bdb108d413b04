package tui

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api/sandbox"
	"go.uber.org/goleak"
)

// screen is a terminal stand-in that tells a test when some text appeared.
type screen struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	want string
	seen chan struct{}
}

func newScreen(want string) *screen { return &screen{want: want, seen: make(chan struct{})} }

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	before := strings.Contains(s.buf.String(), s.want)
	s.buf.Write(p)
	if !before && strings.Contains(s.buf.String(), s.want) {
		close(s.seen)
	}
	return len(p), nil
}

func (s *screen) waitFor(t *testing.T) {
	t.Helper()
	select {
	case <-s.seen:
	case <-time.After(20 * time.Second): // only bounds a broken run
		t.Fatalf("%q never appeared on the screen", s.want)
	}
}

// checkLeaks registers, before anything else, a check that runs after every
// other cleanup (the sandbox, the client's connections): Run must leave no
// goroutine behind.
func checkLeaks(t *testing.T) {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
}

func TestRunQuitsOnQ(t *testing.T) {
	checkLeaks(t)
	_, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadBasic
	in, keyboard := io.Pipe()
	out := newScreen(sandbox.LeadBasicName)
	done := make(chan error, 1)
	go func() { done <- Run(context.Background(), opts, in, out) }()
	out.waitFor(t)
	if _, err := keyboard.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run after q: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("q did not end Run")
	}
	keyboard.Close()
	out.mu.Lock()
	defer out.mu.Unlock()
	// The alternate screen is entered and left again.
	if s := out.buf.String(); !strings.Contains(s, "\x1b[?1049h") || !strings.Contains(s, "\x1b[?1049l") {
		t.Error("Run did not use the alternate screen")
	}
}

func TestRunEndsWithItsContext(t *testing.T) {
	checkLeaks(t)
	_, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadBasic
	ctx, cancel := context.WithCancel(context.Background())
	in, keyboard := io.Pipe()
	defer keyboard.Close()
	out := newScreen(sandbox.LeadBasicName)
	done := make(chan error, 1)
	go func() { done <- Run(ctx, opts, in, out) }()
	out.waitFor(t)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run after cancel: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("cancelling the context did not end Run")
	}
}
