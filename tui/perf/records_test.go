package perf_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/perf"
	"github.com/muesli/termenv"
	"go.uber.org/goleak"
)

// The record pages' fetch paths: the record itself (one request, like a
// lead), then its leads in batches of 250 and, on their tab, its companies
// or contacts. Each case shows recordBase first, then opens its target
// while the fault is on.
const recordBase = sandbox.LeadNoContacts

var (
	manyLeadsContact = common.Target{Kind: common.TargetContact, ID: sandbox.ContactManyLeads}
	missingContact   = common.Target{Kind: common.TargetContact, ID: sandbox.ContactMissing}
	missingCompany   = common.Target{Kind: common.TargetCompany, ID: sandbox.CompanyMissing}
)

type recordFault struct {
	name   string
	target common.Target
	faults sandbox.Faults
	// rewrite, when set, serves the target contact with a body of its own
	// making, from the sandbox's.
	rewrite func(body []byte) []byte

	wantStatus   []string // substrings of the status line; none = no error
	wantRecord   bool     // the target's page is on screen (else recordBase stays)
	wantOnScreen []string
	wantRequests map[string]int // by sandbox endpoint
}

func onEndpoint(endpoint string, f sandbox.Faults) sandbox.Faults {
	f.Endpoint = endpoint
	return f
}

var recordFaults = []recordFault{
	{name: "204 missing contact", target: missingContact,
		wantStatus: []string{"Contact 29999999: not found"}, wantRequests: map[string]int{sandbox.EndpointContacts: 1}},
	{name: "404 missing company", target: missingCompany, faults: sandbox.Faults{MissingLead404: true},
		wantStatus: []string{"Company 49999999: not found"}, wantRequests: map[string]int{sandbox.EndpointCompanies: 1}},
	{name: "500 once then success", target: manyLeadsContact,
		faults:     onEndpoint(sandbox.EndpointContacts, sandbox.Faults{Fault: sandbox.FaultStatus, Status: 500, Times: 1}),
		wantRecord: true, wantOnScreen: []string{"[Leads 50]", "1 of 50"},
		wantRequests: map[string]int{sandbox.EndpointContacts: 2, sandbox.EndpointLeads: 1}},
	{name: "500 forever", target: manyLeadsContact,
		faults:       onEndpoint(sandbox.EndpointContacts, sandbox.Faults{Fault: sandbox.FaultStatus, Status: 500}),
		wantStatus:   []string{"Contact 21000001: Kommo server error"},
		wantRequests: map[string]int{sandbox.EndpointContacts: 4}},
	{name: "50 MB body", target: manyLeadsContact, faults: onEndpoint(sandbox.EndpointContacts, sandbox.Faults{Fault: sandbox.FaultHugeBody}),
		wantStatus: []string{"Contact 21000001: ", msgUnreadable}, wantRequests: map[string]int{sandbox.EndpointContacts: 1}},
	{name: "malformed JSON", target: manyLeadsContact, faults: onEndpoint(sandbox.EndpointContacts, sandbox.Faults{Fault: sandbox.FaultMalformedJSON}),
		wantStatus: []string{"Contact 21000001: ", msgUnreadable}, wantRequests: map[string]int{sandbox.EndpointContacts: 1}},
	{name: "deeply nested contact", target: manyLeadsContact, rewrite: nestDeeply,
		wantStatus: []string{"Contact 21000001: ", msgUnreadable}, wantRequests: map[string]int{sandbox.EndpointContacts: 1}},
	{name: "its leads fail: the contact shows and says so", target: manyLeadsContact,
		faults:     onEndpoint(sandbox.EndpointLeads, sandbox.Faults{Fault: sandbox.FaultStatus, Status: 503}),
		wantStatus: []string{"Could not load leads: Kommo server error"}, wantRecord: true,
		wantOnScreen: []string{sandbox.ContactManyLeadsName, "[Leads 50]", "\nCould not load leads: Kommo server error"},
		wantRequests: map[string]int{sandbox.EndpointContacts: 1, sandbox.EndpointLeads: 4}},
	{name: "its leads' batch is paged forever (filters ignored)", target: manyLeadsContact,
		faults:     sandbox.Faults{FiltersDisabled: true},
		wantRecord: true, wantOnScreen: []string{" not returned by Kommo (deleted or no access)."},
		// At most 8 pages per batch of IDs, however many the server offers.
		wantRequests: map[string]int{sandbox.EndpointContacts: 1, sandbox.EndpointLeads: 8}},
	{name: "thousands of lead IDs: one batch of 250", target: manyLeadsContact, rewrite: thousandsOfLeads,
		wantRecord:   true,
		wantOnScreen: []string{"[Leads 3000]", "Showing the newest 250 of 3,000 leads; more load as the cursor nears the end.", "1 of 250"},
		wantRequests: map[string]int{sandbox.EndpointContacts: 1, sandbox.EndpointLeads: 1}},
}

func TestRecordFaultMatrix(t *testing.T) {
	for _, tc := range recordFaults {
		t.Run(tc.name, func(t *testing.T) { runRecordFault(t, tc) })
	}
}

func runRecordFault(t *testing.T, tc recordFault) {
	defer goleak.VerifyNone(t)
	srv := sandbox.New(sandbox.Options{RateLimit: -1})
	defer srv.Close()
	front := httptest.NewServer(rewriting(srv, tc.target, tc.rewrite))
	defer front.Close()
	c, tr := newClient(t, front.URL, api.StaticToken(sandbox.Token), nil)
	defer tr.CloseIdleConnections()
	s := startSession(t, c, termenv.Ascii)
	defer s.quit()

	s.waitDirectory()
	if f := s.open(recordBase); !showsLead(f.View, recordBase) {
		t.Fatalf("lead %d not on screen:\n%s", recordBase, f.View)
	}
	srv.ResetCounts()
	srv.SetFaults(tc.faults)
	f := s.press(common.NavigateMsg{Target: tc.target})
	status := statusLine(f.View)
	for _, want := range tc.wantStatus {
		if !strings.Contains(status, want) {
			t.Errorf("status line %q does not say %q", status, want)
		}
	}
	if len(tc.wantStatus) == 0 && strings.Contains(status, "✗") {
		t.Errorf("unexpected error on the status line: %q", status)
	}
	onRecord := strings.Contains(f.View, "#"+strconv.FormatInt(tc.target.ID, 10)+"  ")
	if onRecord != tc.wantRecord || !tc.wantRecord && !showsLead(f.View, recordBase) {
		t.Errorf("record page on screen: %v, want %v:\n%s", onRecord, tc.wantRecord, f.View)
	}
	for _, want := range tc.wantOnScreen {
		if !strings.Contains(f.View, want) {
			t.Errorf("screen lacks %q:\n%s", want, f.View)
		}
	}
	for endpoint, want := range tc.wantRequests {
		if got := srv.Requests(endpoint); got != want {
			t.Errorf("%s requests = %d, want %d (all: %v)", endpoint, got, want, srv.RequestCounts())
		}
	}
	if tc.rewrite != nil && tc.wantRecord {
		checkMoreLeadsLoadAtTheEnd(t, s, srv)
	}
}

// checkMoreLeadsLoadAtTheEnd: the cursor at the last loaded lead asks for
// the next batch, one request, and the table grows below it.
func checkMoreLeadsLoadAtTheEnd(t *testing.T, s *session, srv *sandbox.Server) {
	t.Helper()
	srv.ResetCounts()
	f := s.press(runes("G"))
	if got := srv.Requests(sandbox.EndpointLeads); got != 1 {
		t.Errorf("the end of the table asked %d times for more leads, want 1", got)
	}
	if !strings.Contains(f.View, "Showing the newest 500 of 3,000 leads") || !strings.Contains(f.View, "of 500") {
		t.Errorf("the second batch is not shown:\n%s", f.View)
	}
}

// rewriting serves the sandbox, but target's body passes through rewrite.
func rewriting(srv *sandbox.Server, target common.Target, rewrite func([]byte) []byte) http.Handler {
	if rewrite == nil {
		return srv
	}
	path := fmt.Sprintf("/api/v4/contacts/%d", target.ID)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path {
			srv.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			if k != "Content-Length" {
				w.Header()[k] = v
			}
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rewrite(rec.Body.Bytes()))
	})
}

// thousandsOfLeads links the contact to 3,000 leads: every generated lead
// and 1,000 older IDs Kommo no longer returns.
func thousandsOfLeads(body []byte) []byte {
	var contact map[string]any
	if err := json.Unmarshal(body, &contact); err != nil {
		return body
	}
	var refs []map[string]any
	for _, id := range sandbox.BulkLeadIDs() {
		refs = append(refs, map[string]any{"id": id})
	}
	for i := range 3000 - len(refs) {
		refs = append(refs, map[string]any{"id": 9000001 + i})
	}
	embedded, _ := contact["_embedded"].(map[string]any)
	embedded["leads"] = refs
	out, err := json.Marshal(contact)
	if err != nil {
		return body
	}
	return out
}

// nestDeeply puts a value nested 20,000 arrays deep into the contact.
func nestDeeply(body []byte) []byte {
	const depth = 20000
	nested := bytes.Repeat([]byte("["), depth)
	nested = append(nested, bytes.Repeat([]byte("]"), depth)...)
	return bytes.Replace(body, []byte(`"custom_fields_values":`), append(append([]byte(`"nested":`), nested...), []byte(`,"custom_fields_values":`)...), 1)
}

// TestRequestsPerContactView: a contact with 50 leads costs its own
// request and one batch of leads; back, forward and opening it again from
// another page cost nothing.
func TestRequestsPerContactView(t *testing.T) {
	srv, err := sandbox.Start(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	c, tr := newClient(t, srv.URL(), api.StaticToken(sandbox.Token), nil)
	defer tr.CloseIdleConnections()
	s := startSession(t, c, termenv.Ascii)
	defer s.quit()
	s.waitDirectory()
	lead := firstLeadOf(t, c, sandbox.ContactManyLeads)
	s.open(lead)
	s.press(tabKey(3))

	srv.ResetCounts()
	f := s.pressUntil(enter, "1 of 50")
	if !strings.Contains(f.View, sandbox.ContactManyLeadsName) {
		t.Fatalf("enter on the contact did not open it with its leads:\n%s", f.View)
	}
	if got := srv.RequestCounts(); !sameCounts(got, map[string]int{sandbox.EndpointContacts: 1, sandbox.EndpointLeads: 1}) {
		t.Errorf("opening a contact with 50 leads cost %v, want the contact and one batch of leads", got)
	}
	s.press(runes("j"))
	s.press(runes("j"))
	f = s.pressUntil(enter, "[Fields") // the third lead's page
	srv.ResetCounts()
	f = s.press(runes("["))
	if !strings.Contains(f.View, "3 of 50") {
		t.Errorf("back lost the cursor:\n%s", f.View)
	}
	s.press(runes("["))
	s.press(runes("]"))
	s.press(runes("]"))
	s.press(runes("["))
	s.press(runes("["))
	s.pressUntil(enter, "1 of 50") // the contact again, from the lead's Contacts tab
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("back, forward and opening the contact again cost %d requests (%v)", n, srv.RequestCounts())
	}
}

// pressUntil sends a key that makes a page ask the root to open something,
// and waits for the screen to show want with nothing loading.
func (s *session) pressUntil(msg tea.Msg, want string) perf.Frame {
	s.tb.Helper()
	f, err := s.drv.SendAndWait(msg, func(f perf.Frame) bool { return strings.Contains(f.View, want) && settled(f) }, waitLimit)
	if err != nil {
		s.tb.Fatalf("%v; the screen never showed %q:\n%s", err, want, f.View)
	}
	return f
}

func firstLeadOf(t testing.TB, c *api.Client, contact int64) int64 {
	t.Helper()
	ct, err := c.GetContact(context.Background(), contact)
	if err != nil || len(ct.Embedded.Leads) == 0 {
		t.Fatalf("contact %d: %v", contact, err)
	}
	return ct.Embedded.Leads[0].ID
}

// BenchmarkEnterToContactLeads times enter on a lead's contact until the
// contact's 50 leads are on screen, with 100 ms added to every request.
// Target: two round trips (the contact, then its leads in one batch) + at
// most 30 ms; requests/op counts what the sandbox saw for it.
func BenchmarkEnterToContactLeads(b *testing.B) {
	srv := latencySandbox(b)
	var spans []time.Duration
	var model time.Duration
	requests := 0
	b.StopTimer()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c, tr := newClient(b, srv.URL(), api.StaticToken(sandbox.Token), nil)
		lead := firstLeadOf(b, c, sandbox.ContactManyLeads)
		s := startSession(b, c, termenv.TrueColor)
		s.waitDirectory()
		s.open(lead)
		s.press(tabKey(3))
		// The lead's own requests leave the client's limiter window first.
		time.Sleep(limiterWindow)
		srv.ResetCounts()
		before := s.drv.Frame()
		b.StartTimer()
		sent := time.Now()
		f, err := s.drv.SendAndWait(enter, func(f perf.Frame) bool {
			return strings.Contains(f.View, "1 of 50") && settled(f)
		}, waitLimit)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		spans = append(spans, f.At.Sub(sent))
		model += f.Spent - before.Spent
		requests += srv.TotalRequests()
		s.quit()
		tr.CloseIdleConnections()
	}
	reportLatency(b, "contact-leads", spans, 2)
	b.ReportMetric(float64(model)/float64(b.N)/float64(time.Millisecond), "model-ms")
	b.ReportMetric(float64(requests)/float64(b.N), "requests/op")
}
