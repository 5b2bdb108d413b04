package cli_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api/sandbox"
)

// browseEveryTab walks the lead on screen through all eight tabs and checks that
// each shows names the API only gives as IDs, resolved by follow-up requests.
func browseEveryTab(t *testing.T, s *tmuxSession) {
	t.Helper()
	s.waitFor(sandbox.LeadBasicName, sandbox.LeadBasicStageName, "Contacts 2", "Catalog 2")
	s.send("M-8") // alt+8: JSON, so the wrap back to Fields below proves Tab moved
	s.waitFor(fmt.Sprintf(`"id": %d`, sandbox.LeadBasic))
	s.send("M-1")
	s.waitFor("Project code")
	tabs := []struct {
		name  string
		wants []string
	}{
		{"Tags", []string{sandbox.LeadBasicTagColored, sandbox.LeadBasicTagPlain}},
		{"Contacts", []string{sandbox.LeadBasicContactName, sandbox.LeadBasicContactPhone}},
		{"Companies", []string{sandbox.LeadBasicCompanyName}},
		{"Catalog", []string{sandbox.LeadBasicProductName, sandbox.LeadBasicServiceName, sandbox.CatalogProductsName}},
		{"Feed", []string{"Stages  Incoming leads", "36 entries"}},
		{"Tasks", []string{"Open · 3", "Completed · 2"}},
		{"JSON", []string{fmt.Sprintf(`"id": %d`, sandbox.LeadBasic)}},
		// The seed's first custom field of LeadBasic (api/sandbox/seed_fields.go).
		{"Fields, wrapped around", []string{"Project code ", "PRJ-2024-17"}}, // JSON shows "Project code" quoted
	}
	for _, tab := range tabs {
		s.send("Tab")
		s.waitFor(tab.wants...)
	}
}

func quitAndCheckRestored(t *testing.T, s *tmuxSession) {
	t.Helper()
	s.send("q")
	if code := s.waitExit(); code != 0 {
		t.Fatalf("exit code %d, want 0", code)
	}
	if s.alternateScreen() {
		t.Fatalf("terminal left on the alternate screen")
	}
	if screen := s.screen(); strings.Contains(screen, "Companies 1") {
		t.Fatalf("the TUI's screen was left behind:\n%s", screen)
	}
}

func TestTUIDemoInRealTerminal(t *testing.T) {
	s := startTmux(t, 120, 40, nil, "--demo")
	s.waitFor("DEMO", "My open leads 250+")
	s.sendText(fmt.Sprint(sandbox.LeadBasic))
	s.send("Enter")
	browseEveryTab(t, s)
	quitAndCheckRestored(t, s)
}

func TestTUIAgainstConfiguredAccount(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	s := startTmux(t, 100, 30, sandboxEnv(srv), fmt.Sprint(sandbox.LeadBasic))
	browseEveryTab(t, s)
	if srv.Requests(sandbox.EndpointLeads) != 1 {
		t.Errorf("one lead view cost %d lead requests", srv.Requests(sandbox.EndpointLeads))
	}
	// A pasted lead URL of this account in the input opens that lead.
	s.send("/")
	// Wait for the focused input: "/" and the text in one burst are issue 9's
	// dropped paste, which this test is not about.
	s.waitFor("lead ID")
	s.sendText(fmt.Sprintf("%s/leads/detail/%d", srv.URL(), sandbox.LeadLost))
	s.send("Enter")
	s.waitFor(sandbox.LostReasonName)
	quitAndCheckRestored(t, s)
}

func TestTUIWithoutCredentialsExplainsLogin(t *testing.T) {
	s := startTmux(t, 80, 24, nil)
	s.waitFor("leadscope login", "KOMMO_TOKEN", "--demo")
	quitAndCheckRestored(t, s)
}
