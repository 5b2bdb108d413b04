package tui

import (
	"fmt"
	"runtime/debug"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
)

// PanicError is a bug caught inside the browser. The program ended with
// the terminal restored; Stack says where it happened, for a report.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("internal error: %v", e.Value) }

// guard runs a model so that a panic in Init, Update, View or any command
// ends the program cleanly (terminal restored, one error returned) instead
// of Bubble Tea's stack trace over the user's screen.
type guard struct {
	inner  tea.Model
	caught *caught
}

// caught holds the first panic; quit ends the program from View, which
// cannot return a command.
type caught struct {
	mu   sync.Mutex
	err  *PanicError
	quit func()
}

func (c *caught) record(r any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.err = &PanicError{Value: r, Stack: debug.Stack()}
	}
}

func (c *caught) panicked() *PanicError {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// panicMsg carries a command's panic back to Update.
type panicMsg struct{}

func (g guard) Init() (cmd tea.Cmd) {
	defer g.recover(func() { cmd = tea.Quit })
	return g.wrap(g.inner.Init())
}

func (g guard) Update(msg tea.Msg) (next tea.Model, cmd tea.Cmd) {
	defer g.recover(func() { next, cmd = g, tea.Quit })
	if _, ok := msg.(panicMsg); ok {
		return g, tea.Quit
	}
	inner, cmd := g.inner.Update(msg)
	return guard{inner: inner, caught: g.caught}, g.wrap(cmd)
}

func (g guard) View() (view string) {
	defer g.recover(func() {
		view = ""
		if g.caught.quit != nil {
			go g.caught.quit()
		}
	})
	return g.inner.View()
}

func (g guard) recover(after func()) {
	if r := recover(); r != nil {
		g.caught.record(r)
		after()
	}
}

// wrap makes cmd, and every command a batch of it leads to, report a panic
// as a panicMsg instead of crashing its goroutine.
func (g guard) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				g.caught.record(r)
				msg = panicMsg{}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			wrapped := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				wrapped[i] = g.wrap(c)
			}
			return wrapped
		}
		return msg
	}
}
