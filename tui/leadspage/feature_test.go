package leadspage

import (
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
)

// requireMine checks that every row is an open lead of the current user:
// what "My open leads" promises, however the rows were filtered.
func (r *rig) requireMine() {
	r.t.Helper()
	rows := r.view().table.Leads()
	if len(rows) == 0 {
		r.t.Fatal("no rows")
	}
	for _, l := range rows {
		if l.ResponsibleUserID != sandbox.UserAdmin || l.StatusID == api.StatusWon || l.StatusID == api.StatusLost {
			r.t.Fatalf("lead %d (responsible %d, stage %d) is not an open lead of mine", l.ID, l.ResponsibleUserID, l.StatusID)
		}
	}
}

// forgetFlag plays account data that does not say whether filters work.
func forgetFlag(d *api.Directory) { d.Account.IsAPIFilterEnabled = nil }

func TestFiltersOnAreKommos(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup rigSetup
		asked int
	}{
		{"the account data says so", rigSetup{}, 0},
		{"asked once when it does not say", rigSetup{dir: forgetFlag}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRigFrom(t, tc.setup, sandbox.Faults{})
			r.activate()
			r.requireMine()
			r.press("tab", "tab")
			if n := r.srv.Requests(sandbox.EndpointAccount); n != tc.asked {
				t.Errorf("the filter feature was asked %d times, want %d", n, tc.asked)
			}
			if strings.Contains(r.p.View(), "filtered on this computer") || r.p.Status().Text != "" {
				t.Errorf("filters that Kommo applied are said to be applied here:\n%s", r.p.View())
			}
		})
	}
}

// On an account without the API filter feature, Kommo sends every lead:
// the rows are filtered here and the page says so, whether the account
// data said it, the account was asked, or page 1 proved it (the account
// did not say, or said it wrongly).
func TestFiltersOffAccountsAreFilteredHere(t *testing.T) {
	off := sandbox.Faults{FiltersDisabled: true}
	for _, tc := range []struct {
		name   string
		setup  rigSetup
		faults sandbox.Faults
	}{
		{"the account data says so", rigSetup{atLoad: off}, off},
		{"the account says so when asked", rigSetup{dir: forgetFlag}, off},
		{"page 1 proves it: the account cannot be asked", rigSetup{dir: forgetFlag},
			sandbox.Faults{FiltersDisabled: true, Endpoint: sandbox.EndpointAccount, Fault: sandbox.FaultStatus, Status: 500}},
		{"page 1 proves it: the account data is stale", rigSetup{}, off},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRigFrom(t, tc.setup, tc.faults)
			r.activate()
			r.requireMine()
			if r.p.Status().Text != FiltersOffNote {
				t.Errorf("status %q", r.p.Status().Text)
			}
			r.requireScreen("filtered on this computer")
			// Later pages, and other views, are filtered too.
			r.press("end")
			r.requireMine()
			r.press("alt+4")
			for _, l := range r.view().table.Leads() {
				if l.ClosestTaskAt == nil || *l.ClosestTaskAt > testNow.Unix() {
					t.Fatalf("lead %d has no overdue task", l.ID)
				}
			}
		})
	}
}

// Where this computer filters and a page keeps few rows, more pages come
// until the screen is full, within the page cap.
func TestFilteringHereReadsOnUntilTheScreenIsFull(t *testing.T) {
	r := newRig(t, sandbox.Faults{FiltersDisabled: true})
	r.activate()
	if n := r.view().table.Len(); n < r.p.tableHeight() && r.view().list.hasNext {
		t.Fatalf("%d rows and more pages, the screen holds %d", n, r.p.tableHeight())
	}
}
