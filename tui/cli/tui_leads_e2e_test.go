package cli_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api/sandbox"
)

// The demo opens on the leads list; a name typed into the find box searches
// it, enter opens the lead under the cursor, and esc comes back to the
// list with the search and the cursor where they were.
func TestTUILeadsListSearchOpenAndBack(t *testing.T) {
	s := startTmux(t, 120, 40, nil, "--demo")
	s.waitFor("DEMO", "My open leads 250+", "250 leads · more", "1 of 250+")
	s.send("Tab") // All open: every responsible
	s.waitFor("All open 250+", "1 of 250+")

	name := sandbox.SearchPhoneContactName
	s.send("/")
	s.sendText(name)
	list := s.waitFor("“"+name+"” · open", " leads\n", "1 of ")
	// A handful of leads, all loaded: "19 leads", not "250 leads · more".
	if m := foundCount.FindStringSubmatch(list); m == nil || atoi(m[1]) < 3 || atoi(m[1]) >= 250 {
		t.Fatalf("the search for %q did not find a handful of leads:\n%s", name, list)
	}
	s.send("Enter", "Down", "Down")
	list = s.waitFor("3 of ")
	selected := selectedRow(t, list)

	s.send("Enter")
	lead := s.waitFor("Fields", "Contacts", name)
	if !strings.Contains(lead, strings.TrimSuffix(selected, "…")) {
		t.Fatalf("enter opened another lead than %q:\n%s", selected, lead)
	}

	s.send("Escape")
	back := s.waitFor("“"+name+"” · open", "3 of ")
	if got := selectedRow(t, back); got != selected {
		t.Fatalf("back on the list the cursor is on %q, was on %q", got, selected)
	}
	if !strings.Contains(back, "Find ▸ "+name) {
		t.Fatalf("the find box lost the search:\n%s", back)
	}
	quitAndCheckRestored(t, s)
}

var (
	markedRow  = regexp.MustCompile(`(?m)^▌ (.+?)  `)
	foundCount = regexp.MustCompile(`(?m) (\d+) leads$`)
)

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// selectedRow is the name cell of the row the cursor marks.
func selectedRow(t *testing.T, screen string) string {
	t.Helper()
	m := markedRow.FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no row is selected:\n%s", screen)
	}
	return strings.TrimSpace(m[1])
}

// A lead given on the command line opens over the list; esc goes to the
// list, which loads only then.
func TestTUILeadArgumentOpensOverTheList(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	s := startTmux(t, 100, 30, sandboxEnv(srv), fmt.Sprint(sandbox.LeadBasic))
	s.waitFor(sandbox.LeadBasicName, "Contacts 2", "Catalog 2")
	if n := srv.Requests(sandbox.EndpointLeads); n != 1 {
		t.Errorf("the lead's view sent %d lead requests; the list must wait", n)
	}
	s.send("Escape")
	s.waitFor("My open leads 250+", "1 of 250+")
	quitAndCheckRestored(t, s)
}
