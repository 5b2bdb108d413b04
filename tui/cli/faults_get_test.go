package cli_test

import (
	"fmt"
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
