package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
)

// capturedQuery runs ListLeads against a server that answers 204 and
// returns the raw query string it received.
func capturedQuery(t *testing.T, q api.LeadQuery, page int) string {
	t.Helper()
	rec := serve(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	if _, err := newClient(t, rec.URL).ListLeads(context.Background(), q, page); err != nil {
		t.Fatalf("ListLeads: %v", err)
	}
	reqs := rec.requests()
	if len(reqs) != 1 || reqs[0].URL.Path != "/api/v4/leads" {
		t.Fatalf("requests %v", reqs)
	}
	return reqs[0].URL.RawQuery
}

func TestLeadQueryEncodesAsThePHPClient(t *testing.T) {
	from := time.Unix(1700000000, 0)
	to := time.Unix(1700086400, 0)
	q := api.LeadQuery{
		Text:               "Acme & co",
		IDs:                []int64{5, 6},
		PipelineIDs:        []int64{7000001},
		Statuses:           []api.StatusRef{{PipelineID: 7000001, StatusID: 142}, {PipelineID: 7000002, StatusID: 7000021}},
		ResponsibleUserIDs: []int64{8000001},
		UpdatedAt:          api.TimeRange{From: from, To: to},
		ClosestTaskAt:      api.TimeRange{To: to},
		Tags:               []string{"vip"},
		Sort:               api.LeadSort{Field: api.SortCreated, Ascending: true},
		Limit:              250,
		WithContacts:       true,
	}
	raw := capturedQuery(t, q, 3)
	for _, want := range []string{
		"query=Acme+%26+co",
		"filter%5Bid%5D%5B%5D=5&filter%5Bid%5D%5B%5D=6",
		"filter%5Bpipeline_id%5D%5B%5D=7000001",
		"filter%5Bstatuses%5D%5B0%5D%5Bpipeline_id%5D=7000001",
		"filter%5Bstatuses%5D%5B0%5D%5Bstatus_id%5D=142",
		"filter%5Bstatuses%5D%5B1%5D%5Bpipeline_id%5D=7000002",
		"filter%5Bstatuses%5D%5B1%5D%5Bstatus_id%5D=7000021",
		"filter%5Bresponsible_user_id%5D%5B%5D=8000001",
		"filter%5Bupdated_at%5D%5Bfrom%5D=1700000000",
		"filter%5Bupdated_at%5D%5Bto%5D=1700086400",
		"filter%5Bclosest_task_at%5D%5Bto%5D=1700086400",
		"order%5Bcreated_at%5D=asc",
		"limit=250", "page=3", "with=contacts",
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("query lacks %s:\n%s", want, raw)
		}
	}
	for _, never := range []string{"vip", "closest_task_at%5D%5Bfrom", "[", "]"} {
		if strings.Contains(raw, never) {
			t.Errorf("query holds %q:\n%s", never, raw)
		}
	}
}

func TestLeadQueryDefaults(t *testing.T) {
	raw := capturedQuery(t, api.LeadQuery{}, 1)
	if raw != "limit=50&order%5Bupdated_at%5D=desc&page=1" {
		t.Errorf("zero query sends %s", raw)
	}
	for limit, want := range map[int]string{-5: "limit=50", 1: "limit=1", 999: "limit=250"} {
		if raw := capturedQuery(t, api.LeadQuery{Limit: limit}, 1); !strings.Contains(raw, want+"&") {
			t.Errorf("Limit %d sends %s", limit, raw)
		}
	}
}

func TestListLeadsRefusesPageZero(t *testing.T) {
	rec := serve(t, func(w http.ResponseWriter, r *http.Request) { t.Error("a request was sent") })
	_, err := newClient(t, rec.URL).ListLeads(context.Background(), api.LeadQuery{}, 0)
	mustKind(t, err, api.ErrBadRequest)
}

func leadFromJSON(t *testing.T, s string) *api.Lead {
	t.Helper()
	var l api.Lead
	if err := json.Unmarshal([]byte(s), &l); err != nil {
		t.Fatal(err)
	}
	return &l
}

func TestLeadQueryMatches(t *testing.T) {
	l := leadFromJSON(t, `{"id":7,"name":"Поставка оборудования — ООО «Север»","pipeline_id":1,"status_id":11,
		"responsible_user_id":3,"created_at":1000,"updated_at":2000,"closed_at":null,"closest_task_at":1500,
		"custom_fields_values":[{"field_id":1,"values":[{"value":"ORD-77"}]},{"field_id":2,"values":[{"value":12.5}]}],
		"_embedded":{"tags":[{"id":1,"name":"VIP"}]}}`)
	at := func(sec int64) time.Time { return time.Unix(sec, 0) }
	for _, c := range []struct {
		name string
		q    api.LeadQuery
		want bool
	}{
		{"nothing", api.LeadQuery{}, true},
		{"name in another case", api.LeadQuery{Text: "  СЕВЕР "}, true},
		{"field value", api.LeadQuery{Text: "ord-77"}, true},
		{"numeric field", api.LeadQuery{Text: "12.5"}, true},
		{"absent text", api.LeadQuery{Text: "Acme"}, false},
		{"id", api.LeadQuery{IDs: []int64{6, 7}}, true},
		{"other id", api.LeadQuery{IDs: []int64{6}}, false},
		{"pipeline", api.LeadQuery{PipelineIDs: []int64{1}}, true},
		{"other pipeline", api.LeadQuery{PipelineIDs: []int64{2}}, false},
		{"stage pair", api.LeadQuery{Statuses: []api.StatusRef{{1, 11}}}, true},
		{"same stage, other pipeline", api.LeadQuery{Statuses: []api.StatusRef{{2, 11}}}, false},
		{"responsible", api.LeadQuery{ResponsibleUserIDs: []int64{3}}, true},
		{"other responsible", api.LeadQuery{ResponsibleUserIDs: []int64{4}}, false},
		{"updated inclusive", api.LeadQuery{UpdatedAt: api.TimeRange{From: at(2000), To: at(2000)}}, true},
		{"updated later", api.LeadQuery{UpdatedAt: api.TimeRange{From: at(2001)}}, false},
		{"created before", api.LeadQuery{CreatedAt: api.TimeRange{To: at(999)}}, false},
		{"task overdue", api.LeadQuery{ClosestTaskAt: api.TimeRange{To: at(1600)}}, true},
		{"never closed", api.LeadQuery{ClosedAt: api.TimeRange{From: at(1)}}, false},
		{"tag any case", api.LeadQuery{Tags: []string{"other", "vip"}}, true},
		{"tag absent", api.LeadQuery{Tags: []string{"cold"}}, false},
		{"all together", api.LeadQuery{Text: "север", PipelineIDs: []int64{1}, ResponsibleUserIDs: []int64{3}, Tags: []string{"VIP"}}, true},
		{"all but one", api.LeadQuery{Text: "север", PipelineIDs: []int64{1}, ResponsibleUserIDs: []int64{9}, Tags: []string{"VIP"}}, false},
	} {
		if got := c.q.Matches(l); got != c.want {
			t.Errorf("%s: Matches = %v", c.name, got)
		}
	}
	if (api.LeadQuery{}).Matches(nil) {
		t.Error("nil lead matches")
	}
}

func TestLeadQueryFiltersOnTheClient(t *testing.T) {
	q := api.LeadQuery{Text: "acme", PipelineIDs: []int64{1}, Tags: []string{"vip"}, Sort: api.LeadSort{Field: api.SortID}}
	if !q.HasFilters() || (api.LeadQuery{Sort: q.Sort, Limit: 250}).HasFilters() {
		t.Error("HasFilters")
	}
	if !(api.LeadQuery{Tags: []string{"x"}}).HasFilters() || !(api.LeadQuery{Text: "x"}).HasFilters() ||
		!(api.LeadQuery{ClosedAt: api.TimeRange{From: time.Unix(1, 0)}}).HasFilters() {
		t.Error("text, tags and ranges are filters")
	}
	if !q.SendsFilters() || (api.LeadQuery{Text: "x", Tags: []string{"y"}}).SendsFilters() {
		t.Error("SendsFilters")
	}
	on := q.LocalFilter(true)
	if on.Text != "" || on.PipelineIDs != nil || len(on.Tags) != 1 {
		t.Errorf("with filters applied only tags stay local: %+v", on)
	}
	off := q.LocalFilter(false)
	if off.Text != "" || len(off.PipelineIDs) != 1 || len(off.Tags) != 1 {
		t.Errorf("without filters everything but the text is local: %+v", off)
	}
	if (api.LeadQuery{Text: "x"}).LocalFilter(false).HasFilters() {
		t.Error("text alone needs no local filter: Kommo honours query everywhere")
	}
}

func TestLeadQueryIgnoredBy(t *testing.T) {
	page := &api.LeadPage{Leads: []api.Lead{
		*leadFromJSON(t, `{"id":1,"name":"a","pipeline_id":1,"updated_at":100}`),
		*leadFromJSON(t, `{"id":2,"name":"b","pipeline_id":2,"updated_at":100}`),
	}}
	if !(api.LeadQuery{PipelineIDs: []int64{1}}).IgnoredBy(page) {
		t.Error("a lead of pipeline 2 answered a filter on pipeline 1")
	}
	if (api.LeadQuery{PipelineIDs: []int64{1, 2}}).IgnoredBy(page) {
		t.Error("every lead matches")
	}
	if (api.LeadQuery{Text: "zzz", Tags: []string{"x"}}).IgnoredBy(page) {
		t.Error("text and tags prove nothing")
	}
	if (api.LeadQuery{PipelineIDs: []int64{3}}).IgnoredBy(nil) {
		t.Error("nil page")
	}
}

func TestLooksLikePhoneOrEmail(t *testing.T) {
	for text, want := range map[string]bool{
		"+44 20 7946 0958": true, "(415) 555-0100": true, "12345": true, "8.800.555.35.35": true,
		"jane@acme.example": true, "@acme": true, " ann@ ": true,
		"1234": false, "2024": false, "@": false, " @ ": false, "": false, "Acme 12345": false,
		"ORD-10040": false, "+": false, "555-01x0": false,
	} {
		if got := api.LooksLikePhoneOrEmail(text); got != want {
			t.Errorf("%q: %v", text, got)
		}
	}
}

func TestWebURLs(t *testing.T) {
	c := newClient(t, "https://acme.kommo.com")
	for got, want := range map[string]string{
		c.ContactWebURL(5): "https://acme.kommo.com/contacts/detail/5",
		c.CompanyWebURL(6): "https://acme.kommo.com/companies/detail/6",
	} {
		if got != want {
			t.Errorf("%s, want %s", got, want)
		}
	}
	if _, err := url.Parse(c.ContactWebURL(1)); err != nil {
		t.Error(err)
	}
}
