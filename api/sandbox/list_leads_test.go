package sandbox

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// pageAll follows _links.next from path and returns every lead object.
func pageAll(t *testing.T, s *Server, path string) []any {
	t.Helper()
	var out []any
	for pages := 0; path != ""; pages++ {
		if pages > 20 {
			t.Fatal("paging does not end")
		}
		a := get(t, s, path)
		if a.status == http.StatusNoContent {
			if len(a.body) != 0 {
				t.Fatal("204 with a body")
			}
			break
		}
		page := a.want(t, 200, contentHAL).json(t)
		if num(t, page, "_page") != int64(pages+1) {
			t.Errorf("_page %v on page %d", dig(t, page, "_page"), pages+1)
		}
		out = append(out, list(t, page, "_embedded", "leads")...)
		path = ""
		if n, ok := dig(t, page, "_links").(map[string]any)["next"]; ok {
			path = strings.TrimPrefix(dig(t, n, "href").(string), s.URL())
		}
	}
	return out
}

func leadIDsOf(t *testing.T, leads []any) []int64 {
	t.Helper()
	ids := make([]int64, len(leads))
	for i, l := range leads {
		ids[i] = num(t, l, "id")
	}
	return ids
}

func TestLeadListOrderAndPaging(t *testing.T) {
	s := startTest(t, Options{})
	for _, order := range []string{"updated_at", "created_at", "id"} {
		for _, dir := range []string{"asc", "desc"} {
			leads := pageAll(t, s, "/api/v4/leads?limit=250&order%5B"+order+"%5D="+dir)
			if len(leads) != len(LeadIDs()) {
				t.Fatalf("%s %s: %d leads, want %d", order, dir, len(leads), len(LeadIDs()))
			}
			seen := map[int64]bool{}
			for i, l := range leads {
				id := num(t, l, "id")
				if seen[id] {
					t.Fatalf("%s %s: lead %d twice", order, dir, id)
				}
				seen[id] = true
				if i == 0 {
					continue
				}
				prev, cur := num(t, leads[i-1], order), num(t, l, order)
				if (dir == "asc" && cur < prev) || (dir == "desc" && cur > prev) {
					t.Fatalf("%s %s out of order at %d: %d then %d", order, dir, i, prev, cur)
				}
			}
		}
	}
	if n := s.Requests(EndpointLeads); n != 6*((len(LeadIDs())+249)/250) {
		t.Errorf("%d requests: pages are not exactly full", n)
	}
}

func TestLeadListFilters(t *testing.T) {
	now := time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)
	s := startTest(t, Options{Now: func() time.Time { return now }})
	d := s.data
	cases := []struct {
		name  string
		query string
		keep  func(l *lead) bool
	}{
		{"pipeline", "filter[pipeline_id][]=" + fmt.Sprint(PipelineRenewals), func(l *lead) bool { return l.PipelineID == PipelineRenewals }},
		{"pipeline list", fmt.Sprintf("filter[pipeline_id]=%d,%d", PipelineRenewals, PipelinePartners),
			func(l *lead) bool { return l.PipelineID != PipelineSales }},
		{"won in partnerships", fmt.Sprintf("filter[statuses][0][pipeline_id]=%d&filter[statuses][0][status_id]=%d", PipelinePartners, StatusWon),
			func(l *lead) bool { return l.PipelineID == PipelinePartners && l.StatusID == StatusWon }},
		{"two stages", fmt.Sprintf("filter[statuses][0][pipeline_id]=%d&filter[statuses][0][status_id]=%d&filter[statuses][1][pipeline_id]=%d&filter[statuses][1][status_id]=%d",
			PipelineSales, LeadBasicStatus, PipelineRenewals, RenewalsStatusDue),
			func(l *lead) bool { return l.StatusID == LeadBasicStatus || l.StatusID == RenewalsStatusDue }},
		{"responsible", fmt.Sprintf("filter[responsible_user_id][]=%d&filter[responsible_user_id][]=%d", UserSales, UserAdmin),
			func(l *lead) bool { return l.ResponsibleUserID == UserSales || l.ResponsibleUserID == UserAdmin }},
		{"updated in the last hour", fmt.Sprintf("filter[updated_at][from]=%d", now.Add(-time.Hour).Unix()),
			func(l *lead) bool { return l.UpdatedAt >= now.Add(-time.Hour).Unix() }},
		{"created range", fmt.Sprintf("filter[created_at][from]=%d&filter[created_at][to]=%d", now.AddDate(0, 0, -30).Unix(), now.AddDate(0, 0, -10).Unix()),
			func(l *lead) bool {
				return l.CreatedAt >= now.AddDate(0, 0, -30).Unix() && l.CreatedAt <= now.AddDate(0, 0, -10).Unix()
			}},
		{"overdue", fmt.Sprintf("filter[closest_task_at][to]=%d", now.Unix()),
			func(l *lead) bool { return l.ClosestTaskAt != nil && *l.ClosestTaskAt <= now.Unix() }},
		{"closed", fmt.Sprintf("filter[closed_at][from]=%d", 1),
			func(l *lead) bool { return l.ClosedAt != nil }},
		{"query, any case and script", "query=" + url.QueryEscape("СЕВЕРНЫЙ"),
			func(l *lead) bool { return strings.Contains(strings.ToLower(l.Name), "северный") }},
		{"query in a field value", "query=ORD-1004", func(l *lead) bool { return strings.Contains(d.idx.leadText[l.ID], "ord-1004") }},
		{"ids", fmt.Sprintf("filter[id][]=%d&filter[id][]=%d", LeadBasic, LeadWon), func(l *lead) bool { return l.ID == LeadBasic || l.ID == LeadWon }},
		{"combined", fmt.Sprintf("filter[pipeline_id][]=%d&filter[responsible_user_id][]=%d&query=a", PipelineSales, UserAdmin),
			func(l *lead) bool {
				return l.PipelineID == PipelineSales && l.ResponsibleUserID == UserAdmin && strings.Contains(d.idx.leadText[l.ID], "a")
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := leadIDsOf(t, pageAll(t, s, "/api/v4/leads?limit=250&order[id]=asc&"+c.query))
			var want []int64
			for _, l := range d.leadsByID {
				if c.keep(l) {
					want = append(want, l.ID)
				}
			}
			if len(want) == 0 || len(want) == len(d.leadsByID) {
				t.Fatalf("the case filters nothing or everything (%d leads)", len(want))
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("got %d leads, want %d", len(got), len(want))
			}
		})
	}
}

func TestLeadListWithoutTheFilterFeature(t *testing.T) {
	s := startTest(t, Options{})
	s.SetFaults(Faults{FiltersDisabled: true})
	all := pageAll(t, s, fmt.Sprintf("/api/v4/leads?limit=250&filter[pipeline_id][]=%d&filter[name]=x&filter[statuses][0][pipeline_id]=1", PipelineRenewals))
	if len(all) != len(LeadIDs()) {
		t.Errorf("filters off: %d leads, want all %d", len(all), len(LeadIDs()))
	}
	queried := pageAll(t, s, "/api/v4/leads?limit=250&order[updated_at]=desc&query="+url.QueryEscape(LeadBasicName))
	if ids := leadIDsOf(t, queried); len(ids) != 1 || ids[0] != LeadBasic {
		t.Errorf("query must still apply: %v", ids)
	}
	acc := get(t, s, "/api/v4/account?with=is_api_filter_enabled").want(t, 200, contentHAL).json(t)
	if dig(t, acc, "is_api_filter_enabled") != false {
		t.Errorf("account says %v", dig(t, acc, "is_api_filter_enabled"))
	}
	s.ClearFaults()
	acc = get(t, s, "/api/v4/account?with=is_api_filter_enabled").want(t, 200, contentHAL).json(t)
	if dig(t, acc, "is_api_filter_enabled") != true || num(t, acc, "id") != AccountID {
		t.Errorf("account says %v", acc)
	}
	if _, ok := get(t, s, "/api/v4/account").json(t)["is_api_filter_enabled"]; ok {
		t.Error("is_api_filter_enabled without with=")
	}
}

func TestLeadListRefusesWhatKommoRefuses(t *testing.T) {
	s := startTest(t, Options{})
	get(t, s, "/api/v4/leads?limit=251").problem(t, http.StatusUnprocessableEntity)
	for _, q := range []string{
		"order[price]=desc", "order[updated_at]=sideways", "filter[statuses][0][pipeline_id]=7000001",
		"filter[pipeline_id][]=abc", "filter[updated_at][from]=yesterday", "filter[name]=Acme", "page=0",
	} {
		if p := get(t, s, "/api/v4/leads?"+q).problem(t, http.StatusBadRequest); p["validation-errors"] == nil {
			t.Errorf("%s: 400 without validation-errors", q)
		}
	}
	if a := get(t, s, "/api/v4/leads?query=no-such-lead-anywhere"); a.status != http.StatusNoContent || len(a.body) != 0 {
		t.Errorf("no match: %d %q", a.status, a.body)
	}
	if a := get(t, s, "/api/v4/leads?limit=250&page=99"); a.status != http.StatusNoContent {
		t.Errorf("page past the end: %d", a.status)
	}
}

func TestLeadListServesCachedBodies(t *testing.T) {
	s := startTest(t, Options{})
	path := "/api/v4/leads?limit=50&order[updated_at]=desc&with=contacts"
	first := get(t, s, path).want(t, 200, contentHAL)
	second := get(t, s, path).want(t, 200, contentHAL)
	if string(first.body) != string(second.body) {
		t.Error("the same page differs between requests")
	}
	one := get(t, s, fmt.Sprintf("/api/v4/leads/%d?with=contacts", num(t, first.json(t), "_embedded", "leads", 0, "id"))).want(t, 200, contentHAL)
	if !strings.Contains(string(first.body), string(one.body)) {
		t.Error("a lead in a list differs from the lead fetched alone")
	}
}
