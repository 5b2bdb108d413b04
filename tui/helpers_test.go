package tui

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
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

// startSandbox runs a seeded Kommo sandbox on loopback and a client for it.
// Rate limits are off on both sides unless opts sets one: these tests count
// the requests the model sends, and a 429 retried under a loaded machine's
// jitter would add one the model did not ask for.
func startSandbox(t testing.TB, opts sandbox.Options) (*sandbox.Server, *api.Client) {
	t.Helper()
	if opts.RateLimit == 0 {
		opts.RateLimit = -1
	}
	srv, err := sandbox.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	// Closing the client's idle connections first (cleanups run last in,
	// first out) lets the sandbox shut down at once instead of waiting for
	// connections it sees as new.
	tr := http.DefaultTransport.(*http.Transport).Clone()
	t.Cleanup(tr.CloseIdleConnections)
	c, err := api.New(api.Options{BaseURL: srv.URL(), Credentials: api.StaticToken(sandbox.Token), MaxRetries: -1, RatePerSecond: 10000,
		HTTPClient: &http.Client{Transport: tr}})
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
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
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		switch msg := msg.(type) {
		case nil:
			continue
		case tea.BatchMsg:
			queue = append(queue, msg...)
			continue
		case spinner.TickMsg:
			continue
		}
		seen = append(seen, msg)
		next, more := m.Update(msg)
		m = next.(Model)
		queue = append(queue, more)
	}
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

func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "pgup":
		return tea.KeyMsg{Type: tea.KeyPgUp}
	case "home":
		return tea.KeyMsg{Type: tea.KeyHome}
	case "end":
		return tea.KeyMsg{Type: tea.KeyEnd}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	if rest, ok := strings.CutPrefix(s, "alt+"); ok {
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(rest), Alt: true}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

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
