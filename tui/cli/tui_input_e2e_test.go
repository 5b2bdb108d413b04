package cli_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api/sandbox"
)

// alt+d in the find box crashed bubbles v1.0.0's text input (bubbles#1056).
func TestDeleteWordForwardInTheFindBoxDoesNotCrash(t *testing.T) {
	s := startTmux(t, 100, 30, nil, "--demo")
	s.waitFor("DEMO", "My open leads 250+")
	s.sendText("12")
	s.send("Left", "M-d")
	s.waitFor("Find ▸ 1\n")
	s.send("M-Delete", "BSpace")
	s.sendText(fmt.Sprint(sandbox.LeadBasic))
	s.send("Enter")
	s.waitFor(sandbox.LeadBasicName)
	quitAndCheckRestored(t, s)
}

// Keys typed faster than the program reads them arrive together; a lead
// URL typed or pasted while a lead is on screen opens that lead.
func TestFastTypingAndPastingWhileBrowsing(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	s := startTmux(t, 100, 30, sandboxEnv(srv), fmt.Sprint(sandbox.LeadBasic))
	s.waitFor(sandbox.LeadBasicName, "Contacts 2")
	s.sendText(fmt.Sprintf("/%d", sandbox.LeadLost))
	s.send("Enter")
	s.waitFor(sandbox.LostReasonName)
	s.sendText(srv.URL() + fmt.Sprintf("/leads/detail/%d", sandbox.LeadBasic))
	s.send("Enter")
	s.waitFor(sandbox.LeadBasicName, "Contacts 2")
	quitAndCheckRestored(t, s)
}

// Inside tmux, y hands the link to tmux's buffer, which tmux passes on to
// the outer terminal's clipboard with its default settings.
func TestCopyInsideTmuxReachesTmuxsBuffer(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	s := startTmux(t, 120, 30, sandboxEnv(srv), fmt.Sprint(sandbox.LeadBasic))
	s.waitFor(sandbox.LeadBasicName)
	s.send("y")
	want := srv.URL() + fmt.Sprintf("/leads/detail/%d", sandbox.LeadBasic)
	// The buffer, not the status line (which fades), is what proves it.
	deadline := time.Now().Add(10 * time.Second)
	for {
		if got, _ := s.tryTmux("show-buffer"); strings.TrimSpace(got) == want {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("tmux's buffer holds %q, want %q", got, want)
		}
		time.Sleep(100 * time.Millisecond)
	}
	quitAndCheckRestored(t, s)
}
