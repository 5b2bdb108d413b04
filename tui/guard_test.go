package tui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// panicky panics where it is told to: in Update, in View, or in a command.
type panicky struct {
	where string
	ticks int
}

type goMsg struct{}

func (p panicky) Init() tea.Cmd {
	return func() tea.Msg { return goMsg{} }
}

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(goMsg); !ok {
		return p, nil
	}
	switch p.where {
	case "update":
		var m map[string]int
		m["boom"]++ // a nil map write, as a real bug would
	case "command":
		return p, tea.Batch(nil, func() tea.Msg { panic("boom in a command") })
	case "view":
		p.ticks++
	}
	return p, nil
}

func (p panicky) View() string {
	if p.where == "view" && p.ticks > 0 {
		panic("boom in view")
	}
	return "ok"
}

func TestGuardEndsTheProgramCleanlyOnAPanic(t *testing.T) {
	for _, where := range []string{"update", "command", "view"} {
		t.Run(where, func(t *testing.T) {
			var out bytes.Buffer
			g := guard{inner: panicky{where: where}, caught: &caught{}}
			p := tea.NewProgram(g, tea.WithInput(nil), tea.WithOutput(&out), tea.WithoutCatchPanics(), tea.WithoutSignals())
			g.caught.quit = p.Quit
			done := make(chan error, 1)
			go func() { _, err := p.Run(); done <- err }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				p.Kill()
				t.Fatal("the program did not end after the panic")
			}
			bug := g.caught.panicked()
			if bug == nil {
				t.Fatal("the panic was not caught")
			}
			if !strings.Contains(bug.Error(), "internal error") || len(bug.Stack) == 0 {
				t.Errorf("panic error %q, stack %d bytes", bug.Error(), len(bug.Stack))
			}
			if strings.Contains(out.String(), "goroutine ") {
				t.Errorf("a stack trace reached the terminal: %q", out.String())
			}
		})
	}
}
