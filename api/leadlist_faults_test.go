package api_test

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
)

// fetchPath is one of the list and record fetches, run against a faulty server.
type fetchPath struct {
	name string
	run  func(ctx context.Context, c *api.Client) error
	// notFound is what a 204 or 404 means on this path: ErrNotFound for a
	// record, nil (an empty list) for a list.
	emptyIsFine bool
}

func listAndRecordPaths() []fetchPath {
	return []fetchPath{
		{name: "ListLeads", emptyIsFine: true, run: func(ctx context.Context, c *api.Client) error {
			_, err := c.ListLeads(ctx, api.LeadQuery{Limit: 250}, 1)
			return err
		}},
		{name: "SearchLeads", emptyIsFine: true, run: func(ctx context.Context, c *api.Client) error {
			_, err := c.SearchLeads(ctx, api.LeadQuery{Text: sandbox.SearchPhone}, 1)
			return err
		}},
		{name: "LeadsByID", emptyIsFine: true, run: func(ctx context.Context, c *api.Client) error {
			_, err := c.LeadsByID(ctx, sandbox.BulkLeadIDs()[:10])
			return err
		}},
		{name: "GetContact", run: func(ctx context.Context, c *api.Client) error {
			_, err := c.GetContact(ctx, sandbox.ContactManyLeads)
			return err
		}},
		{name: "GetCompany", run: func(ctx context.Context, c *api.Client) error {
			_, err := c.GetCompany(ctx, sandbox.CompanyManyLeads)
			return err
		}},
		{name: "GetCatalogElement", run: func(ctx context.Context, c *api.Client) error {
			_, err := c.GetCatalogElement(ctx, sandbox.CatalogProducts, sandbox.LeadBasicProduct)
			return err
		}},
		{name: "AccountWithFilterFeature", run: func(ctx context.Context, c *api.Client) error {
			_, _, err := c.AccountWithFilterFeature(ctx)
			return err
		}},
	}
}

// The fault matrix of the list and record fetches over real HTTP: every
// sandbox fault ends in its error kind, within the client's timeouts.
func TestListAndRecordFaultMatrix(t *testing.T) {
	faults := []struct {
		name   string
		faults sandbox.Faults
		kind   error
		text   string
	}{
		{"huge body", sandbox.Faults{Fault: sandbox.FaultHugeBody, HugeBytes: 9 << 20}, api.ErrBadResponse, "larger than"},
		{"malformed JSON", sandbox.Faults{Fault: sandbox.FaultMalformedJSON}, api.ErrBadResponse, "malformed JSON"},
		{"cut JSON", sandbox.Faults{Fault: sandbox.FaultCutJSON}, api.ErrBadResponse, "malformed JSON"},
		{"truncated body", sandbox.Faults{Fault: sandbox.FaultTruncatedBody}, api.ErrBadResponse, "truncated"},
		{"wrong content type", sandbox.Faults{Fault: sandbox.FaultWrongContentType}, api.ErrBadResponse, "text/plain"},
		{"404", sandbox.Faults{Fault: sandbox.FaultStatus, Status: 404}, api.ErrNotFound, ""},
		{"500 forever", sandbox.Faults{Fault: sandbox.FaultStatus, Status: 500}, api.ErrServer, ""},
		{"stall", sandbox.Faults{Fault: sandbox.FaultStall}, api.ErrNetwork, "timed out"},
		{"html block page", sandbox.Faults{Fault: sandbox.FaultBlockedHTML}, api.ErrBlocked, ""},
	}
	for _, path := range listAndRecordPaths() {
		for _, f := range faults {
			t.Run(path.name+"/"+f.name, func(t *testing.T) {
				t.Parallel()
				srv := startSandbox(t, sandbox.Options{RateLimit: -1})
				c := sandboxClient(t, srv, func(o *api.Options) {
					o.Timeout = 300 * time.Millisecond
					o.RatePerSecond = fastRate
					o.MaxRetries = -1
				})
				srv.SetFaults(f.faults)
				start := time.Now()
				err := path.run(context.Background(), c)
				mustKind(t, err, f.kind)
				if !strings.Contains(err.Error(), f.text) {
					t.Errorf("%q lacks %q", err, f.text)
				}
				if took := time.Since(start); took > 10*time.Second {
					t.Errorf("took %s", took)
				}
			})
		}
	}
}

// hostile serves body for every request, counting them.
func hostile(t *testing.T, status int, body func(r *http.Request) string) *recorder {
	return serve(t, func(w http.ResponseWriter, r *http.Request) {
		if status == http.StatusNoContent {
			w.WriteHeader(status)
			return
		}
		text := body(r)
		w.Header().Set("Content-Length", strconv.Itoa(len(text)))
		writeJSON(w, status, hal, text)
	})
}

func TestListAndRecordPathsOn204(t *testing.T) {
	rec := hostile(t, http.StatusNoContent, nil)
	c := newClient(t, rec.URL)
	for _, path := range listAndRecordPaths() {
		err := path.run(context.Background(), c)
		switch {
		case path.name == "AccountWithFilterFeature":
			mustKind(t, err, api.ErrBadResponse)
		case path.emptyIsFine && err != nil:
			t.Errorf("%s: an empty list failed: %v", path.name, err)
		case !path.emptyIsFine:
			mustKind(t, err, api.ErrNotFound)
		}
	}
}

// JSON nested deeper than the decoder allows is refused as bad JSON, and
// nesting it allows inside a lead or a contact is carried, not walked.
func TestListAndRecordPathsOnDeepNesting(t *testing.T) {
	deep := func(depth int) string { return strings.Repeat("[", depth) + strings.Repeat("]", depth) }
	for _, tc := range []struct {
		depth int
		fails bool
	}{{100000, true}, {5000, false}} {
		rec := hostile(t, http.StatusOK, func(r *http.Request) string {
			nested := deep(tc.depth)
			if strings.HasPrefix(r.URL.Path, "/api/v4/leads") {
				return `{"_links":{},"_embedded":{"leads":[{"id":11000001,"name":"x","custom_fields_values":[{"field_id":1,"values":[{"value":` + nested + `}]}]},` + nested + `]}}`
			}
			return `{"id":1,"name":"x","_embedded":{"leads":[{"id":11000001}],"contacts":` + nested + `,"companies":` + nested + `}}`
		})
		c := newClient(t, rec.URL, func(o *api.Options) { o.MaxRetries = -1 })
		for _, path := range listAndRecordPaths() {
			err := path.run(context.Background(), c)
			if tc.fails {
				mustKind(t, err, api.ErrBadResponse)
			} else if err != nil {
				t.Errorf("%s at depth %d: %v", path.name, tc.depth, err)
			}
		}
	}
}

// A server that ignores `limit` and sends 10,000 leads in one page: the
// page keeps MaxLeadPageSize of them and says how many it dropped; what it
// keeps and what it allocates stay bounded.
func TestAServerIgnoringLimitCannotBlowMemory(t *testing.T) {
	const sent = 10000
	var b strings.Builder
	b.WriteString(`{"_page":1,"_links":{"next":{"href":"/api/v4/leads?page=2"}},"_embedded":{"leads":[`)
	filler := strings.Repeat("x", 400)
	for i := range sent {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":%d,"name":"%s","pipeline_id":1,"status_id":2}`, i+1, filler)
	}
	b.WriteString(`]}}`)
	body := b.String()
	rec := hostile(t, http.StatusOK, func(*http.Request) string { return body })
	c := newClient(t, rec.URL)

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p, err := c.ListLeads(context.Background(), api.LeadQuery{Limit: 50}, 1)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if len(p.Leads) != api.MaxLeadPageSize || p.Dropped != sent-api.MaxLeadPageSize || !p.HasNext {
		t.Fatalf("kept %d, dropped %d, next %v", len(p.Leads), p.Dropped, p.HasNext)
	}
	retained := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	allocated := after.TotalAlloc - before.TotalAlloc
	if retained > 2<<20 || allocated > uint64(4*len(body)) {
		t.Errorf("a %d-byte page retained %d bytes and allocated %d", len(body), retained, allocated)
	}
	t.Logf("a %d-byte page of %d leads: retained %d bytes, allocated %d", len(body), sent, retained, allocated)
	runtime.KeepAlive(p)
}

// A server that always links a next page and never has the asked leads:
// LeadsByID gives up after a bounded number of pages per batch.
func TestLeadsByIDOnEndlessPaging(t *testing.T) {
	rec := hostile(t, http.StatusOK, func(r *http.Request) string {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		return fmt.Sprintf(`{"_page":%d,"_links":{"next":{"href":"/api/v4/leads?page=%d"}},"_embedded":{"leads":[{"id":%d,"name":"other"}]}}`, page, page+1, 90000000+page)
	})
	c := newClient(t, rec.URL)
	leads, err := c.LeadsByID(context.Background(), []int64{1, 2, 3})
	if err != nil || len(leads) != 0 {
		t.Fatalf("%d leads, %v", len(leads), err)
	}
	if n := rec.count(); n < 2 || n > 8 {
		t.Errorf("%d requests for one batch", n)
	}
}

// A contact search that matches a million contacts reads one page and
// keeps at most one batch of lead IDs.
func TestContactSearchIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"_embedded":{"contacts":[`)
	for i := range 2000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":%d,"_embedded":{"leads":[{"id":%d},{"id":%d}]}}`, i+1, 2*i+1, 2*i+2)
	}
	b.WriteString(`]},"_links":{"next":{"href":"/api/v4/contacts?page=2"}}}`)
	contacts := b.String()
	rec := hostile(t, http.StatusOK, func(r *http.Request) string {
		if r.URL.Path == "/api/v4/contacts" {
			return contacts
		}
		ids := r.URL.Query()["filter[id][]"]
		if len(ids) > api.MaxLeadPageSize {
			t.Errorf("%d IDs in one request", len(ids))
		}
		var leads []string
		for _, id := range ids {
			leads = append(leads, `{"id":`+id+`,"name":"n"}`)
		}
		return `{"_embedded":{"leads":[` + strings.Join(leads, ",") + `]}}`
	})
	p, err := newClient(t, rec.URL).SearchLeads(context.Background(), api.LeadQuery{Text: "+1 555 0100"}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if rec.count() != 3 || len(p.Leads) > 2*api.MaxLeadPageSize {
		t.Errorf("%d requests, %d leads", rec.count(), len(p.Leads))
	}
}
