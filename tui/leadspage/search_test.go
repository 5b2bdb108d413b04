package leadspage

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/internal/tuitest"
)

// Typing a word sends one search: each keystroke replaces the pending
// pause, and only the last pause's end searches.
func TestTypingSearchesOnceTypingPauses(t *testing.T) {
	r := newRig(t, sandbox.Faults{})
	r.activate()
	r.srv.ResetCounts()
	word := "Oliver Ben"
	var pauses []tea.Cmd
	for i := range word {
		pauses = append(pauses, r.query(word[:i+1], false))
	}
	if r.listRequests() != 0 || r.p.Query() != word {
		t.Fatalf("typing sent %d requests, query %q", r.listRequests(), r.p.Query())
	}
	for _, cmd := range pauses {
		r.run(cmd)
	}
	if r.listRequests() != 1 {
		t.Fatalf("a 10-letter word sent %d list requests", r.listRequests())
	}
	r.requireScreen("“Oliver Ben”")
	// Enter on the same text changes nothing; a lead ID is not searched.
	r.run(r.query(word, true))
	if cmd := r.query("10000001", false); cmd != nil || r.p.Query() != word {
		t.Errorf("a lead ID started a search or replaced the query: %q", r.p.Query())
	}
	if r.listRequests() != 1 {
		t.Errorf("%d list requests after enter on the same text and a lead ID", r.listRequests())
	}
}

// A newer search cancels the one in flight; the stale answer never shows.
func TestANewSearchCancelsTheOldOne(t *testing.T) {
	r := newRig(t, sandbox.Faults{})
	r.activate()
	stale := r.query("Acme", true)
	fresh := r.query(sandbox.SearchPhoneContactName, true)
	msgs := r.run(stale)
	if len(msgs) != 1 {
		t.Fatalf("the stale search answered %v", msgs)
	}
	if pm, ok := msgs[0].(pageMsg); !ok || !errorsIsCanceled(pm.err) {
		t.Fatalf("the stale search was not cancelled: %#v", msgs[0])
	}
	if r.view().table.Len() != 0 || strings.Contains(r.p.View(), "Could not") {
		t.Fatalf("the stale answer reached the screen:\n%s", r.p.View())
	}
	r.run(fresh)
	r.requireScreen("“" + sandbox.SearchPhoneContactName + "”")
	for _, l := range r.view().table.Leads() {
		if !strings.Contains(l.Name, "Oliver") {
			t.Errorf("lead %q is not Oliver's", l.Name)
		}
	}
}

// A phone number finds the leads of the contact that has it, merged with
// Kommo's lead search.
func TestAPhoneFindsTheContactsLeads(t *testing.T) {
	r := newRig(t, sandbox.Faults{}, everyLead)
	r.activate()
	r.run(r.query(sandbox.SearchPhone, true))
	if n := r.view().table.Len(); n != sandbox.SearchPhoneLeads {
		t.Fatalf("%d leads for %s, want %d", n, sandbox.SearchPhone, sandbox.SearchPhoneLeads)
	}
	if r.srv.Requests(sandbox.EndpointContacts) == 0 {
		t.Error("the contacts were not searched")
	}
}

func TestSearchFailureSaysSoAndEnterRetries(t *testing.T) {
	r := newRig(t, sandbox.Faults{})
	r.activate()
	r.srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultStatus, Status: 503})
	r.run(r.query("Acme", true))
	r.requireScreen("Could not load the leads: Kommo server error", "r tries again")
	r.srv.ClearFaults()
	r.run(r.query("Acme", true))
	if r.view().table.Len() == 0 || r.view().list.err != nil {
		t.Fatalf("enter did not retry the failed search:\n%s", r.p.View())
	}
}

// The find box's text is the view's own: QueryMsg edits the view on screen.
func TestEachViewKeepsItsRowsCursorAndSearch(t *testing.T) {
	r := newRig(t, sandbox.Faults{})
	r.activate()
	r.press("down", "down", "down")
	mine := r.selected()
	r.press("tab")
	if r.p.active != 1 || r.selected() == mine {
		t.Fatalf("tab: view %d, cursor on %d", r.p.active, r.selected())
	}
	r.run(r.query("Oliver", true))
	r.press("down")
	oliver := r.selected()
	requests := r.listRequests()

	r.press("shift+tab")
	if r.selected() != mine || r.p.Query() != "" {
		t.Fatalf("back on the first view: cursor on %d (was %d), query %q", r.selected(), mine, r.p.Query())
	}
	r.press("alt+2")
	if r.selected() != oliver || r.p.Query() != "Oliver" {
		t.Fatalf("alt+2: cursor on %d (was %d), query %q", r.selected(), oliver, r.p.Query())
	}
	if r.listRequests() != requests {
		t.Errorf("switching back and forth sent %d requests", r.listRequests()-requests)
	}
	r.press("alt+9") // no ninth view: nothing happens
	if r.p.active != 1 {
		t.Errorf("alt+9 moved to view %d", r.p.active)
	}
}

// Enter on a row asks the root to open that lead.
func TestEnterOpensTheLeadUnderTheCursor(t *testing.T) {
	r := newRig(t, sandbox.Faults{})
	r.activate()
	r.press("down")
	cmd := r.p.Update(tuitest.Key("enter"))
	nav, ok := cmd().(common.NavigateMsg)
	if !ok || nav.Target.Kind != common.TargetLead || nav.Target.ID != r.selected() {
		t.Fatalf("enter sent %#v", nav)
	}
	if r.p.WebURL() != r.c.Client.LeadWebURL(r.selected()) {
		t.Errorf("o would open %q", r.p.WebURL())
	}
}
