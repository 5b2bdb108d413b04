package leadspage

import (
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
)

func TestSortCyclesUpdatedCreatedAndPrice(t *testing.T) {
	r := newRig(t, sandbox.Faults{}, everyLead)
	r.activate()
	ordered := func(key func(l *api.Lead) float64) bool {
		rows := r.view().table.Leads()
		for i := 1; i < len(rows); i++ {
			if key(&rows[i]) > key(&rows[i-1]) {
				return false
			}
		}
		return len(rows) > 0
	}
	updated := func(l *api.Lead) float64 { return float64(l.UpdatedAt) }
	created := func(l *api.Lead) float64 { return float64(l.CreatedAt) }
	if !ordered(updated) {
		t.Fatal("the list is not newest update first")
	}

	r.press("s")
	if !ordered(created) || r.listRequests() != 2 {
		t.Fatalf("s: created order %v, %d requests", ordered(created), r.listRequests())
	}
	r.requireScreen("by created ↓")

	r.press("end") // two pages loaded before sorting by price
	r.press("s")
	if !ordered(price) || r.listRequests() != 3 {
		t.Fatalf("s again: price order %v, %d requests", ordered(price), r.listRequests())
	}
	if !strings.Contains(r.p.Status().Text, "Sorted by price on this computer, over the 500 leads loaded so far") {
		t.Errorf("status %q", r.p.Status().Text)
	}
	r.requireScreen("by price ↓ (loaded rows)")
	r.press("end") // a page loaded while sorted by price joins in order
	if r.view().table.Len() != 3*PageSize || !ordered(price) {
		t.Fatalf("after the next page: %d rows, price order %v", r.view().table.Len(), ordered(price))
	}

	r.press("s")
	if !ordered(updated) || r.listRequests() != 5 {
		t.Fatalf("s a third time: updated order %v, %d requests", ordered(updated), r.listRequests())
	}
}
