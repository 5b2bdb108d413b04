package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api/sandbox"
)

// startSandbox runs a fresh sandbox for one test, so request counts and the
// server's rate-limit window belong to that test alone.
func startSandbox(t *testing.T, opts sandbox.Options) *sandbox.Server {
	t.Helper()
	srv, err := sandbox.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv
}

func sandboxEnv(srv *sandbox.Server) []string {
	return []string{"KOMMO_BASE_URL=" + srv.URL(), "KOMMO_TOKEN=" + sandbox.Token}
}

func TestGetPrintsResolvedSummary(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	res := runBinary(t, sandboxEnv(srv), "", "get", fmt.Sprint(sandbox.LeadBasic))
	if res.code != 0 {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	for _, want := range []string{
		sandbox.LeadBasicName,
		"12,500 USD",
		sandbox.PipelineSalesName + " ▸ " + sandbox.LeadBasicStageName,
		sandbox.UserAdminName,
		"* " + sandbox.LeadBasicContactName,
		sandbox.LeadBasicContactPhone,
		sandbox.LeadBasicContactEmail,
		sandbox.LeadBasicCompanyName,
		// The product's price is the type the lead chose (metadata.price_id), not its first.
		sandbox.LeadBasicProductName + " (" + sandbox.CatalogProductsName + ") × 2 at " + sandbox.LeadBasicProductPriceOnLead + " USD",
		sandbox.LeadBasicServiceName + " (" + sandbox.CatalogServicesName + ") × 1.5 at 150 USD",
		"[" + sandbox.LeadBasicTagColored + "]",
		srv.URL() + "/leads/detail/" + fmt.Sprint(sandbox.LeadBasic),
		"Custom fields",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, res.stdout)
		}
	}
	if res.stderr != "" {
		t.Errorf("stderr should be empty, got %q", res.stderr)
	}
}

func TestGetResolvesLossReasonAndSource(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	for _, c := range []struct {
		id     int64
		reason string
	}{{sandbox.LeadLost, sandbox.LostReasonName}, {sandbox.LeadLostObject, sandbox.LostObjectReasonName}} {
		res := runBinary(t, sandboxEnv(srv), "", "get", fmt.Sprint(c.id))
		if res.code != 0 || !strings.Contains(res.stdout, c.reason) {
			t.Errorf("lead %d: exit %d, want loss reason %q in:\n%s%s", c.id, res.code, c.reason, res.stdout, res.stderr)
		}
	}
	res := runBinary(t, sandboxEnv(srv), "", "get", fmt.Sprint(sandbox.LeadLost))
	if !strings.Contains(res.stdout, sandbox.LostSourceName) {
		t.Errorf("lost lead lacks its source %q:\n%s", sandbox.LostSourceName, res.stdout)
	}
}

func TestGetJSONIsKommosBodyVerbatim(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	res := runBinary(t, sandboxEnv(srv), "", "get", "--json", fmt.Sprint(sandbox.LeadBasic))
	if res.code != 0 {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	want := fetchRaw(t, srv, sandbox.LeadBasic)
	if strings.TrimSuffix(res.stdout, "\n") != strings.TrimSuffix(string(want), "\n") {
		t.Fatalf("--json output differs from the server's body:\n got %.200s\nwant %.200s", res.stdout, want)
	}
	var lead struct {
		ID       int64 `json:"id"`
		Embedded struct {
			Contacts []json.RawMessage `json:"contacts"`
		} `json:"_embedded"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &lead); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if lead.ID != sandbox.LeadBasic || len(lead.Embedded.Contacts) == 0 {
		t.Fatalf("decoded id %d with %d contacts", lead.ID, len(lead.Embedded.Contacts))
	}
	if got := srv.TotalRequests(); got != 2 { // ours above plus the binary's one
		t.Errorf("--json should cost one request, the server saw %d in all", got)
	}
}

// fetchRaw asks the sandbox for lead id directly, as get --json does.
func fetchRaw(t *testing.T, srv *sandbox.Server, id int64) []byte {
	t.Helper()
	return fetchPath(t, srv, fmt.Sprintf("/api/v4/leads/%d?with=contacts,catalog_elements,loss_reason,is_price_modified_by_robot,source_id,source", id))
}

func TestGetAcceptsLeadURLAndFlagsAnywhere(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	url := fmt.Sprintf("%s/leads/detail/%d?tab=notes", srv.URL(), sandbox.LeadBasic)
	res := runBinary(t, []string{"KOMMO_TOKEN=" + sandbox.Token}, "", "get", url, "--account", srv.URL(), "--json")
	if res.code != 0 || !strings.Contains(res.stdout, fmt.Sprintf(`"id":%d`, sandbox.LeadBasic)) {
		t.Fatalf("exit %d, stdout %.200q, stderr %q", res.code, res.stdout, res.stderr)
	}
}

func TestGetRejectsBadIDsWithoutARequest(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	for _, arg := range []string{"abc", "0", "-5", "12a", "99999999999999999999", "", " ", "https://acme.kommo.com/contacts/detail/5"} {
		res := runBinary(t, sandboxEnv(srv), "", "get", arg)
		assertOneLineFailure(t, res, 2, "get "+arg)
	}
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("bad IDs sent %d requests", n)
	}
	assertOneLineFailure(t, runBinary(t, sandboxEnv(srv), "", "get"), 2, "get without an ID")
	assertOneLineFailure(t, runBinary(t, sandboxEnv(srv), "", "get", "1", "2"), 2, "get with two IDs")
}

func assertOneLineFailure(t *testing.T, res runResult, code int, what string) {
	t.Helper()
	if res.code != code {
		t.Errorf("%s: exit %d, want %d (stderr %q)", what, res.code, code, res.stderr)
	}
	if res.stdout != "" {
		t.Errorf("%s: stdout must stay clean, got %q", what, res.stdout)
	}
	lines := strings.Split(strings.TrimRight(res.stderr, "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "leadscope: ") {
		t.Errorf("%s: want one line on stderr, got %q", what, res.stderr)
	}
	if strings.Contains(res.stderr, "goroutine ") || strings.Contains(res.stderr, "panic") {
		t.Errorf("%s: stack trace on stderr: %q", what, res.stderr)
	}
}

func TestGetNotFoundIsExit3For204And404(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	res := runBinary(t, sandboxEnv(srv), "", "get", fmt.Sprint(sandbox.LeadMissing))
	assertOneLineFailure(t, res, 3, "204 lead")
	srv.SetFaults(sandbox.Faults{MissingLead404: true})
	res = runBinary(t, sandboxEnv(srv), "", "get", "--json", fmt.Sprint(sandbox.LeadMissing))
	assertOneLineFailure(t, res, 3, "404 lead")
	if !strings.Contains(res.stderr, "not found") {
		t.Errorf("stderr should say not found: %q", res.stderr)
	}
}

func TestGetAuthFailuresAreExit4(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	res := runBinary(t, []string{"KOMMO_BASE_URL=" + srv.URL(), "KOMMO_TOKEN=wrong"}, "", "get", fmt.Sprint(sandbox.LeadBasic))
	assertOneLineFailure(t, res, 4, "refused token")
	if !strings.Contains(res.stderr, "leadscope login") || strings.Contains(res.stderr, "wrong") {
		t.Errorf("stderr should hint at login and never echo the token: %q", res.stderr)
	}
	res = runBinary(t, nil, "", "get", fmt.Sprint(sandbox.LeadBasic))
	assertOneLineFailure(t, res, 4, "no credentials")
}

func TestGetRefusesPlainHTTPToRemoteHosts(t *testing.T) {
	res := runBinary(t, []string{"KOMMO_BASE_URL=http://acme.kommo.com", "KOMMO_TOKEN=x"}, "", "get", "5")
	assertOneLineFailure(t, res, 2, "plain http account")
}

func TestGetShowsUserIDWhenUsersNotPermitted(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	srv.SetFaults(sandbox.Faults{UsersForbidden: true})
	res := runBinary(t, sandboxEnv(srv), "", "get", fmt.Sprint(sandbox.LeadBasic))
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	if !strings.Contains(res.stdout, fmt.Sprintf("#%d", sandbox.UserAdmin)) || strings.Contains(res.stdout, sandbox.UserAdminName) {
		t.Errorf("responsible user should show as an ID:\n%s", res.stdout)
	}
	if res.stderr != "" {
		t.Errorf("403 on /users is expected and must stay quiet, stderr %q", res.stderr)
	}
}

func TestGetNeverWritesControlCharacters(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	for _, args := range [][]string{{"get", fmt.Sprint(sandbox.LeadEscapes)}, {"get", "--json", fmt.Sprint(sandbox.LeadEscapes)}} {
		res := runBinary(t, sandboxEnv(srv), "", args...)
		if res.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, res.code, res.stderr)
		}
		out := []byte(res.stdout)
		for _, bad := range [][]byte{{0x1b}, {0x07}, []byte("\u009b")} {
			if bytes.Contains(out, bad) {
				t.Errorf("%v wrote %q to the terminal:\n%q", args, bad, res.stdout)
			}
		}
	}
}
