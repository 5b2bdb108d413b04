package cli_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api/sandbox"
)

// From a lead to its contact, from the contact to another of its leads,
// then back twice: each page comes back as it was left.
func TestTUILeadToContactToAnotherLeadAndBack(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	s := startTmux(t, 100, 30, sandboxEnv(srv), fmt.Sprint(sandbox.LeadBasic))
	s.waitFor(sandbox.LeadBasicName, "Contacts 2")
	s.send("M-3")
	s.waitFor("enter open", sandbox.LeadBasicContactPhone)
	s.send("Enter")
	contactTitle := fmt.Sprintf("%s  #%d  contact", sandbox.LeadBasicContactName, sandbox.LeadBasicContact)
	s.waitFor(contactTitle, "Leads 6", "1 of 6")
	s.send("Down")
	screen := s.waitFor("2 of 6")
	name := selectedRowName(t, screen)
	s.send("Enter")
	s.waitFor("Fields", "Contacts", name)
	if strings.Contains(s.screen(), contactTitle) {
		t.Fatalf("enter on a lead row did not leave the contact:\n%s", s.screen())
	}
	s.send("[")
	s.waitFor(contactTitle, "2 of 6")
	s.send("[")
	s.waitFor(sandbox.LeadBasicName, "Contacts 2", "enter open", "1 of 2")
	quitAndCheckRestored(t, s)
}

// selectedRowName is the start of the lead name on the table's marked row.
func selectedRowName(t *testing.T, screen string) string {
	t.Helper()
	for _, line := range strings.Split(screen, "\n") {
		rest, ok := strings.CutPrefix(line, "▌ ")
		if !ok {
			continue
		}
		name := []rune(strings.TrimSpace(rest))
		return string(name[:min(len(name), 8)])
	}
	t.Fatalf("no marked row on screen:\n%s", screen)
	return ""
}
