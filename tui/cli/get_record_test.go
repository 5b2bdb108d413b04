package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api/sandbox"
)

func TestGetContactPrintsItsFactsCompaniesAndLeads(t *testing.T) {
	// Two runs back to back would meet the server's limit across processes.
	srv := startSandbox(t, sandbox.Options{RateLimit: -1})
	res := runBinary(t, sandboxEnv(srv), "", "get", "contact", fmt.Sprint(sandbox.LeadBasicContact))
	if res.code != 0 || res.stderr != "" {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	for _, want := range []string{
		fmt.Sprintf("Contact %d: %s", sandbox.LeadBasicContact, sandbox.LeadBasicContactName),
		sandbox.LeadBasicContactPhone + " (WORK)",
		sandbox.LeadBasicContactEmail,
		"Responsible  " + sandbox.UserSalesName,
		"Companies (1):\n  " + sandbox.LeadBasicCompanyName,
		fmt.Sprintf("%d  %s", sandbox.LeadBasic, sandbox.LeadBasicName),
		sandbox.LeadBasicStageName,
		"12,500 USD",
		srv.URL() + fmt.Sprintf("/contacts/detail/%d", sandbox.LeadBasicContact),
		"Custom fields",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, res.stdout)
		}
	}

	srv.ResetCounts()
	res = runBinary(t, sandboxEnv(srv), "", "get", "contact", fmt.Sprint(sandbox.ContactManyLeads))
	if res.code != 0 || !strings.Contains(res.stdout, fmt.Sprintf("Leads (%d):", sandbox.ContactManyLeadsCount)) {
		t.Fatalf("exit %d, stderr %q:\n%s", res.code, res.stderr, res.stdout)
	}
	if rows := strings.Count(res.stdout, "— "+sandbox.ContactManyLeadsName); rows != sandbox.ContactManyLeadsCount {
		t.Errorf("%d lead rows, want %d:\n%s", rows, sandbox.ContactManyLeadsCount, res.stdout)
	}
	for _, pipeline := range []string{sandbox.PipelineSalesName + " › ", sandbox.PipelinePartnersName + " › "} {
		if !strings.Contains(res.stdout, pipeline) {
			t.Errorf("no lead in %q:\n%s", pipeline, res.stdout)
		}
	}
	// The contact, then its 50 leads in one request; the account's names.
	if got := srv.Requests(sandbox.EndpointContacts); got != 1 {
		t.Errorf("%d contact requests, want 1 (all %v, 429s %d)", got, srv.RequestCounts(), srv.RateLimited())
	}
	if got := srv.Requests(sandbox.EndpointLeads); got != 1 {
		t.Errorf("%d lead requests for 50 leads, want 1", got)
	}
}

func TestGetCompanyPrintsItsContactsAndLeads(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	res := runBinary(t, sandboxEnv(srv), "", "get", "company", fmt.Sprint(sandbox.CompanyManyLeads))
	if res.code != 0 || res.stderr != "" {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	for _, want := range []string{
		fmt.Sprintf("Company %d: %s", sandbox.CompanyManyLeads, sandbox.CompanyManyLeadsName),
		fmt.Sprintf("Contacts (%d):", sandbox.CompanyManyLeadsContacts),
		fmt.Sprintf("Leads (%d):", sandbox.CompanyManyLeadsCount),
		srv.URL() + fmt.Sprintf("/companies/detail/%d", sandbox.CompanyManyLeads),
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, res.stdout)
		}
	}
	if rows := strings.Count(res.stdout, "— "+sandbox.CompanyManyLeadsName); rows != sandbox.CompanyManyLeadsCount {
		t.Errorf("%d lead rows, want %d", rows, sandbox.CompanyManyLeadsCount)
	}
	if strings.Contains(res.stdout, "\n  #") {
		t.Errorf("a contact shows without its name:\n%s", res.stdout)
	}
}

func TestGetRecordJSONIsKommosBodyVerbatim(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	for _, tc := range []struct {
		kind, path string
		id         int64
	}{
		{"contact", "/api/v4/contacts/%d?with=leads", sandbox.ContactManyLeads},
		{"company", "/api/v4/companies/%d?with=leads,contacts", sandbox.CompanyManyLeads},
	} {
		srv.ResetCounts()
		res := runBinary(t, sandboxEnv(srv), "", "get", tc.kind, fmt.Sprint(tc.id), "--json")
		if res.code != 0 {
			t.Fatalf("%s: exit %d, stderr %q", tc.kind, res.code, res.stderr)
		}
		if got := srv.TotalRequests(); got != 1 {
			t.Errorf("%s --json cost %d requests, want 1", tc.kind, got)
		}
		want := fetchPath(t, srv, fmt.Sprintf(tc.path, tc.id))
		if strings.TrimSuffix(res.stdout, "\n") != strings.TrimSuffix(string(want), "\n") {
			t.Errorf("%s --json differs from the server's body:\n got %.200s\nwant %.200s", tc.kind, res.stdout, want)
		}
		var rec struct {
			ID       int64 `json:"id"`
			Embedded struct {
				Leads []json.RawMessage `json:"leads"`
			} `json:"_embedded"`
		}
		if err := json.Unmarshal([]byte(res.stdout), &rec); err != nil || rec.ID != tc.id || len(rec.Embedded.Leads) == 0 {
			t.Errorf("%s: decoded %+v, %v", tc.kind, rec, err)
		}
	}
}

func TestGetRecordByURLOfThisAccountOnly(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	own := func(section string, id int64) string {
		return fmt.Sprintf("%s/%s/detail/%d?tab=leads", srv.URL(), section, id)
	}
	contact := fmt.Sprintf("Contact %d: %s", sandbox.LeadBasicContact, sandbox.LeadBasicContactName)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"get", own("contacts", sandbox.LeadBasicContact)}, contact},
		{[]string{"get", "contact", own("contacts", sandbox.LeadBasicContact)}, contact},
		{[]string{"get", "--timeout", "5s", "--json", own("companies", sandbox.LeadBasicCompany)}, fmt.Sprintf(`{"id":%d,`, sandbox.LeadBasicCompany)},
	} {
		res := runBinary(t, sandboxEnv(srv), "", tc.args...)
		if res.code != 0 || !strings.HasPrefix(res.stdout, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, stdout %.80q", tc.args, res.code, res.stderr, res.stdout)
		}
	}
	srv.ResetCounts()
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"get", "https://other.kommo.com/contacts/detail/5"}, "contact URL is for other.kommo.com, but leadscope is using"},
		{[]string{"get", "company", "https://other.kommo.com/companies/detail/5", "--json"}, "company URL is for other.kommo.com"},
		{[]string{"get", "contact", own("companies", sandbox.LeadBasicCompany)}, "not a contact URL"},
		{[]string{"get", "company", "abc"}, `bad company ID: "abc" is not a number`},
		{[]string{"get", "contact", "0"}, "0 is not a contact ID"},
		{[]string{"get", "contact"}, "get contact needs exactly one contact ID"},
		{[]string{"get", "contact", "1", "2"}, "get contact needs exactly one contact ID"},
		{[]string{"get", "company", "5", "--feed"}, "unknown flag --feed"},
	} {
		res := runBinary(t, sandboxEnv(srv), "", tc.args...)
		assertOneLineFailure(t, res, 2, strings.Join(tc.args, " "))
		if !strings.Contains(res.stderr, tc.says) {
			t.Errorf("%v: stderr %q lacks %q", tc.args, res.stderr, tc.says)
		}
	}
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("refused references sent %d requests", n)
	}
	// A lead ID stays a lead.
	res := runBinary(t, sandboxEnv(srv), "", "get", fmt.Sprint(sandbox.LeadBasic))
	if res.code != 0 || !strings.HasPrefix(res.stdout, fmt.Sprintf("Lead %d: ", sandbox.LeadBasic)) {
		t.Errorf("get ID: exit %d, %.80q", res.code, res.stdout)
	}
}

func TestGetRecordNotFoundIsExit3For204And404(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	for _, args := range [][]string{
		{"get", "contact", fmt.Sprint(sandbox.ContactMissing)},
		{"get", "company", fmt.Sprint(sandbox.CompanyMissing), "--json"},
	} {
		res := runBinary(t, sandboxEnv(srv), "", args...)
		assertOneLineFailure(t, res, 3, "204 "+args[1])
		srv.SetFaults(sandbox.Faults{MissingLead404: true})
		res = runBinary(t, sandboxEnv(srv), "", args...)
		assertOneLineFailure(t, res, 3, "404 "+args[1])
		if !strings.Contains(res.stderr, "not found") {
			t.Errorf("stderr should say not found: %q", res.stderr)
		}
		srv.ClearFaults()
	}
	res := runBinary(t, []string{"KOMMO_BASE_URL=" + srv.URL(), "KOMMO_TOKEN=wrong"}, "", "get", "company", fmt.Sprint(sandbox.LeadBasicCompany))
	assertOneLineFailure(t, res, 4, "refused token")
}

// escapeContact is LeadEscapes's main contact, whose name carries escape sequences.
func escapeContact(t *testing.T, srv *sandbox.Server) int64 {
	t.Helper()
	var lead struct {
		Embedded struct {
			Contacts []struct {
				ID int64 `json:"id"`
			} `json:"contacts"`
		} `json:"_embedded"`
	}
	if err := json.Unmarshal(fetchPath(t, srv, fmt.Sprintf("/api/v4/leads/%d?with=contacts", sandbox.LeadEscapes)), &lead); err != nil || len(lead.Embedded.Contacts) == 0 {
		t.Fatalf("lead %d: %v", sandbox.LeadEscapes, err)
	}
	return lead.Embedded.Contacts[0].ID
}

func TestGetRecordNeverWritesControlCharacters(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	id := fmt.Sprint(escapeContact(t, srv))
	for _, args := range [][]string{{"get", "contact", id}, {"get", "contact", id, "--json"}} {
		res := runBinary(t, sandboxEnv(srv), "", args...)
		if res.code != 0 || !strings.Contains(res.stdout, "Mallory") {
			t.Fatalf("%v: exit %d: %s", args, res.code, res.stderr)
		}
		for _, bad := range [][]byte{{0x1b}, {0x07}, []byte("\u009b")} {
			if bytes.Contains([]byte(res.stdout), bad) {
				t.Errorf("%v wrote %q to the terminal:\n%q", args, bad, res.stdout)
			}
		}
	}
}

// TestGetRecordFaultMatrix: the contact's own request under the faults
// `get --json` meets for a lead; the exit codes and messages are the same.
func TestGetRecordFaultMatrix(t *testing.T) {
	contacts := sandbox.EndpointContacts
	for _, row := range []getFault{
		{name: "500 forever", faults: sandbox.Faults{Endpoint: contacts, Fault: sandbox.FaultStatus, Status: 500}, code: 1, message: "server error", requests: 4},
		{name: "503 once then success", faults: sandbox.Faults{Endpoint: contacts, Fault: sandbox.FaultStatus, Status: 503, Times: 1}, requests: 2},
		{name: "429 then success", faults: sandbox.Faults{Endpoint: contacts, Fault: sandbox.FaultStatus, Status: 429, RetryAfter: 1, Times: 1}, requests: 2},
		{name: "403 HTML block page", faults: sandbox.Faults{Endpoint: contacts, Fault: sandbox.FaultBlockedHTML}, code: 1, message: "blocked", requests: 1},
		{name: "malformed JSON", faults: sandbox.Faults{Endpoint: contacts, Fault: sandbox.FaultMalformedJSON}, code: 1, message: "bad response", requests: 1},
		{name: "50 MB body", faults: sandbox.Faults{Endpoint: contacts, Fault: sandbox.FaultHugeBody}, code: 1, message: "bad response", requests: 1},
		{name: "truncated body", faults: sandbox.Faults{Endpoint: contacts, Fault: sandbox.FaultTruncatedBody}, code: 1, message: "cut off", requests: 4},
	} {
		t.Run(row.name, func(t *testing.T) {
			t.Parallel()
			srv := startSandbox(t, sandbox.Options{RateLimit: -1})
			srv.SetFaults(row.faults)
			res := runBinary(t, sandboxEnv(srv), "", "get", "contact", "--json", fmt.Sprint(sandbox.ContactManyLeads))
			if row.message == "" {
				if res.code != 0 || !strings.Contains(res.stdout, fmt.Sprintf(`"id":%d`, sandbox.ContactManyLeads)) {
					t.Fatalf("want success, got exit %d, stderr %q", res.code, res.stderr)
				}
			} else {
				assertOneLineFailure(t, res, row.code, row.name)
				if !strings.Contains(res.stderr, row.message) {
					t.Errorf("stderr %q lacks %q", res.stderr, row.message)
				}
			}
			if got := srv.Requests(contacts); got != row.requests {
				t.Errorf("sandbox saw %d contact requests, want %d", got, row.requests)
			}
		})
	}
}

// TestGetContactWhenItsLeadsFail still prints the contact, says the leads
// are missing on stderr, and succeeds: the record itself arrived.
func TestGetContactWhenItsLeadsFail(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{RateLimit: -1})
	srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultStatus, Status: 403})
	res := runBinary(t, sandboxEnv(srv), "", "get", "contact", fmt.Sprint(sandbox.ContactManyLeads))
	if res.code != 0 || !strings.Contains(res.stdout, sandbox.ContactManyLeadsName) || !strings.Contains(res.stdout, "not loaded: ") {
		t.Fatalf("exit %d:\n%s", res.code, res.stdout)
	}
	if !strings.Contains(res.stderr, "warning: leads not loaded") {
		t.Errorf("stderr %q", res.stderr)
	}
}

// get contact shares get's account cache: a warm run asks only for the
// contact, its leads and its companies; --tz shows times in another zone.
func TestGetContactUsesTheAccountCacheAndTheZone(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{RateLimit: -1})
	env, _ := cachedEnv(t, srv)
	contact := fmt.Sprint(sandbox.LeadBasicContact)
	cold := mustGet(t, env, "contact", contact)
	if got := directoryRequests(srv); sum(got) != 4 {
		t.Errorf("cold run: directory requests %v, want one each", got)
	}
	srv.ResetCounts()
	warm := mustGet(t, env, "contact", contact)
	if got := directoryRequests(srv); sum(got) != 0 {
		t.Errorf("warm run: directory requests %v, want none", got)
	}
	// The contact, its 6 leads in one batch, its company's name.
	if got := srv.RequestCounts(); got[sandbox.EndpointContacts] != 1 || got[sandbox.EndpointLeads] != 1 || got[sandbox.EndpointCompanies] != 1 || srv.TotalRequests() != 3 {
		t.Errorf("warm run sent %v", got)
	}
	if warm.stdout != cold.stdout || warm.stderr != "" {
		t.Errorf("warm output differs or warns:\n%s\n---\n%s\n%s", cold.stdout, warm.stdout, warm.stderr)
	}
	utc := mustGet(t, env, "contact", contact, "--tz", "UTC")
	tokyo := mustGet(t, env, "contact", contact, "--tz", "Asia/Tokyo")
	if utc.stdout == tokyo.stdout || !strings.Contains(tokyo.stdout, "Times in Asia/Tokyo") {
		t.Errorf("--tz changed nothing:\n%s", tokyo.stdout)
	}
	res := runBinary(t, env, "", "get", "company", "5", "--tz", "Mars/Olympus")
	assertOneLineFailure(t, res, 2, "unknown zone")
}
