package leadlist

import (
	"testing"

	"github.com/muesli/termenv"
)

func TestSelectAndLeadsAndTheContactColumn(t *testing.T) {
	m := New(testContext(termenv.Ascii))
	m.SetSize(100, 12)
	m.SetLeads(leads(1, 40))
	if !m.Select(31) {
		t.Fatal("lead 31 is loaded but could not be selected")
	}
	if sel, _ := m.Selected(); sel.ID != 31 || !m.NearEnd() {
		t.Errorf("selected %d, near the end %v", sel.ID, m.NearEnd())
	}
	if m.Select(99) {
		t.Error("a lead not loaded was selected")
	}
	if got := m.Leads(); len(got) != 40 || got[0].ID != 1 || got[0].Raw != nil {
		t.Errorf("Leads: %d rows, first %d, raw kept %v", len(got), got[0].ID, got[0].Raw != nil)
	}
	for _, tc := range []struct {
		width int
		shows bool
	}{{80, false}, {100, false}, {160, true}} {
		m.SetSize(tc.width, 12)
		if got := m.ShowsContacts(); got != tc.shows {
			t.Errorf("%d wide: shows the contact column %v, want %v", tc.width, got, tc.shows)
		}
	}
}
