package sandbox

import (
	"slices"
	"testing"
	"time"
	"unicode"
)

func bulkLeadsOf(d *dataset) []*lead {
	var out []*lead
	for _, id := range BulkLeadIDs() {
		out = append(out, d.leads[id])
	}
	return out
}

func TestBulkSeedCoversTheListCases(t *testing.T) {
	anchor := time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC).Unix()
	d := seed(anchor)
	bulk := bulkLeadsOf(d)
	if len(bulk) != BulkLeads || BulkLeads < 2000 || len(d.leads) != len(LeadIDs()) {
		t.Fatalf("%d bulk leads, %d in all, %d listed", len(bulk), len(d.leads), len(LeadIDs()))
	}
	pipelines, users, states := map[int64]int{}, map[int64]int{}, map[string]int{}
	var updatedLastHalfHour, overdue, future, priced int
	for _, l := range bulk {
		if l == nil {
			t.Fatal("a bulk ID has no lead")
		}
		pipelines[l.PipelineID]++
		users[l.ResponsibleUserID]++
		switch l.StatusID {
		case StatusWon, StatusLost:
			states["closed"]++
			if l.ClosedAt == nil {
				t.Errorf("closed lead %d without closed_at", l.ID)
			}
		default:
			states["open"]++
			if !slices.Contains(openStages(l.PipelineID), l.StatusID) {
				t.Errorf("lead %d in stage %d not of pipeline %d", l.ID, l.StatusID, l.PipelineID)
			}
		}
		if l.UpdatedAt < l.CreatedAt || l.UpdatedAt > anchor {
			t.Errorf("lead %d created %d updated %d, anchor %d", l.ID, l.CreatedAt, l.UpdatedAt, anchor)
		}
		if anchor-l.UpdatedAt <= 30*60 {
			updatedLastHalfHour++
		}
		if l.ClosestTaskAt != nil && *l.ClosestTaskAt < anchor {
			overdue++
		} else if l.ClosestTaskAt != nil {
			future++
		}
		if l.Price > 0 {
			priced++
		}
	}
	if len(pipelines) != 3 || len(users) < 4 || states["open"] < BulkLeads/2 || states["closed"] < BulkLeads/10 {
		t.Errorf("pipelines %v, users %v, states %v", pipelines, users, states)
	}
	if updatedLastHalfHour < 40 || overdue < 100 || future < 300 || priced < BulkLeads*9/10 {
		t.Errorf("updated in the last half hour %d, overdue %d, future tasks %d, priced %d", updatedLastHalfHour, overdue, future, priced)
	}
}

func TestBulkNamesUseManyScripts(t *testing.T) {
	d := seed(seedEpoch)
	scripts := map[string]*unicode.RangeTable{
		"Cyrillic": unicode.Cyrillic, "Greek": unicode.Greek, "Han": unicode.Han, "Hiragana/Katakana": unicode.Katakana,
		"Hangul": unicode.Hangul, "Arabic": unicode.Arabic, "Hebrew": unicode.Hebrew, "Devanagari": unicode.Devanagari, "Thai": unicode.Thai,
	}
	seen := map[string]bool{}
	for _, l := range bulkLeadsOf(d) {
		for name, table := range scripts {
			for _, r := range l.Name {
				if unicode.Is(table, r) {
					seen[name] = true
				}
			}
		}
	}
	for name := range scripts {
		if !seen[name] {
			t.Errorf("no lead name in %s", name)
		}
	}
}

func TestNotableBulkRecords(t *testing.T) {
	d := seed(seedEpoch)
	pipelinesOf := func(ids []int64) map[int64]bool {
		out := map[int64]bool{}
		for _, id := range ids {
			out[d.leads[id].PipelineID] = true
		}
		return out
	}
	many := d.idx.contactLeads[ContactManyLeads]
	if len(many) != ContactManyLeadsCount || len(pipelinesOf(many)) < 2 || d.idx.contactByID[ContactManyLeads].Name != ContactManyLeadsName {
		t.Errorf("ContactManyLeads: %d leads in pipelines %v", len(many), pipelinesOf(many))
	}
	if n := len(d.idx.contactLeads[SearchPhoneContact]); n != SearchPhoneContactLeads {
		t.Errorf("SearchPhoneContact has %d leads", n)
	}
	if n := len(d.idx.contactLeads[SearchEmailContact]); n != SearchEmailLeads {
		t.Errorf("SearchEmailContact has %d leads", n)
	}
	company := d.idx.companyLeads[CompanyManyLeads]
	if len(company) != CompanyManyLeadsCount || len(pipelinesOf(company)) < 2 || d.idx.companyByID[CompanyManyLeads].Name != CompanyManyLeadsName {
		t.Errorf("CompanyManyLeads: %d leads in pipelines %v", len(company), pipelinesOf(company))
	}
	if n := len(d.idx.companyContacts[CompanyManyLeads]); n != CompanyManyLeadsContacts {
		t.Errorf("CompanyManyLeads has %d contacts", n)
	}
	if d.idx.contactByID[ContactMissing] != nil || d.idx.companyByID[CompanyMissing] != nil {
		t.Error("a missing record exists")
	}
}

// The demo opens on "All open" by update time: its first page must look
// like a real account, not like generated rows.
func TestFirstPageOfOpenLeadsIsVaried(t *testing.T) {
	d := seed(time.Now().Truncate(time.Minute).Unix())
	var page []*lead
	for k := len(d.idx.byUpdated) - 1; k >= 0 && len(page) < 50; k-- {
		if l := d.idx.byUpdated[k]; l.StatusID != StatusWon && l.StatusID != StatusLost {
			page = append(page, l)
		}
	}
	names, prices, users, stages := map[string]bool{}, map[int64]bool{}, map[int64]bool{}, map[[2]int64]bool{}
	for _, l := range page {
		names[l.Name] = true
		prices[l.Price] = true
		users[l.ResponsibleUserID] = true
		stages[[2]int64{l.PipelineID, l.StatusID}] = true
	}
	if len(page) != 50 || len(names) < 45 || len(prices) < 30 || len(users) < 5 || len(stages) < 8 {
		t.Errorf("first page: %d leads, %d names, %d prices, %d users, %d stages", len(page), len(names), len(prices), len(users), len(stages))
	}
}
