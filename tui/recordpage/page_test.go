package recordpage

import (
	"context"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/theme"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/muesli/termenv"
)

var now = time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)

func testContext(t *testing.T, profile termenv.Profile) *common.Context {
	t.Helper()
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(profile)
	c, err := api.New(api.Options{BaseURL: "acme.kommo.com", Credentials: api.StaticToken("unused")})
	if err != nil {
		t.Fatal(err)
	}
	return &common.Context{
		Client: c, Styles: theme.New(r), Now: func() time.Time { return now },
		Zone: common.Zone{Times: time.UTC, Dates: time.UTC}, Lifetime: context.Background(),
		Names: common.NewNames(&api.Directory{
			Account:   &api.Account{Currency: "USD"},
			Pipelines: []api.Pipeline{{ID: 1, Name: "Sales", Statuses: []api.Status{{ID: 10, Name: "Proposal", Color: "#ffff99"}}}},
		}),
	}
}

// oddContact has what breaks layouts: double-width scripts, emoji, an
// unbroken 400-character word, escape sequences, empty names, many tags.
func oddContact(leads int) *api.Contact {
	wide := strings.Repeat("東京の大きな取引🎉", 12)
	word := strings.Repeat("x", 400)
	c := &api.Contact{ID: 7, Name: wide + "\x1b[2J", ResponsibleUserID: 99, CreatedAt: now.Unix() - 3600, UpdatedAt: now.Unix() - 60,
		CustomFields: []api.CustomField{
			{FieldID: 1, FieldName: wide, FieldType: "text", Values: []api.FieldValue{{Value: json.RawMessage(`"` + wide + `"`)}}},
			{FieldID: 2, FieldCode: "PHONE", FieldName: "Phone", FieldType: "multitext", Values: []api.FieldValue{{Value: json.RawMessage(`"` + word + `"`), EnumCode: "WORK"}}},
			{FieldID: 3, FieldName: "", FieldType: "price", Values: []api.FieldValue{{Value: json.RawMessage(`1e300`)}}},
		},
		Raw: []byte(`{"id":7,"name":"` + word + `"}`),
	}
	for i := range 60 {
		c.Embedded.Tags = append(c.Embedded.Tags, api.Tag{Name: wide[:i%12*3] + word[:i], Color: "#ff0000"})
	}
	for i := range leads {
		c.Embedded.Leads = append(c.Embedded.Leads, api.LeadRef{ID: int64(i + 1)})
	}
	c.Embedded.Companies = []api.CompanyRef{{ID: 5}, {ID: 5}, {ID: -1}}
	return c
}

func openOdd(t *testing.T, c *common.Context, leads int) *Page {
	t.Helper()
	p, ok := Opened(c, NewCache(), 1, FetchedMsg{Target: common.Target{Kind: common.TargetContact, ID: 7}, contact: oddContact(leads)})
	if !ok {
		t.Fatal("no page")
	}
	return p.(*Page)
}

func TestOddRecordFitsEverySizeAndTab(t *testing.T) {
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.TrueColor} {
		c := testContext(t, profile)
		p := openOdd(t, c, 3)
		p.SetSize(80, 20)
		p.Activate()
		seq := p.requests[reqLeads].seq
		p.Update(leadsMsg{page: 1, seq: seq, data: p.data, ids: p.data.rec.leadIDs, leads: []api.Lead{
			{ID: 3, Name: strings.Repeat("東京", 50), PipelineID: 1, StatusID: 10, Price: 1 << 40},
		}})
		for _, size := range [][2]int{{1, 1}, {20, 5}, {60, 16}, {80, 20}, {121, 37}, {250, 76}} {
			p.SetSize(size[0], size[1])
			for tab := range tabCount {
				p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune('1' + tab)}, Alt: true})
				p.Update(tea.KeyMsg{Type: tea.KeyEnd})
				checkFits(t, p.View(), size[0], size[1], "tab "+strconv.Itoa(int(tab)))
			}
		}
	}
}

func checkFits(t *testing.T, view string, w, h int, what string) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("%s at %dx%d: %d lines", what, w, h, len(lines))
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("%s at %dx%d: line %d is %d wide", what, w, h, i, lw)
		}
	}
	if strings.Contains(view, "\x1b[2J") {
		t.Errorf("%s: an escape sequence from the data reached the screen", what)
	}
}

func TestLeadsLoadInBoundedBatchesNewestFirst(t *testing.T) {
	d := newData(fromContact(oddContact(3000)))
	if got := d.rec.leadIDs[:3]; got[0] != 3000 || got[1] != 2999 || got[2] != 2998 {
		t.Fatalf("lead IDs not newest first: %v", got)
	}
	if got := len(d.rec.linkedIDs); got != 1 {
		t.Errorf("companies 5, 5, -1 became %d linked IDs", got)
	}
	batches := 0
	for d.moreLeads() {
		ids := d.nextLeadIDs()
		if len(ids) > leadBatch {
			t.Fatalf("a batch of %d IDs", len(ids))
		}
		d.addLeads(ids, nil, nil)
		batches++
	}
	if batches != maxLeads/leadBatch || d.leads.asked != maxLeads {
		t.Errorf("%d batches asked %d of 3000, want %d and %d", batches, d.leads.asked, maxLeads/leadBatch, maxLeads)
	}
	if d.notReturned() != maxLeads {
		t.Errorf("not returned: %d", d.notReturned())
	}
}

func TestPhonesAndEmailsComeFirst(t *testing.T) {
	fields := contactFieldsFirst([]api.CustomField{{FieldID: 1}, {FieldID: 2, FieldCode: "EMAIL"}, {FieldID: 3}, {FieldID: 4, FieldCode: "phone"}})
	var order []int64
	for _, f := range fields {
		order = append(order, f.FieldID)
	}
	if want := []int64{4, 2, 1, 3}; !equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
}

func equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestCacheKeepsTheNewestRecords(t *testing.T) {
	cache := NewCache()
	c := testContext(t, termenv.Ascii)
	for id := int64(1); id <= cacheSize+5; id++ {
		Opened(c, cache, 1, FetchedMsg{Target: common.Target{Kind: common.TargetCompany, ID: id}, company: &api.Company{ID: id}})
	}
	Opened(c, cache, 1, FetchedMsg{Target: common.Target{Kind: common.TargetCatalogElement, ID: 9, CatalogID: 2}, element: &api.CatalogElement{ID: 9, CatalogID: 2}})
	if _, ok := Open(c, cache, 2, common.Target{Kind: common.TargetCompany, ID: 1}); ok {
		t.Error("the oldest company is still cached")
	}
	if _, ok := Open(c, cache, 2, common.Target{Kind: common.TargetCompany, ID: cacheSize + 5}); !ok {
		t.Error("the newest company is not cached")
	}
	if _, ok := Open(c, cache, 2, common.Target{Kind: common.TargetContact, ID: cacheSize + 5}); ok {
		t.Error("a company answered for a contact of the same ID")
	}
	if _, ok := Open(c, cache, 2, common.Target{Kind: common.TargetCatalogElement, ID: 9, CatalogID: 3}); ok {
		t.Error("an element answered for another list")
	}
	if p, ok := Open(c, cache, 2, common.Target{Kind: common.TargetCatalogElement, ID: 9, CatalogID: 2}); !ok || p.WebURL() != "" {
		t.Errorf("element page: %v, web URL %q", ok, p.WebURL())
	}
	if n := cache.recency.Len(); n != cacheSize || len(cache.records)+len(cache.elements) != cacheSize {
		t.Errorf("the cache holds %d (%d records, %d elements), want %d", n, len(cache.records), len(cache.elements), cacheSize)
	}
}
