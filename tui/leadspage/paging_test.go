package leadspage

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/views"
)

var everyLead = views.View{Name: "Every lead"}

func TestNothingIsFetchedUntilFirstShown(t *testing.T) {
	r := newRig(t, sandbox.Faults{})
	r.run(r.query("acme", false))
	r.run(r.query("acme corp", true))
	r.press("tab", "s", "r")
	r.p.SetSize(80, 24)
	if n := r.srv.TotalRequests(); n != 0 {
		t.Fatalf("the page sent %d requests before it was shown", n)
	}
	r.activate()
	if r.listRequests() != 1 {
		t.Fatalf("first show sent %d list requests", r.listRequests())
	}
}

// Scrolling to the end of every seeded lead reads 250 at a time, one page
// when the cursor nears the last row, never more than needed.
func TestPagingFollowsTheCursor(t *testing.T) {
	r := newRig(t, sandbox.Faults{}, everyLead)
	r.activate()
	if r.listRequests() != 1 || r.view().table.Len() != PageSize {
		t.Fatalf("first show: %d requests, %d rows", r.listRequests(), r.view().table.Len())
	}
	r.requireScreen("250 leads · more", "Every lead 250+")
	if r.p.Position() != "1 of 250+" {
		t.Errorf("position %q", r.p.Position())
	}
	r.press("down", "down")
	if r.listRequests() != 1 {
		t.Fatalf("moving near the top fetched: %d requests", r.listRequests())
	}
	total := len(sandbox.LeadIDs())
	for i := 0; i < 20 && r.view().list.hasNext; i++ {
		r.press("end")
	}
	want := (total + PageSize - 1) / PageSize
	if got := r.listRequests(); got != want || r.view().table.Len() != total {
		t.Fatalf("to the end: %d requests for %d rows of %d, want %d requests", got, r.view().table.Len(), total, want)
	}
	r.requireScreen(grouped(total) + " leads")
	if strings.Contains(r.p.View(), "· more") {
		t.Error("the end of the list still says more")
	}
}

// grouped writes n with a thousands comma, as the page does.
func grouped(n int) string {
	s := strconv.Itoa(n)
	if n >= 1000 {
		s = s[:len(s)-3] + "," + s[len(s)-3:]
	}
	return s
}

// endless serves /api/v4/leads as a server that pages forever: every page
// full of new leads (or the same page again) and a link to the next.
func endless(t *testing.T, repeat bool) (*api.Client, func() int) {
	t.Helper()
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if repeat {
			page = 1
		}
		var b strings.Builder
		fmt.Fprintf(&b, `{"_page":%d,"_links":{"next":{"href":"/api/v4/leads?page=%d"}},"_embedded":{"leads":[`, page, page+1)
		for i := range PageSize {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"id":%d,"name":"endless %d","pipeline_id":1,"status_id":2,"updated_at":1714500000}`, page*1000+i+1, page*1000+i+1)
		}
		b.WriteString(`]}}`)
		w.Header().Set("Content-Type", "application/hal+json")
		_, _ = w.Write([]byte(b.String()))
	}))
	t.Cleanup(srv.Close)
	c, err := api.New(api.Options{BaseURL: srv.URL, Credentials: api.StaticToken("t"), RatePerSecond: 10000, MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	return c, func() int { return int(requests.Load()) }
}

func TestAServerThatPagesForeverIsCapped(t *testing.T) {
	for _, repeat := range []bool{false, true} {
		t.Run(fmt.Sprintf("repeating %v", repeat), func(t *testing.T) {
			r := newRig(t, sandbox.Faults{}, everyLead)
			client, requests := endless(t, repeat)
			r.c.Client = client
			r.activate()
			for range MaxPages + 5 {
				r.press("end")
			}
			v := r.view()
			switch {
			case repeat && (requests() != 2 || v.table.Len() != PageSize || v.list.hasNext):
				t.Errorf("a server repeating page 1: %d requests, %d rows, more %v", requests(), v.table.Len(), v.list.hasNext)
			case !repeat && (v.table.Len() != MaxRows || requests() != MaxRows/PageSize || v.list.hasNext):
				t.Errorf("an endless server: %d requests, %d rows, more %v", requests(), v.table.Len(), v.list.hasNext)
			}
			if !repeat {
				r.requireScreen("5,000 leads · stopped")
				if !strings.Contains(r.p.Status().Text, "Stopped at 5000 leads") {
					t.Errorf("status %q", r.p.Status().Text)
				}
			}
		})
	}
}

// A failed later page keeps the rows; r asks for that page again.
func TestAFailedPageKeepsTheRowsAndRRetriesIt(t *testing.T) {
	r := newRig(t, sandbox.Faults{}, everyLead)
	r.activate()
	r.srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultStatus, Status: 500})
	r.press("end")
	if r.view().table.Len() != PageSize || !strings.Contains(r.p.Status().Text, "Could not load more leads: Kommo server error") {
		t.Fatalf("%d rows, status %q", r.view().table.Len(), r.p.Status().Text)
	}
	before := r.listRequests()
	r.press("up", "down") // moving does not hammer a failing server
	if r.listRequests() != before {
		t.Errorf("moving after a failure sent %d requests", r.listRequests()-before)
	}
	r.srv.ClearFaults()
	r.press("r")
	if r.view().table.Len() != 2*PageSize || r.selected() == 0 {
		t.Fatalf("r after a failed page: %d rows", r.view().table.Len())
	}
}

func TestReloadKeepsTheCursorOnItsLead(t *testing.T) {
	r := newRig(t, sandbox.Faults{})
	r.activate()
	r.press("down", "down", "down")
	sel := r.selected()
	r.press("r")
	if r.listRequests() != 2 || r.selected() != sel {
		t.Fatalf("reload: %d requests, cursor on %d, was %d", r.listRequests(), r.selected(), sel)
	}
}

// Deactivated, the page calls off its requests; shown again, it asks anew.
func TestDeactivateCancelsAndActivateResumes(t *testing.T) {
	r := newRig(t, sandbox.Faults{}, everyLead)
	cmd := r.p.Activate()
	r.p.Deactivate()
	for _, msg := range r.run(cmd) {
		if pm, ok := msg.(pageMsg); ok && !errorsIsCanceled(pm.err) {
			t.Errorf("a page fetched after deactivation: %v", pm.err)
		}
	}
	if r.view().table.Len() != 0 || r.p.Busy() != "" {
		t.Fatalf("an interrupted page shows %d rows, busy %q", r.view().table.Len(), r.p.Busy())
	}
	r.activate()
	if r.view().table.Len() != PageSize {
		t.Fatalf("shown again: %d rows", r.view().table.Len())
	}
}

func errorsIsCanceled(err error) bool {
	return err != nil && (strings.Contains(err.Error(), context.Canceled.Error()))
}

// The main contact column's names come in one request per page, and only
// when the column is on screen.
func TestMainContactNamesOneRequestPerPage(t *testing.T) {
	r := newRig(t, sandbox.Faults{}, everyLead)
	r.activate()
	if n := r.srv.Requests(sandbox.EndpointContacts); n != 0 {
		t.Fatalf("120 columns have no contact column, yet %d contact requests", n)
	}
	r.p.SetSize(200, 30)
	r.press("down") // the next key after a resize fetches what now shows
	if n := r.srv.Requests(sandbox.EndpointContacts); n != 1 {
		t.Fatalf("%d contact requests for one page", n)
	}
	first := r.view().table.Leads()[0]
	contacts, err := r.c.Client.Contacts(context.Background(), []int64{first.MainContactID()})
	if err != nil || len(contacts) != 1 {
		t.Fatalf("the first lead's main contact: %v", err)
	}
	r.requireScreen("Main contact", contacts[0].Name)
	r.srv.ResetCounts() // the test's own request above
	r.press("end")
	if n := r.srv.Requests(sandbox.EndpointContacts); n != 1 {
		t.Errorf("%d contact requests for the second page", n)
	}
}
