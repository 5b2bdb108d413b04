package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/leadspage"
	"github.com/leadscope/leadscope/tui/views"
)

func listOnScreen(t *testing.T, m Model) *leadspage.Page {
	t.Helper()
	p, ok := m.hist.current().(*leadspage.Page)
	if !ok {
		t.Fatalf("the leads list is not on screen:\n%s", m.View())
	}
	return p
}

// `leadscope ID`: the lead shows first, with the list behind it in
// history, unfetched; esc shows the list, which loads then.
func TestALeadGivenAtStartOpensOverAnUnfetchedList(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadBasic
	m := start(t, newTestModel(t, opts, 100, 30))
	if leadOnScreen(m) != sandbox.LeadBasic || len(m.hist.pages) != 2 || !m.keys.Back.Enabled() {
		t.Fatalf("lead %d on screen, %d pages", leadOnScreen(m), len(m.hist.pages))
	}
	if n := srv.Requests(sandbox.EndpointLeads); n != 1 {
		t.Fatalf("%d lead requests: the list fetched before it was shown", n)
	}
	m = press(t, m, keyMsg("esc"))
	listOnScreen(t, m)
	requireContains(t, m.View(), "My open leads 250+", "250 leads · more")
	if n := srv.Requests(sandbox.EndpointLeads); n != 2 {
		t.Errorf("%d lead requests after esc, want the lead and page 1", n)
	}
}

// A lead that cannot be opened at start leaves the list on screen, loaded.
func TestAMissingLeadAtStartShowsTheList(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	opts := testOptions(c)
	opts.InitialLead = sandbox.LeadMissing
	m := start(t, newTestModel(t, opts, 100, 30))
	listOnScreen(t, m)
	requireContains(t, m.View(), "not found", "My open leads 250+")
}

// Back and forward keep the list's view, search, cursor and scroll.
func TestBackToTheListKeepsItsState(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 120, 40))
	m = press(t, m, keyMsg("tab"))
	m = lookUp(t, m, "Oliver")
	for range 25 {
		m = press(t, m, keyMsg("down"))
	}
	list := listOnScreen(t, m)
	before := withoutFooter(m.View())
	position := list.Position()
	srv.ResetCounts()

	m = press(t, m, keyMsg("enter"))
	if leadOnScreen(m) == 0 {
		t.Fatal("enter did not open the lead")
	}
	m = press(t, m, keyMsg("esc"))
	listOnScreen(t, m)
	if list.Position() != position || m.input.value() != "Oliver" {
		t.Fatalf("back: position %q (was %q), box %q", list.Position(), position, m.input.value())
	}
	if after := withoutFooter(m.View()); after != before {
		t.Errorf("the list changed on return:\n%s\nwas:\n%s", after, before)
	}
	if n := srv.Requests(sandbox.EndpointLeads); n != 1 {
		t.Errorf("the visit and return sent %d lead requests, want the lead's only", n)
	}
	m = press(t, m, keyMsg("]"))
	if leadOnScreen(m) == 0 {
		t.Error("forward did not return to the lead")
	}
}

// withoutFooter drops the last line, whose keys change with history.
func withoutFooter(view string) string {
	return view[:strings.LastIndex(view, "\n")]
}

// Digits typed on the list start a lead, never added to the search;
// leaving the box puts the search back.
func TestDigitsOnTheListOpenALead(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 100, 30))
	m = lookUp(t, m, "Oliver")
	rows := listOnScreen(t, m).Position()
	m = press(t, m, keyMsg("1"))
	if m.input.value() != "1" || listOnScreen(t, m).Position() != rows {
		t.Fatalf("a digit made the box %q and the list %q", m.input.value(), listOnScreen(t, m).Position())
	}
	m = press(t, m, keyMsg("esc"))
	if m.input.value() != "Oliver" {
		t.Fatalf("leaving the box left %q in it", m.input.value())
	}
	m = press(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(c.LeadWebURL(sandbox.LeadLost)), Paste: true}, keyMsg("enter"))
	if leadOnScreen(m) != sandbox.LeadLost {
		t.Fatalf("a pasted URL on the list opened %d", leadOnScreen(m))
	}
	m = press(t, m, keyMsg("esc"))
	if m.input.value() != "Oliver" {
		t.Errorf("back on the list the box says %q", m.input.value())
	}
}

// While typing, tab switches views and the box shows that view's search.
func TestTabWhileTypingShowsTheViewsOwnSearch(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{})
	m := start(t, newTestModel(t, testOptions(c), 100, 30))
	m = lookUp(t, m, "Oliver")
	m = press(t, m, keyMsg("/"), keyMsg("tab"))
	if !m.input.focused() || m.input.value() != "" {
		t.Fatalf("tab while typing: focused %v, box %q", m.input.focused(), m.input.value())
	}
	m = press(t, m, keyMsg("shift+tab"))
	if m.input.value() != "Oliver" {
		t.Fatalf("back on the first view the box says %q", m.input.value())
	}
}

// The account failing at start: the list says so, r asks for it again.
func TestTheListWaitsForTheAccountAndRRetriesIt(t *testing.T) {
	srv, c := startSandbox(t, sandbox.Options{})
	srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointAccount, Fault: sandbox.FaultStatus, Status: 500, Times: 1})
	m := start(t, newTestModel(t, testOptions(c), 100, 30))
	requireContains(t, m.View(), "The account could not be loaded: Kommo server error", "r tries again")
	m = press(t, m, keyMsg("r"))
	requireContains(t, m.View(), "My open leads 250+", "250 leads · more")
}

// config.json's views follow the built-in ones as tabs; one naming a
// pipeline the account lacks says so in its tab, the others work.
func TestConfiguredViewsAreTabs(t *testing.T) {
	_, c := startSandbox(t, sandbox.Options{Now: func() time.Time { return testNow }})
	opts := testOptions(c)
	opts.Views = []views.View{
		{Name: "Renewals due", Pipeline: sandbox.PipelineRenewalsName, Stage: sandbox.RenewalsStatusDueName},
		{Name: "Typo", Pipeline: "Saels"},
	}
	m := start(t, newTestModel(t, opts, 160, 40))
	requireContains(t, m.View(), "Renewals due", "Typo")
	m = press(t, m, keyMsg("alt+5"))
	requireContains(t, m.View(), "Renewals ▸ Renewal due", "leads")
	m = press(t, m, keyMsg("alt+6"))
	requireContains(t, m.View(), `This view cannot be listed: view "Typo": no pipeline "Saels"`)
	if !strings.Contains(m.View(), "[Typo]") {
		t.Errorf("the active tab is not marked:\n%s", m.View())
	}
}
