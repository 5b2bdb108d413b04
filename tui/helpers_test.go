package tui

import (
	"io"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/internal/tuitest"
	"github.com/leadscope/leadscope/tui/leadpage"
	"github.com/muesli/termenv"
)

// testNow is the fixed clock of every test: relative hints stay the same.
var testNow = time.Date(2024, 5, 2, 9, 30, 0, 0, time.UTC)

func plainRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	r.SetHasDarkBackground(true)
	return r
}

// startSandbox runs a seeded Kommo sandbox on loopback and a client for
// it, both with their rate limits out of the way (see tuitest).
func startSandbox(t testing.TB, opts sandbox.Options) (*sandbox.Server, *api.Client) {
	t.Helper()
	srv := tuitest.StartSandbox(t, opts)
	return srv, tuitest.NewClient(t, srv.URL())
}

func testOptions(c *api.Client) Options {
	return Options{
		Client:   c,
		Account:  "sandbox",
		Renderer: plainRenderer(),
		Location: time.UTC,
		Now:      func() time.Time { return testNow },
	}
}

// newTestModel builds a model sized w x h with its side doors closed:
// no browser, OSC 52 into a buffer the test can read, no fade timers, and
// searches on every change of the find box instead of after a pause.
func newTestModel(t testing.TB, opts Options, w, h int) Model {
	t.Helper()
	m := New(opts)
	m.open = func(string) error { return errNoBrowserInTests }
	m.c.Fade = 0
	m.c.Debounce = 0
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(Model)
}

type testError string

func (e testError) Error() string { return string(e) }

const errNoBrowserInTests = testError("no browser in tests")

// drive runs cmd and every command it leads to, feeding their messages to
// the model in order, until nothing is left. Spinner ticks are dropped: they
// only animate. It returns the model and the messages it saw.
func drive(t testing.TB, m Model, cmd tea.Cmd) (Model, []tea.Msg) {
	t.Helper()
	var seen []tea.Msg
	tuitest.Run(cmd, func(msg tea.Msg) tea.Cmd {
		if _, tick := msg.(spinner.TickMsg); tick {
			return nil
		}
		seen = append(seen, msg)
		next, more := m.Update(msg)
		m = next.(Model)
		return more
	})
	return m, seen
}

// start runs the model's Init to completion: directory and initial lead.
func start(t testing.TB, m Model) Model {
	t.Helper()
	m, _ = drive(t, m, m.Init())
	return m
}

// press sends keys (one tea.KeyMsg per element) and runs what they start.
func press(t testing.TB, m Model, keys ...tea.KeyMsg) Model {
	t.Helper()
	for _, k := range keys {
		next, cmd := m.Update(k)
		m, _ = drive(t, next.(Model), cmd)
	}
	return m
}

// keyMsg is the key press s names, as tuitest.Key reads it.
func keyMsg(s string) tea.KeyMsg { return tuitest.Key(s) }

// typeText types s into whatever has focus, one rune at a time.
func typeText(t testing.TB, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		m = press(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return m
}

// tabKey jumps to a lead page's tab (0-based), as alt+1… do.
func tabKey(tab int) tea.KeyMsg {
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune('1' + tab)}, Alt: true}
}

// The lead page's tabs, in order.
const (
	tabFields = iota
	tabTags
	tabContacts
	tabCompanies
	tabCatalog
	tabFeed
	tabTasks
	tabJSON
	tabCount
)

var tabTitles = [tabCount]string{"Fields", "Tags", "Contacts", "Companies", "Catalog", "Feed", "Tasks", "JSON"}

// leadOnScreen is the ID of the lead page on screen, 0 when another page is.
func leadOnScreen(m Model) int64 {
	if p, ok := m.hist.current().(*leadpage.Page); ok {
		return p.LeadID()
	}
	return 0
}
