package cli_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api/sandbox"
)

// getFault is one row of the fault matrix for `leadscope get --json`: what
// the server does, and what the user must see.
type getFault struct {
	name     string
	faults   sandbox.Faults
	id       int64
	args     []string // extra flags
	code     int
	message  string // on stderr; "" for a success
	requests int    // lead requests the sandbox must have seen
}

func getFaultMatrix() []getFault {
	lead := sandbox.EndpointLeads
	status := func(code, times int) sandbox.Faults {
		return sandbox.Faults{Endpoint: lead, Fault: sandbox.FaultStatus, Status: code, Times: times}
	}
	fault := func(f sandbox.Fault) sandbox.Faults {
		return sandbox.Faults{Endpoint: lead, Fault: f}
	}
	rows := []getFault{
		{name: "missing lead 204", id: sandbox.LeadMissing, code: 3, message: "not found", requests: 1},
		{name: "missing lead 404", faults: sandbox.Faults{MissingLead404: true}, id: sandbox.LeadMissing, code: 3, message: "not found", requests: 1},
		{name: "402 unpaid", faults: status(402, 0), code: 1, message: "account unpaid", requests: 1},
		{name: "403 problem+json", faults: status(403, 0), code: 1, message: "not permitted", requests: 1},
		{name: "403 HTML block page", faults: fault(sandbox.FaultBlockedHTML), code: 1, message: "blocked", requests: 1},
		{name: "429 then success", faults: sandbox.Faults{Endpoint: lead, Fault: sandbox.FaultStatus, Status: 429, RetryAfter: 1, Times: 1}, requests: 2},
		{name: "429 without Retry-After header then success", faults: sandbox.Faults{Endpoint: lead, Fault: sandbox.FaultStatus, Status: 429, RetryAfter: 1, OmitRetryAfterHeader: true, Times: 1}, requests: 2},
		{name: "429 forever", faults: sandbox.Faults{Endpoint: lead, Fault: sandbox.FaultStatus, Status: 429, RetryAfter: 1}, code: 1, message: "rate limited", requests: 4},
		{name: "429 asking for longer than the cap", faults: sandbox.Faults{Endpoint: lead, Fault: sandbox.FaultStatus, Status: 429, RetryAfter: 3600}, code: 1, message: "retry in 1h0m0s", requests: 1},
		{name: "500 forever", faults: status(500, 0), code: 1, message: "server error", requests: 4},
		{name: "stalled server", faults: fault(sandbox.FaultStall), args: []string{"--timeout", "300ms"}, code: 1, message: "timed out", requests: 4},
		{name: "dropped connection", faults: fault(sandbox.FaultDropConnection), code: 1, message: "network error", requests: 4},
		{name: "malformed JSON", faults: fault(sandbox.FaultMalformedJSON), code: 1, message: "bad response", requests: 1},
		{name: "JSON cut mid-way", faults: fault(sandbox.FaultCutJSON), code: 1, message: "bad response", requests: 1},
		{name: "truncated body", faults: fault(sandbox.FaultTruncatedBody), code: 1, message: "cut off", requests: 4},
		{name: "wrong content type", faults: fault(sandbox.FaultWrongContentType), code: 1, message: "bad response", requests: 1},
		{name: "50 MB body", faults: fault(sandbox.FaultHugeBody), code: 1, message: "bad response", requests: 1},
		{name: "unknown custom field type", id: sandbox.LeadAllFieldTypes, requests: 1},
	}
	for _, code := range []int{500, 502, 503, 504} {
		rows = append(rows, getFault{name: fmt.Sprintf("%d once then success", code), faults: status(code, 1), requests: 2})
	}
	return rows
}

func TestGetFaultMatrix(t *testing.T) {
	for _, row := range getFaultMatrix() {
		t.Run(row.name, func(t *testing.T) {
			t.Parallel()
			srv := startSandbox(t, sandbox.Options{RateLimit: -1})
			srv.SetFaults(row.faults)
			id := row.id
			if id == 0 {
				id = sandbox.LeadBasic
			}
			args := append([]string{"get", "--json", fmt.Sprint(id)}, row.args...)
			res := runBinary(t, sandboxEnv(srv), "", args...)
			if row.message == "" {
				if res.code != 0 || !strings.Contains(res.stdout, fmt.Sprintf(`"id":%d`, id)) {
					t.Fatalf("want success, got exit %d, stderr %q", res.code, res.stderr)
				}
			} else {
				assertOneLineFailure(t, res, row.code, row.name)
				if !strings.Contains(res.stderr, row.message) {
					t.Errorf("stderr %q lacks %q", res.stderr, row.message)
				}
			}
			if got := srv.Requests(sandbox.EndpointLeads); got != row.requests {
				t.Errorf("sandbox saw %d lead requests, want %d", got, row.requests)
			}
		})
	}
}

func TestGetWhenServerIsGone(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	env := sandboxEnv(srv)
	srv.Close()
	res := runBinary(t, env, "", "get", fmt.Sprint(sandbox.LeadBasic))
	assertOneLineFailure(t, res, 1, "connection refused")
	if !strings.Contains(res.stderr, "network error") {
		t.Errorf("stderr %q should say network error", res.stderr)
	}
}

// hostileGet is one row of the fault matrix of hostile data for the built
// binary: well-formed answers that are too much. Whatever the server
// sends, get ends with the lead (or one clear line), says on stderr what a
// bound cut, and the process's peak memory stays bounded.
type hostileGet struct {
	name     string
	faults   sandbox.Faults
	id       int64
	json     bool
	warnings []string // substrings of warning lines on stderr, all required
	requests map[string]int
}

// maxPeakRSS bounds every hostile-data row: the servers below would take
// the process to gigabytes without the bounds.
const maxPeakRSS = 100 << 20

func hostileGetMatrix() []hostileGet {
	return []hostileGet{
		{name: "100 lists paging 8 MiB forever", faults: sandbox.Faults{Fault: sandbox.FaultManyCatalogs}, id: sandbox.LeadBasic,
			warnings: []string{"list 9100000: 0 of 1 elements shown, the rest exceeded the 32 MiB limit", "lists not loaded, the lookup reached its 32 MiB limit"},
			requests: map[string]int{sandbox.EndpointCatalogElements: 40}},
		{name: "start-up lists paging 8 MiB forever", faults: sandbox.Faults{Fault: sandbox.FaultEndlessPages}, id: sandbox.LeadNoContacts,
			warnings: []string{"lists: the first 1000 shown, the rest exceeded the 32 MiB limit", "pipelines: the first 1000 shown, the rest exceeded the 32 MiB limit",
				"users: the first 1000 shown, the rest exceeded the 32 MiB limit"},
			requests: map[string]int{sandbox.EndpointUsers: 5, sandbox.EndpointCatalogs: 5, sandbox.EndpointPipelines: 5}},
		{name: "contacts paging 8 MiB forever", faults: sandbox.Faults{Fault: sandbox.FaultEndlessPages, Endpoint: sandbox.EndpointContacts}, id: sandbox.LeadBasic,
			warnings: []string{"contacts: 0 of", "shown, the rest exceeded the"},
			requests: map[string]int{sandbox.EndpointContacts: 8}},
		{name: "a value nested 8000 deep", faults: sandbox.Faults{Fault: sandbox.FaultDeepJSON}, id: sandbox.LeadBasic},
		{name: "464 values nested 8000 deep (8 MiB)", faults: sandbox.Faults{Fault: sandbox.FaultDeepJSON, Count: 464}, id: sandbox.LeadBasic},
		{name: "464 values nested 8000 deep (8 MiB), --json", faults: sandbox.Faults{Fault: sandbox.FaultDeepJSON, Count: 464}, id: sandbox.LeadBasic, json: true},
		{name: "450,000 field values (7 MB)", faults: sandbox.Faults{Fault: sandbox.FaultManyFieldValues}, id: sandbox.LeadBasic},
		{name: "450,000 field values (7 MB), --json", faults: sandbox.Faults{Fault: sandbox.FaultManyFieldValues}, id: sandbox.LeadBasic, json: true},
	}
}

func TestGetHostileDataMatrix(t *testing.T) {
	for _, row := range hostileGetMatrix() {
		t.Run(row.name, func(t *testing.T) {
			srv := startSandbox(t, sandbox.Options{RateLimit: -1})
			srv.SetFaults(row.faults)
			args := []string{"get", fmt.Sprint(row.id)}
			if row.json {
				args = append(args, "--json")
			}
			res := runBinary(t, sandboxEnv(srv), "", args...)
			t.Logf("peak RSS %d MiB, requests %v", res.peakRSS>>20, srv.RequestCounts())
			want := fmt.Sprintf("Lead %d: ", row.id)
			if row.json {
				want = fmt.Sprintf(`"id":%d,`, row.id)
			}
			if res.code != 0 || !strings.Contains(res.stdout, want) {
				t.Fatalf("exit %d, stdout %.200q, stderr %q", res.code, res.stdout, res.stderr)
			}
			for _, w := range row.warnings {
				if !strings.Contains(res.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, res.stderr)
				}
			}
			for _, line := range strings.Split(strings.TrimSuffix(res.stderr, "\n"), "\n") {
				if line != "" && !strings.HasPrefix(line, "leadscope: warning: ") {
					t.Errorf("stderr line %q is not a one-line warning", line)
				}
			}
			if len(row.warnings) == 0 && res.stderr != "" {
				t.Errorf("unexpected stderr %q", res.stderr)
			}
			for endpoint, most := range row.requests {
				if got := srv.Requests(endpoint); got > most {
					t.Errorf("%d requests to %s, want ≤ %d", got, endpoint, most)
				}
			}
			if res.peakRSS == 0 {
				t.Fatal("the platform did not report the peak RSS")
			}
			if res.peakRSS > maxPeakRSS {
				t.Errorf("peak RSS %d MiB, want ≤ %d MiB", res.peakRSS>>20, maxPeakRSS>>20)
			}
		})
	}
}

// A body holding another lead than the one asked for is a server error:
// one line, exit 1, nothing on stdout.
func TestGetAnotherLeadIsAServerError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/hal+json")
		_, _ = w.Write([]byte(`{"id":5,"name":"Someone else's deal"}`))
	}))
	t.Cleanup(srv.Close)
	env := map[string]string{"KOMMO_BASE_URL": srv.URL, "KOMMO_TOKEN": "t"}
	for _, args := range [][]string{{"get", "6"}, {"get", "--json", "6"}} {
		res := runCLI(t, env, "", args...)
		assertOneLineFailure(t, res, 1, strings.Join(args, " "))
		if !strings.Contains(res.stderr, "bad response (HTTP 200): the server answered lead 5 for lead 6") {
			t.Errorf("%v: stderr %q", args, res.stderr)
		}
	}
}
