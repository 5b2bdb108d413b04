package perf_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/perf"
	"github.com/muesli/termenv"
	"go.uber.org/goleak"
)

// Every fault case first shows previousLead, then looks up its target
// while the fault is on. previousLead and successTarget have no contacts,
// companies or catalog elements, so the start-up prefetch, the first lead
// and the faulty lookup stay within the client's 7 requests per window.
const (
	previousLead  = sandbox.LeadNoContacts
	successTarget = sandbox.LeadLostArray
)

// faultEnv is what a case's inject and check functions act on.
type faultEnv struct {
	t     *testing.T
	srv   *sandbox.Server
	creds *sessionCredentials // nil unless the case logs in with OAuth tokens
	s     *session
}

type faultCase struct {
	name   string
	target int64
	// inject switches the fault on once previousLead is on screen.
	inject func(e *faultEnv)
	// oauth logs in with sandbox-issued tokens whose renewal succeeds or fails.
	oauth  bool
	renew  bool
	adjust func(*api.Options) // client options, e.g. a short timeout

	wantStatus       []string // substrings of the status line, all required; none = no error shown
	wantShown        int64    // the lead on screen afterwards
	wantLeadRequests int      // GET /api/v4/leads/{id} the sandbox counted for the lookup
	wantRenewals     int      // Renew calls; the stored token changes only when one succeeds
	check            func(e *faultEnv, f perf.Frame)
}

func onLeads(f sandbox.Faults) func(*faultEnv) {
	return func(e *faultEnv) {
		f.Endpoint = sandbox.EndpointLeads
		e.srv.SetFaults(f)
	}
}

func statusFault(status, times int) func(*faultEnv) {
	return onLeads(sandbox.Faults{Fault: sandbox.FaultStatus, Status: status, Times: times, RetryAfter: 1})
}

const (
	msgNotFound   = "not found"
	msgUnreadable = "cannot read"
	msgNetwork    = "network error"
)

// The retry policy the counts follow (api/request.go): 5xx and network
// failures (timeouts and bodies cut short included) are retried 3 times
// with backoff, a 429 is waited out 3 times, a 401 renews the token once;
// everything else is final at the first answer.
var faultCases = []faultCase{
	{name: "204 missing lead", target: sandbox.LeadMissing,
		wantStatus: []string{msgNotFound}, wantShown: previousLead, wantLeadRequests: 1},
	{name: "404 missing lead", target: sandbox.LeadMissing, inject: onLeads(sandbox.Faults{MissingLead404: true}),
		wantStatus: []string{msgNotFound}, wantShown: previousLead, wantLeadRequests: 1},
	{name: "401 with a refresh that succeeds", target: successTarget, oauth: true, renew: true,
		inject:    func(e *faultEnv) { e.srv.ExpireAccessTokens() },
		wantShown: successTarget, wantLeadRequests: 2, wantRenewals: 1},
	{name: "401 with a refresh that fails", target: successTarget, oauth: true, renew: false,
		inject:     func(e *faultEnv) { e.srv.ExpireAccessTokens() },
		wantStatus: []string{"not authenticated", "leadscope login"}, wantShown: previousLead, wantLeadRequests: 1, wantRenewals: 1,
		check: func(e *faultEnv, _ perf.Frame) {
			// The reason is at the end of a long line: widen the screen to read it.
			f := e.s.press(tea.WindowSizeMsg{Width: 250, Height: screenHeight})
			if !strings.Contains(f.View, "session expired") {
				e.t.Errorf("the renewal's reason is not shown:\n%s", statusLine(f.View))
			}
		}},
	{name: "402 payment required", target: successTarget, inject: statusFault(402, 0),
		wantStatus: []string{"unpaid"}, wantShown: previousLead, wantLeadRequests: 1},
	{name: "403 problem+json", target: successTarget, inject: statusFault(403, 0),
		wantStatus: []string{"not permitted"}, wantShown: previousLead, wantLeadRequests: 1},
	{name: "403 HTML block page", target: successTarget, inject: onLeads(sandbox.Faults{Fault: sandbox.FaultBlockedHTML}),
		wantStatus: []string{"blocked"}, wantShown: previousLead, wantLeadRequests: 1},
	{name: "429 with Retry-After then success", target: successTarget, inject: statusFault(429, 1),
		wantShown: successTarget, wantLeadRequests: 2},
	{name: "429 with retry_after only in the body then success", target: successTarget,
		inject:    onLeads(sandbox.Faults{Fault: sandbox.FaultStatus, Status: 429, RetryAfter: 1, Times: 1, OmitRetryAfterHeader: true}),
		wantShown: successTarget, wantLeadRequests: 2},
	{name: "429 forever", target: successTarget, inject: statusFault(429, 0),
		wantStatus: []string{"rate limited", "wait 1s"}, wantShown: previousLead, wantLeadRequests: 4},
	{name: "500 once then success", target: successTarget, inject: statusFault(500, 1), wantShown: successTarget, wantLeadRequests: 2},
	{name: "502 once then success", target: successTarget, inject: statusFault(502, 1), wantShown: successTarget, wantLeadRequests: 2},
	{name: "503 once then success", target: successTarget, inject: statusFault(503, 1), wantShown: successTarget, wantLeadRequests: 2},
	{name: "504 once then success", target: successTarget, inject: statusFault(504, 1), wantShown: successTarget, wantLeadRequests: 2},
	{name: "500 forever", target: successTarget, inject: statusFault(500, 0),
		wantStatus: []string{"server error"}, wantShown: previousLead, wantLeadRequests: 4},
	{name: "stall past the timeout", target: successTarget, inject: onLeads(sandbox.Faults{Fault: sandbox.FaultStall}),
		// Short enough to keep the case quick, long enough that the
		// prefetch of a busy machine does not time out before the fault.
		adjust:     func(o *api.Options) { o.Timeout = 500 * time.Millisecond },
		wantStatus: []string{msgNetwork, "timed out after 500ms"}, wantShown: previousLead, wantLeadRequests: 4},
	{name: "connection refused mid-session", target: successTarget, inject: func(e *faultEnv) { e.srv.Close() },
		wantStatus: []string{msgNetwork}, wantShown: previousLead, wantLeadRequests: 0},
	{name: "malformed JSON", target: successTarget, inject: onLeads(sandbox.Faults{Fault: sandbox.FaultMalformedJSON}),
		wantStatus: []string{msgUnreadable}, wantShown: previousLead, wantLeadRequests: 1},
	{name: "truncated body (connection cut mid-body)", target: successTarget, inject: onLeads(sandbox.Faults{Fault: sandbox.FaultTruncatedBody}),
		wantStatus: []string{msgUnreadable}, wantShown: previousLead, wantLeadRequests: 4},
	{name: "truncated JSON (complete response)", target: successTarget, inject: onLeads(sandbox.Faults{Fault: sandbox.FaultCutJSON}),
		wantStatus: []string{msgUnreadable}, wantShown: previousLead, wantLeadRequests: 1},
	{name: "wrong content type", target: successTarget, inject: onLeads(sandbox.Faults{Fault: sandbox.FaultWrongContentType}),
		wantStatus: []string{msgUnreadable}, wantShown: previousLead, wantLeadRequests: 1},
	{name: "50 MB body", target: successTarget, inject: onLeads(sandbox.Faults{Fault: sandbox.FaultHugeBody}),
		wantStatus: []string{msgUnreadable}, wantShown: previousLead, wantLeadRequests: 1},
	{name: "unknown custom field type", target: sandbox.LeadAllFieldTypes,
		wantShown: sandbox.LeadAllFieldTypes, wantLeadRequests: 1, check: checkUnknownFieldShown},
	{name: "escape sequences in the lead", target: sandbox.LeadEscapes,
		wantShown: sandbox.LeadEscapes, wantLeadRequests: 1, check: checkNoEscapesOnAnyTab},
}

func TestFaultMatrix(t *testing.T) {
	for _, tc := range faultCases {
		t.Run(tc.name, func(t *testing.T) { runFaultCase(t, tc) })
	}
}

// runFaultCase checks one row. Deferred calls run in reverse: the model
// quits and its commands return, the client's idle connections close, the
// sandbox stops, and only then are goroutines counted.
func runFaultCase(t *testing.T, tc faultCase) {
	defer goleak.VerifyNone(t)
	srv, err := sandbox.Start(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	e := &faultEnv{t: t, srv: srv}
	var creds api.Credentials = api.StaticToken(sandbox.Token)
	if tc.oauth {
		access, _ := srv.IssueTokens(0)
		e.creds = &sessionCredentials{token: access, renew: func() (string, error) {
			if !tc.renew {
				return "", errors.New("the refresh token was revoked")
			}
			fresh, _ := srv.IssueTokens(0)
			return fresh, nil
		}}
		creds = e.creds
	}
	c, tr := newClient(t, srv.URL(), creds, tc.adjust)
	defer tr.CloseIdleConnections()
	e.s = startSession(t, c, termenv.Ascii)
	defer e.s.quit()

	e.s.waitDirectory()
	if f := e.s.open(previousLead); !showsLead(f.View, previousLead) {
		t.Fatalf("lead %d not on screen before the fault:\n%s", previousLead, f.View)
	}
	var tokenBefore string
	if e.creds != nil {
		tokenBefore, _ = e.creds.state()
	}
	srv.ResetCounts()
	if tc.inject != nil {
		tc.inject(e)
	}

	f := e.s.open(tc.target)
	status := statusLine(f.View)
	if len(tc.wantStatus) > 0 {
		// Whatever the wording, the error names the lead it is about.
		tc.wantStatus = append(tc.wantStatus, "Lead "+strconv.FormatInt(tc.target, 10)+": ")
	}
	for _, want := range tc.wantStatus {
		if !strings.Contains(status, want) {
			t.Errorf("status line %q does not say %q", status, want)
		}
	}
	if len(tc.wantStatus) == 0 && strings.Contains(status, "✗") {
		t.Errorf("unexpected error on the status line: %q", status)
	}
	if !showsLead(f.View, tc.wantShown) {
		t.Errorf("lead %d should be on screen:\n%s", tc.wantShown, f.View)
	}
	if got := srv.Requests(sandbox.EndpointLeads); got != tc.wantLeadRequests {
		t.Errorf("the sandbox saw %d lead requests, want %d (all: %v)", got, tc.wantLeadRequests, srv.RequestCounts())
	}
	if e.creds != nil {
		token, renewals := e.creds.state()
		if renewals != tc.wantRenewals {
			t.Errorf("%d token renewals, want %d", renewals, tc.wantRenewals)
		}
		if changed := token != tokenBefore; changed != (tc.wantRenewals > 0 && tc.renew) {
			t.Errorf("stored token changed: %v, want %v", changed, !changed)
		}
	}
	if tc.check != nil {
		tc.check(e, f)
	}
}

// checkUnknownFieldShown makes the screen tall enough for every field and
// looks for the field of a type Kommo has not invented yet.
func checkUnknownFieldShown(e *faultEnv, _ perf.Frame) {
	e.t.Helper()
	f := e.s.press(tabKey(1))
	f = e.s.press(tea.WindowSizeMsg{Width: screenWidth, Height: 200})
	if !strings.Contains(f.View, "Hologram") {
		e.t.Errorf("the %s field is not on the Fields tab:\n%s", sandbox.UnknownFieldType, f.View)
	}
}

// checkNoEscapesOnAnyTab visits every tab: with the Ascii profile nothing
// styles the output, so any ESC or BEL on screen came from the lead.
func checkNoEscapesOnAnyTab(e *faultEnv, f perf.Frame) {
	e.t.Helper()
	frames := []perf.Frame{f}
	for tab := 1; tab <= tabJSON; tab++ {
		frames = append(frames, e.s.press(tabKey(tab)))
	}
	for i, f := range frames {
		if strings.ContainsAny(f.View, "\x1b\a") {
			e.t.Errorf("frame %d carries a control sequence: %q", i, f.View)
		}
	}
	if !strings.Contains(frames[3].View, "Mallory") {
		e.t.Errorf("the Contacts tab should show the contact's cleaned name:\n%s", frames[3].View)
	}
}
