package cli_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api/sandbox"
)

// feedCount reads the Feed tab's head: "139 shown · 339 loaded · more", or
// "807 entries" once every page is in.
var feedCount = regexp.MustCompile(`(\d+) (?:shown · \d+ loaded|entries)`)

// TestTUIFeedInRealTerminal opens the huge lead in tmux, lets its story's
// first page arrive in the background, opens the feed and scrolls it until
// older pages load, then opens the lead that moved through five stages and
// reads its path in the Feed tab and its time in stage in the summary.
func TestTUIFeedInRealTerminal(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	s := startTmux(t, 120, 40, sandboxEnv(srv), fmt.Sprint(sandbox.LeadHuge))
	s.waitFor("#"+fmt.Sprint(sandbox.LeadHuge), "Contacts 250", "Feed 339+", "Tasks 30", "History      in Qualified for")
	s.send("M-6")
	screen := s.waitFor(" shown · ", "· more")
	first := feedCount.FindStringSubmatch(screen)
	if first == nil {
		t.Fatalf("no count in the feed's head:\n%s", screen)
	}
	if srv.Requests(sandbox.EndpointNotes) != 1 || srv.Requests(sandbox.EndpointEvents) != 1 {
		t.Fatalf("the feed's first page cost %v", srv.RequestCounts())
	}

	// Scroll to the end of what is shown: older pages load, and more
	// entries are shown than before.
	for range 5 {
		s.send("End")
	}
	shownFirst, _ := strconv.Atoi(first[1])
	grown := s.waitForScreen("more entries shown", func(screen string) bool {
		m := feedCount.FindStringSubmatch(screen)
		if m == nil || strings.Contains(screen, "Loading") {
			return false
		}
		shown, _ := strconv.Atoi(m[1])
		return shown > shownFirst
	})
	if srv.Requests(sandbox.EndpointEvents) < 2 {
		t.Fatalf("scrolling loaded no older events (%v):\n%s", srv.RequestCounts(), grown)
	}

	s.send("/")
	s.waitFor("lead ID")
	s.sendText(fmt.Sprint(sandbox.LeadStages))
	s.send("Enter")
	s.waitFor("#"+fmt.Sprint(sandbox.LeadStages), "Contacts 1")
	s.send("M-6")
	s.waitFor("Stages  Partnerships › Incoming leads 3d → First call 7d → Sales › Qualified 14d → Proposal sent 14d → Negotiation",
		"History      in Negotiation for", "Partnerships ▸ ")
	quitAndCheckRestored(t, s)
}

// waitForScreen polls the screen until ok holds; the deadline only bounds
// a broken run.
func (s *tmuxSession) waitForScreen(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		screen := s.screen()
		if ok(screen) {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %s; last screen:\n%s", what, screen)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
