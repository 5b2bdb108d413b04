package api_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
)

// rawFromSandbox asks the sandbox directly, as curl would.
func rawFromSandbox(t *testing.T, srv *sandbox.Server, path string) []byte {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, srv.URL()+path, nil)
	req.Header.Set("Authorization", "Bearer "+sandbox.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return body
}

func TestListLeadsPagesThroughEveryLead(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{RateLimit: -1})
	c := sandboxClient(t, srv, func(o *api.Options) { o.RatePerSecond = fastRate })
	q := api.LeadQuery{Limit: 250}
	seen := map[int64]bool{}
	var last int64 = 1 << 62
	pages := 0
	for page := 1; ; page++ {
		p, err := c.ListLeads(context.Background(), q, page)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if p.Page != page || p.Dropped != 0 || len(p.Leads) == 0 {
			t.Fatalf("page %d: %+v", page, p)
		}
		for _, l := range p.Leads {
			if seen[l.ID] || l.UpdatedAt > last || len(l.Raw) == 0 {
				t.Fatalf("lead %d repeated, out of order or without Raw", l.ID)
			}
			seen[l.ID], last = true, l.UpdatedAt
		}
		if !p.HasNext {
			break
		}
	}
	if len(seen) != len(sandbox.LeadIDs()) || pages != (len(seen)+249)/250 || srv.Requests(sandbox.EndpointLeads) != pages {
		t.Errorf("%d leads in %d pages, %d requests", len(seen), pages, srv.Requests(sandbox.EndpointLeads))
	}
}

func TestListLeadsRawIsKommosObject(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	p, err := c.ListLeads(context.Background(), api.LeadQuery{IDs: []int64{sandbox.LeadEscapes, sandbox.LeadBasic}, WithContacts: true}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Leads) != 2 || p.HasNext {
		t.Fatalf("%d leads, next %v", len(p.Leads), p.HasNext)
	}
	for _, l := range p.Leads {
		want := rawFromSandbox(t, srv, fmt.Sprintf("/api/v4/leads/%d?with=contacts", l.ID))
		if string(l.Raw) != string(want) {
			t.Errorf("lead %d Raw differs from the lead alone:\n%s\n%s", l.ID, l.Raw, want)
		}
		if len(l.Embedded.Contacts) == 0 {
			t.Errorf("lead %d: with=contacts not decoded", l.ID)
		}
	}
}

func TestListLeadsFiltersOnKommo(t *testing.T) {
	now := time.Now()
	srv := startSandbox(t, sandbox.Options{Now: func() time.Time { return now }})
	c := sandboxClient(t, srv)
	q := api.LeadQuery{
		Statuses:           []api.StatusRef{{PipelineID: sandbox.PipelineRenewals, StatusID: sandbox.RenewalsStatusDue}, {PipelineID: sandbox.PipelineSales, StatusID: sandbox.LeadBasicStatus}},
		ResponsibleUserIDs: []int64{sandbox.UserAdmin, sandbox.UserSales},
		UpdatedAt:          api.TimeRange{From: now.AddDate(0, -6, 0)},
		Limit:              250,
	}
	p, err := c.ListLeads(context.Background(), q, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Leads) < 10 || q.IgnoredBy(p) {
		t.Fatalf("%d leads, ignored %v", len(p.Leads), q.IgnoredBy(p))
	}
	for _, l := range p.Leads {
		if !q.Matches(&l) {
			t.Errorf("lead %d does not match", l.ID)
		}
	}
	empty, err := c.ListLeads(context.Background(), api.LeadQuery{Text: "no such lead at all"}, 1)
	if err != nil || len(empty.Leads) != 0 || empty.HasNext {
		t.Errorf("204: %+v %v", empty, err)
	}
}

// On an account without the API filter feature the account says so, and
// the first page already proves it: the client filters what arrives.
func TestFiltersOffAreDetected(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	srv.SetFaults(sandbox.Faults{FiltersDisabled: true})
	c := sandboxClient(t, srv)
	ctx := context.Background()
	account, on, err := c.AccountWithFilterFeature(ctx)
	if err != nil || on == nil || *on || account.ID != sandbox.AccountID {
		t.Fatalf("account %+v, filters on %v, %v", account, on, err)
	}
	q := api.LeadQuery{PipelineIDs: []int64{sandbox.PipelineRenewals}, Limit: 250}
	p, err := c.ListLeads(ctx, q, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !q.IgnoredBy(p) {
		t.Fatal("the ignored filter went unnoticed")
	}
	local := q.LocalFilter(false)
	kept := slices.DeleteFunc(p.Leads, func(l api.Lead) bool { return !local.Matches(&l) })
	if len(kept) == 0 || len(kept) == 250 {
		t.Errorf("client-side filtering kept %d of 250", len(kept))
	}
	for _, l := range kept {
		if l.PipelineID != sandbox.PipelineRenewals {
			t.Errorf("lead %d of pipeline %d kept", l.ID, l.PipelineID)
		}
	}
	srv.ClearFaults()
	if _, on, _ := c.AccountWithFilterFeature(ctx); on == nil || !*on {
		t.Errorf("filters on: %v", on)
	}
}

func TestSearchLeadsByPhoneMergesContactLeads(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	ctx := context.Background()
	for _, tc := range []struct {
		query    string
		want     int
		requests int
	}{
		{sandbox.SearchPhone, sandbox.SearchPhoneLeads, 3},
		{"442079460958", sandbox.SearchPhoneContactLeads, 3},
		{sandbox.SearchEmail, sandbox.SearchEmailLeads, 3},
		{"nobody@nowhere.example", 0, 2},
		{"Northwind", -1, 1},
	} {
		srv.ResetCounts()
		p, err := c.SearchLeads(ctx, api.LeadQuery{Text: tc.query, Limit: 50}, 1)
		if err != nil {
			t.Fatalf("%q: %v", tc.query, err)
		}
		if tc.want >= 0 && len(p.Leads) != tc.want {
			t.Errorf("%q: %d leads, want %d", tc.query, len(p.Leads), tc.want)
		}
		if n := srv.TotalRequests(); n != tc.requests {
			t.Errorf("%q: %d requests, want %d", tc.query, n, tc.requests)
		}
		seen := map[int64]bool{}
		for i, l := range p.Leads {
			if seen[l.ID] || (i > 0 && l.UpdatedAt > p.Leads[i-1].UpdatedAt) || len(l.Raw) == 0 {
				t.Fatalf("%q: lead %d repeated, out of order or without Raw", tc.query, l.ID)
			}
			seen[l.ID] = true
		}
	}
	srv.ResetCounts()
	if _, err := c.SearchLeads(ctx, api.LeadQuery{Text: sandbox.SearchPhone}, 2); err != nil || srv.TotalRequests() != 1 {
		t.Errorf("page 2: %d requests, %v", srv.TotalRequests(), err)
	}
}

func TestSearchLeadsKeepsOtherConditions(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	q := api.LeadQuery{Text: sandbox.SearchPhone, PipelineIDs: []int64{sandbox.PipelineSales}, Limit: 50}
	p, err := c.SearchLeads(context.Background(), q, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Leads) == 0 || len(p.Leads) >= sandbox.SearchPhoneLeads {
		t.Errorf("%d leads: the pipeline did not narrow the contact's leads", len(p.Leads))
	}
	for _, l := range p.Leads {
		if l.PipelineID != sandbox.PipelineSales {
			t.Errorf("lead %d in pipeline %d", l.ID, l.PipelineID)
		}
	}
}

func TestSearchLeadsSurvivesAFailedContactSearch(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointContacts, Fault: sandbox.FaultStatus, Status: 403})
	p, err := sandboxClient(t, srv).SearchLeads(context.Background(), api.LeadQuery{Text: sandbox.SearchPhone}, 1)
	if err != nil {
		t.Fatal(err)
	}
	// The lead search alone finds the two leads whose "Callback number" holds the phone.
	if !errors.Is(p.ContactSearchErr, api.ErrForbidden) || len(p.Leads) != 2 {
		t.Errorf("%d leads, contact search error %v", len(p.Leads), p.ContactSearchErr)
	}
}
