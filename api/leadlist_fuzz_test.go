package api

import (
	"encoding/json"
	"net/http"
	"testing"
)

// Seed corpora live in testdata/fuzz/<FuzzName>/ (pages and contacts the
// sandbox serves, and odd shapes); `go test -fuzz=^FuzzName$` explores from them.

// FuzzDecodeLeadPage: any body decodes without panicking; a JSON object
// never fails; a page keeps at most its cap, every kept lead has an ID and
// its own bytes as Raw, and a next page is only claimed after leads.
func FuzzDecodeLeadPage(f *testing.F) {
	const keep = 5
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := decodeLeadPage("fuzz", &response{status: http.StatusOK, body: body}, keep)
		if err != nil {
			if json.Valid(body) && firstByte(body) == '{' {
				t.Fatalf("a JSON object failed: %v", err)
			}
			return
		}
		if len(p.Leads) > keep || p.Dropped < 0 || (p.HasNext && len(p.Leads) == 0) {
			t.Fatalf("kept %d, dropped %d, next %v", len(p.Leads), p.Dropped, p.HasNext)
		}
		for _, l := range p.Leads {
			if l.ID <= 0 || !json.Valid(l.Raw) || firstByte(l.Raw) != '{' {
				t.Fatalf("lead %d with Raw %q", l.ID, l.Raw)
			}
			var again Lead
			again.decodeLooseJSON(l.Raw)
			if again.ID != l.ID {
				t.Fatalf("Raw decodes to lead %d, not %d", again.ID, l.ID)
			}
			LeadQuery{Text: "a", Tags: []string{"b"}}.Matches(&l)
		}
	})
}

// FuzzContactWithLeads: a contact (or company) body, as GetContact and the
// contact search read it, decodes without panicking or failing, and the
// lead IDs a search takes from a list of them are bounded, positive and distinct.
func FuzzContactWithLeads(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		var c Contact
		if err := json.Unmarshal(body, &c); err != nil && json.Valid(body) && firstByte(body) == '{' {
			t.Fatalf("a JSON object failed: %v", err)
		}
		c.Phones()
		var co Company
		_ = json.Unmarshal(body, &co)
		if !json.Valid(body) {
			return
		}
		ids := contactsLeadIDs(body, 3, 4)
		if len(ids) > 4 {
			t.Fatalf("%d IDs", len(ids))
		}
		seen := map[int64]bool{}
		for _, id := range ids {
			if id <= 0 || seen[id] {
				t.Fatalf("IDs %v", ids)
			}
			seen[id] = true
		}
	})
}
