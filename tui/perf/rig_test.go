package perf_test

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui"
	"github.com/leadscope/leadscope/tui/perf"
	"github.com/muesli/termenv"
)

// Screen size of every driven model: the README's reference terminal.
const (
	screenWidth  = 120
	screenHeight = 40
	// waitLimit only bounds a broken run; healthy waits end at the frame
	// they are waiting for.
	waitLimit = 20 * time.Second
	// quitGrace covers the status line's fade timer (4 s), the longest
	// command the model starts.
	quitGrace = 10 * time.Second
)

var fixedNow = time.Date(2024, 5, 2, 9, 30, 0, 0, time.UTC)

// renderer returns a renderer on io.Discard: Ascii draws no styling at
// all, TrueColor styles every frame as a colour terminal would.
func renderer(profile termenv.Profile) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(profile)
	r.SetHasDarkBackground(true)
	return r
}

// newClient builds the real api client on its own transport, so a test can
// close its idle connections before checking for leaked goroutines.
func newClient(tb testing.TB, baseURL string, creds api.Credentials, adjust func(*api.Options)) (*api.Client, *http.Transport) {
	tb.Helper()
	tr := http.DefaultTransport.(*http.Transport).Clone()
	opts := api.Options{BaseURL: baseURL, Credentials: creds, HTTPClient: &http.Client{Transport: tr}}
	if adjust != nil {
		adjust(&opts)
	}
	c, err := api.New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	return c, tr
}

// session is the tui model under a Driver.
type session struct {
	tb  testing.TB
	drv *perf.Driver
}

func startSession(tb testing.TB, c *api.Client, profile termenv.Profile) *session {
	tb.Helper()
	return startSessionAt(tb, c, profile, 0)
}

// startSessionAt starts as `leadscope <id>` does when initial is not 0.
func startSessionAt(tb testing.TB, c *api.Client, profile termenv.Profile, initial int64) *session {
	tb.Helper()
	return startSessionWith(tb, tui.Options{Client: c, Renderer: renderer(profile), InitialLead: initial})
}

// startSessionWith starts the model with opts, completed with the rig's
// account label, zone and clock.
func startSessionWith(tb testing.TB, opts tui.Options) *session {
	tb.Helper()
	opts.Account = "sandbox"
	opts.Location = time.UTC
	opts.Now = func() time.Time { return fixedNow }
	return &session{tb: tb, drv: perf.Start(tui.New(opts), screenWidth, screenHeight)}
}

// waitDirectory waits for the start-up prefetch to have answered and the
// leads list it opens on to have settled, so what comes next is counted
// and timed alone.
func (s *session) waitDirectory() perf.Frame {
	s.tb.Helper()
	f, err := s.drv.Await(func(f perf.Frame) bool { return f.Processed("tui.directoryMsg") > 0 && settled(f) }, waitLimit)
	if err != nil {
		s.tb.Fatal(err)
	}
	return f
}

// typeLead puts id into the find box without submitting it, whatever has
// the focus: "/" enters the box (or types a "/" when it has the focus), and
// ctrl+u clears the field, which may hold that "/" or the ID of a failed
// lookup put back for correcting. (esc would go back a page.)
func (s *session) typeLead(id int64) {
	s.drv.Send(runes("/"))
	s.drv.Send(tea.KeyMsg{Type: tea.KeyCtrlU})
	for _, r := range strconv.FormatInt(id, 10) {
		s.drv.Send(runes(string(r)))
	}
}

// press sends a key and waits until the lookup it may start has settled.
func (s *session) press(msg tea.Msg) perf.Frame {
	s.tb.Helper()
	f, err := s.drv.SendAndWait(msg, settled, waitLimit)
	if err != nil {
		s.tb.Fatal(err)
	}
	return f
}

// open types id, presses enter and waits until the lookup has settled.
func (s *session) open(id int64) perf.Frame {
	s.tb.Helper()
	s.typeLead(id)
	return s.press(enter)
}

// quit leaves the model with ctrl+c (which cancels its fetches) and waits
// for its commands to return.
func (s *session) quit() {
	s.tb.Helper()
	if err := s.drv.Quit(tea.KeyMsg{Type: tea.KeyCtrlC}, quitGrace); err != nil {
		s.tb.Error(err)
	}
}

var enter = tea.KeyMsg{Type: tea.KeyEnter}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// The lead page's tabs as tabKey numbers them.
const (
	tabFields = 1
	tabFeed   = 6
	tabTasks  = 7
	tabJSON   = 8
)

// tabKey jumps to the lead page's tab n (1-based), as alt+n does.
func tabKey(n int) tea.KeyMsg {
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune('0' + n)}, Alt: true}
}

// loadingMarks are the status texts of work in flight.
var loadingMarks = []string{"Loading lead", "Refreshing lead", "Loading contacts, companies and products", "Loading the account",
	"Loading the feed", "Loading older entries", "Loading tasks", "Loading field names",
	"Loading leads", "Loading more leads", "Searching…"}

// settled reports a screen with nothing in flight: a lead with its tabs
// resolved, or an error. The model exports no such state, so it is read
// from the screen twice over: no loading text and no spinner frame (the
// spinner shows exactly while a lookup or the prefetch runs), so a change
// of wording alone cannot make a benchmark stop early.
func settled(f perf.Frame) bool {
	for _, m := range loadingMarks {
		if strings.Contains(f.View, m) {
			return false
		}
	}
	return !strings.ContainsAny(f.View, spinnerFrames)
}

var spinnerFrames = strings.Join(spinner.MiniDot.Frames, "")

// leadSettled is settled but for the account's names: the lead and every
// one of its parts have arrived, the names may still be on their way.
func leadSettled(f perf.Frame) bool {
	for _, m := range loadingMarks {
		if m != "Loading the account" && strings.Contains(f.View, m) {
			return false
		}
	}
	return true
}

// showsLead reports whether the summary of lead id is on screen: its title
// line ends in "#id".
func showsLead(view string, id int64) bool {
	return strings.Contains(view, "#"+strconv.FormatInt(id, 10))
}

// statusLine is the screen's second line: the ID input and the status.
func statusLine(view string) string {
	lines := strings.SplitN(view, "\n", 4)
	if len(lines) < 3 {
		return view
	}
	return lines[1] + "\n" + lines[2]
}

// leadRequests is what the sandbox counted for one lead view.
type leadRequests struct{ leads, contacts, companies, catalogElements int }

func countedLeadRequests(srv *sandbox.Server) leadRequests {
	return leadRequests{
		leads:           srv.Requests(sandbox.EndpointLeads),
		contacts:        srv.Requests(sandbox.EndpointContacts),
		companies:       srv.Requests(sandbox.EndpointCompanies),
		catalogElements: srv.Requests(sandbox.EndpointCatalogElements),
	}
}

func (r leadRequests) total() int { return r.leads + r.contacts + r.companies + r.catalogElements }
