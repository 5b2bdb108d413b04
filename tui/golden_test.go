package tui

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/muesli/termenv"
)

// TestMain makes the bubbles' own default styles plain too, so goldens hold
// text only. Update them with: go test ./tui -run Golden -update
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	// The header names the zone times are in when it is not the machine's:
	// the screens must not depend on where the tests run.
	time.Local = time.UTC
	os.Exit(m.Run())
}

// requireGolden runs m as a real Bubble Tea program at w x h, sends keys,
// quits, and compares the final screen with testdata/<test name>.golden.
// The model arrives with its data loaded, so the screen does not depend on
// timing; the sandbox's random port is replaced by a fixed name.
func requireGolden(t *testing.T, m Model, sandboxURL string, w, h int, keys ...tea.KeyMsg) {
	t.Helper()
	m.startCmds = nil
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
	for _, k := range keys {
		tm.Send(k)
	}
	tm.Send(keyMsg("ctrl+c"))
	final, ok := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	if !ok {
		t.Fatal("the program did not end with a Model")
	}
	view := final.View()
	if sandboxURL != "" {
		view = strings.ReplaceAll(view, sandboxURL, "http://sandbox")
	}
	golden.RequireEqual(t, []byte(view))
}

func TestGoldenTabs(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.Demo = true
	opts.InitialLead = sandbox.LeadBasic
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 24}, {"120x40", 120, 40}} {
		for tab := 0; tab < tabCount; tab++ {
			t.Run(size.name+"/"+strings.ToLower(tabTitles[tab]), func(t *testing.T) {
				// A model of its own: quitting the last one ended its
				// fetches' context. press runs what the key starts (the
				// JSON tab's build, the story's requests) before the
				// screen is taken.
				loaded := start(t, newTestModel(t, opts, size.w, size.h))
				requireGolden(t, press(t, loaded, tabKey(tab)), srv.URL(), size.w, size.h)
			})
		}
	}
}

// TestGoldenStory is the lead that moved through five stages across two
// pipelines: its path and chips in the Feed, its overdue task in Tasks.
func TestGoldenStory(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadStages
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 24}, {"120x40", 120, 40}} {
		for _, tab := range []int{tabFeed, tabTasks} {
			t.Run(size.name+"/"+strings.ToLower(tabTitles[tab]), func(t *testing.T) {
				loaded := start(t, newTestModel(t, opts, size.w, size.h))
				requireGolden(t, press(t, loaded, tabKey(tab)), srv.URL(), size.w, size.h)
			})
		}
	}
}

// The leads list is what `leadscope --demo` opens on. The sandbox's bulk
// leads are dated from its clock: fixed here, so "updated 8m ago" stays.
func TestGoldenLeadsPage(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{Now: func() time.Time { return testNow }})
	opts := testOptions(c)
	opts.Demo = true
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 24}, {"120x40", 120, 40}} {
		// Each screen starts from its own model: pages are shared by pointer.
		loaded := func() Model { return start(t, newTestModel(t, opts, size.w, size.h)) }
		t.Run(size.name, func(t *testing.T) {
			requireGolden(t, loaded(), srv.URL(), size.w, size.h)
		})
		t.Run(size.name+"/filters", func(t *testing.T) {
			requireGolden(t, press(t, loaded(), keyMsg("f")), srv.URL(), size.w, size.h)
		})
		t.Run(size.name+"/no match", func(t *testing.T) {
			requireGolden(t, lookUp(t, loaded(), "no lead is called this"), srv.URL(), size.w, size.h)
		})
	}
}

func TestGoldenErrorState(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadBasic
	m := start(t, newTestModel(t, opts, 80, 24))
	m = lookUp(t, m, idText(sandbox.LeadMissing))
	requireGolden(t, m, srv.URL(), 80, 24)
}

func TestGoldenHelp(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadBasic
	m := start(t, newTestModel(t, opts, 80, 24))
	requireGolden(t, m, srv.URL(), 80, 24, keyMsg("?"))
}

func TestGoldenNotLoggedIn(t *testing.T) {
	opts := testOptions(nil)
	opts.LoginHint = "No Kommo credentials found."
	requireGolden(t, newTestModel(t, opts, 80, 24), "", 80, 24)
}
