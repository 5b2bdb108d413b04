package leadspage

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/theme"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/internal/tuitest"
	"github.com/leadscope/leadscope/tui/views"
	"github.com/muesli/termenv"
)

// testNow is the clock of the tests and of their sandbox, so the bulk
// leads' dates ("8m ago") are the same on every run.
var testNow = time.Date(2024, 5, 2, 9, 30, 0, 0, time.UTC)

// rig is a leads page on a real sandbox over loopback, with the account
// data loaded as the root would have it.
type rig struct {
	t   *testing.T
	srv *sandbox.Server
	c   *common.Context
	p   *Page
}

// rigSetup is how the account data the rig starts with comes about.
type rigSetup struct {
	atLoad sandbox.Faults       // on while the account data loads
	dir    func(*api.Directory) // edits the loaded account data
}

func newRig(t *testing.T, faults sandbox.Faults, vs ...views.View) *rig {
	t.Helper()
	return newRigFrom(t, rigSetup{}, faults, vs...)
}

// newRigFrom starts a rig whose account data setup shaped; faults are on
// from then on.
func newRigFrom(t *testing.T, setup rigSetup, faults sandbox.Faults, vs ...views.View) *rig {
	t.Helper()
	srv := tuitest.StartSandbox(t, sandbox.Options{Now: func() time.Time { return testNow }})
	client := tuitest.NewClient(t, srv.URL())
	srv.SetFaults(setup.atLoad)
	dir, err := client.LoadDirectory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if setup.dir != nil {
		setup.dir(dir)
	}
	srv.SetFaults(faults)
	srv.ResetCounts()
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	c := &common.Context{
		Client: client, Styles: theme.New(r), Now: func() time.Time { return testNow },
		Names: common.NewNames(dir), NamesVersion: 1, Zone: common.Zone{Times: time.UTC, Dates: time.UTC},
		Lifetime: ctx, Debounce: 5 * time.Millisecond,
	}
	if len(vs) == 0 {
		vs = views.All(nil)
	}
	p := New(c, 1, vs)
	p.SetSize(120, 30)
	return &rig{t: t, srv: srv, c: c, p: p}
}

// run runs cmd and every command it leads to, delivering their messages
// to the page in order, until nothing is left; it returns the messages.
func (r *rig) run(cmd tea.Cmd) []tea.Msg {
	r.t.Helper()
	return tuitest.Run(cmd, r.p.Update)
}

// activate shows the page and lets it load.
func (r *rig) activate() { r.run(r.p.Activate()) }

// press sends keys to the page and runs what they start.
func (r *rig) press(keys ...string) {
	r.t.Helper()
	for _, k := range keys {
		r.run(r.p.Update(tuitest.Key(k)))
	}
}

// query sends the find box's text as the root does.
func (r *rig) query(text string, submitted bool) tea.Cmd {
	return r.p.Update(common.QueryMsg{Text: text, Submitted: submitted})
}

func (r *rig) view() *view { return r.p.views[r.p.active] }

func (r *rig) selected() int64 {
	l, _ := r.view().table.Selected()
	return l.ID
}

func (r *rig) listRequests() int { return r.srv.Requests(sandbox.EndpointLeads) }

func (r *rig) requireScreen(wants ...string) {
	r.t.Helper()
	screen := r.p.View()
	for _, w := range wants {
		if !strings.Contains(screen, w) {
			r.t.Fatalf("the page lacks %q:\n%s", w, screen)
		}
	}
}
