package cli_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/cli"
)

// listNow is the clock of the list tests: the sandbox's generated leads
// count back from it, and the command words times against it.
var listNow = time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)

func listSandbox(t *testing.T, opts sandbox.Options) *sandbox.Server {
	t.Helper()
	opts.Now = func() time.Time { return listNow }
	return startSandbox(t, opts)
}

type listRun struct {
	tty   bool
	env   map[string]string
	stdin string
}

// run runs leadscope in-process against srv, at listNow plus five minutes.
func (o listRun) run(t *testing.T, srv *sandbox.Server, args ...string) runResult {
	t.Helper()
	env := map[string]string{"KOMMO_BASE_URL": srv.URL(), "KOMMO_TOKEN": sandbox.Token, "COLUMNS": "120", "HOME": t.TempDir()}
	for k, v := range o.env {
		env[k] = v
	}
	var stdout, stderr lockedBuffer
	e := &cli.Env{Args: args, Getenv: func(k string) string { return env[k] }, Stdin: strings.NewReader(o.stdin),
		Stdout: &stdout, Stderr: &stderr, OutIsTTY: o.tty, Now: func() time.Time { return listNow.Add(5 * time.Minute) }}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	code := cli.Main(ctx, e)
	return runResult{stdout: strings.ReplaceAll(stdout.String(), srv.URL(), "http://sandbox"), stderr: stderr.String(), code: code}
}

func (r runResult) mustSucceed(t *testing.T) runResult {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	return r
}

func ndjsonLeads(t *testing.T, out string) []map[string]any {
	t.Helper()
	var leads []map[string]any
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var l map[string]any
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("not one JSON object per line: %v: %.200s", err, line)
		}
		leads = append(leads, l)
	}
	return leads
}

func idOf(l map[string]any) int64 { n, _ := l["id"].(float64); return int64(n) }

func displayWidth(s string) int { return ansi.StringWidth(s) }

// fetchPath asks the sandbox directly, as curl would.
func fetchPath(t *testing.T, srv *sandbox.Server, path string) []byte {
	t.Helper()
	_, body := fetchPathStatus(t, srv, path)
	return body
}

// fetchPathStatus is fetchPath with the answer's HTTP status.
func fetchPathStatus(t *testing.T, srv *sandbox.Server, path string) (int, []byte) {
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
	return resp.StatusCode, body
}

func TestListGoldenTable(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{})
	res := listRun{tty: true}.run(t, srv, "list", "--limit", "15").mustSucceed(t)
	if res.stderr != "" {
		t.Errorf("stderr %q", res.stderr)
	}
	golden.RequireEqual(t, []byte(res.stdout))
}

func TestListGoldenTableNarrow(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{})
	res := listRun{tty: true, env: map[string]string{"COLUMNS": "72"}}.run(t, srv, "list", "--view", "my open leads", "--limit", "8").mustSucceed(t)
	for _, line := range strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n") {
		if w := displayWidth(line); w > 72 {
			t.Errorf("line of %d columns: %q", w, line)
		}
	}
	golden.RequireEqual(t, []byte(res.stdout))
}

func TestListGoldenTSV(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{})
	res := listRun{}.run(t, srv, "list", "--pipeline", "renewals", "--stage", sandbox.RenewalsStatusDueName, "--limit", "10").mustSucceed(t)
	for _, line := range strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n") {
		if cols := strings.Split(line, "\t"); len(cols) != 8 || cols[3] != sandbox.RenewalsStatusDueName {
			t.Errorf("line %q", line)
		}
	}
	golden.RequireEqual(t, []byte(res.stdout))
}

func TestListGoldenNDJSON(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{})
	res := listRun{}.run(t, srv, "list", "--json", "--won", "--sort", "created", "--limit", "3").mustSucceed(t)
	golden.RequireEqual(t, []byte(res.stdout))
}

// --json prints each lead exactly as Kommo sent it in the list.
func TestListJSONIsKommosLeadObjects(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{})
	res := listRun{}.run(t, srv, "list", "--json", "--limit", "250").mustSucceed(t)
	leads := ndjsonLeads(t, res.stdout)
	if len(leads) != 250 || srv.TotalRequests() != 1 {
		t.Fatalf("%d leads in %d requests", len(leads), srv.TotalRequests())
	}
	page := string(fetchPath(t, srv, "/api/v4/leads?limit=250&order%5Bupdated_at%5D=desc&page=1"))
	for _, line := range strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n") {
		if !strings.Contains(page, strings.ReplaceAll(line, "http://sandbox", srv.URL())) {
			t.Fatalf("line is not one of the page's objects: %.200s", line)
		}
	}
}

func TestListPagesOnlyAsFarAsTheLimit(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{RateLimit: -1})
	for _, c := range []struct {
		limit, requests int
	}{{1, 1}, {50, 1}, {250, 1}, {251, 2}, {600, 3}} {
		srv.ResetCounts()
		res := listRun{}.run(t, srv, "list", "--json", "--limit", fmt.Sprint(c.limit)).mustSucceed(t)
		if n := len(ndjsonLeads(t, res.stdout)); n != c.limit || srv.Requests(sandbox.EndpointLeads) != c.requests {
			t.Errorf("--limit %d: %d leads in %d requests, want %d", c.limit, n, srv.Requests(sandbox.EndpointLeads), c.requests)
		}
	}
	res := listRun{}.run(t, srv, "list", "--json", "--limit", "10000").mustSucceed(t)
	if n := len(ndjsonLeads(t, res.stdout)); n != len(sandbox.LeadIDs()) {
		t.Errorf("everything: %d leads, want %d", n, len(sandbox.LeadIDs()))
	}
}

func TestListNothingMatches(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{})
	for _, args := range [][]string{{"list", "no such lead anywhere"}, {"list", "--json", "zzzz-nothing"}} {
		res := listRun{tty: true}.run(t, srv, args...)
		if res.code != 0 || res.stdout != "" || !strings.Contains(res.stderr, "no leads match") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, res.code, res.stdout, res.stderr)
		}
	}
}

func TestListSearchFindsLeadsThroughContacts(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{})
	res := listRun{}.run(t, srv, "list", sandbox.SearchPhone, "--json").mustSucceed(t)
	if n := len(ndjsonLeads(t, res.stdout)); n != sandbox.SearchPhoneLeads || srv.TotalRequests() != 3 {
		t.Errorf("%d leads in %d requests", n, srv.TotalRequests())
	}
	res = listRun{}.run(t, srv, "list", strings.ToUpper(sandbox.SearchEmail), "--limit", "100").mustSucceed(t)
	if n := strings.Count(res.stdout, "\n"); n != sandbox.SearchEmailLeads {
		t.Errorf("e-mail: %d rows", n)
	}
}

func TestListFiltersByName(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{})
	res := listRun{}.run(t, srv, "list", "--json", "--responsible", "boris", "--open", "--limit", "500").mustSucceed(t)
	leads := ndjsonLeads(t, res.stdout)
	if len(leads) < 50 {
		t.Fatalf("%d leads", len(leads))
	}
	for _, l := range leads {
		if int64(l["responsible_user_id"].(float64)) != sandbox.UserSales {
			t.Fatalf("lead %d of user %v", idOf(l), l["responsible_user_id"])
		}
		if s := int64(l["status_id"].(float64)); s == sandbox.StatusWon || s == sandbox.StatusLost {
			t.Fatalf("closed lead %d", idOf(l))
		}
	}
}

// On an account without the filter feature the output still holds only
// what was asked for, and stderr says once why it took longer.
func TestListWithFiltersOff(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{RateLimit: -1})
	srv.SetFaults(sandbox.Faults{FiltersDisabled: true})
	res := listRun{}.run(t, srv, "list", "--json", "--pipeline", sandbox.PipelineRenewalsName, "--stage", sandbox.RenewalsStatusDueName, "--limit", "40").mustSucceed(t)
	leads := ndjsonLeads(t, res.stdout)
	if len(leads) != 40 {
		t.Fatalf("%d leads", len(leads))
	}
	for _, l := range leads {
		if int64(l["status_id"].(float64)) != sandbox.RenewalsStatusDue {
			t.Fatalf("lead %d in stage %v", idOf(l), l["status_id"])
		}
	}
	if strings.Count(res.stderr, "ignores Kommo's API filters") != 1 {
		t.Errorf("stderr %q", res.stderr)
	}
}

func TestListConfiguredViewWithTags(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{})
	config := t.TempDir()
	if err := os.MkdirAll(filepath.Join(config, "leadscope"), 0o700); err != nil {
		t.Fatal(err)
	}
	views := `{"views":[{"name":"Hot deals","tags":["VIP","enterprise"],"open":true,"pipeline":"Sales"}]}`
	if err := os.WriteFile(filepath.Join(config, "leadscope", "config.json"), []byte(views), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"XDG_CONFIG_HOME": config}
	res := listRun{env: env}.run(t, srv, "list", "--view", "hot deals", "--json", "--limit", "30").mustSucceed(t)
	leads := ndjsonLeads(t, res.stdout)
	if len(leads) != 30 || !strings.Contains(res.stderr, "Kommo cannot filter leads by tag") {
		t.Fatalf("%d leads, stderr %q", len(leads), res.stderr)
	}
	for _, l := range leads {
		tags := fmt.Sprint(l["_embedded"].(map[string]any)["tags"])
		if !strings.Contains(tags, "vip") && !strings.Contains(tags, "enterprise") || int64(l["pipeline_id"].(float64)) != sandbox.PipelineSales {
			t.Fatalf("lead %d: %s in %v", idOf(l), tags, l["pipeline_id"])
		}
	}
	bad := listRun{env: env}.run(t, srv, "list", "--view", "cold deals")
	if bad.code != cli.ExitUsage || !strings.Contains(bad.stderr, `no view named "cold deals" (views: My open leads, All open, Updated today, Closest task overdue, Hot deals)`) {
		t.Errorf("unknown view: exit %d, %q", bad.code, bad.stderr)
	}
}

func TestListExitCodes(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{})
	for _, c := range []struct {
		args []string
		env  map[string]string
		code int
		text string
	}{
		{[]string{"list", "--limit", "0"}, nil, cli.ExitUsage, "--limit must be between 1 and 10000"},
		{[]string{"list", "--open", "--lost"}, nil, cli.ExitUsage, "exclude each other"},
		{[]string{"list", "--sort", "price"}, nil, cli.ExitUsage, "--sort must be updated, created or id"},
		{[]string{"list", "--nope"}, nil, cli.ExitUsage, "unknown flag --nope"},
		{[]string{"list", "--pipeline", "Salez"}, nil, cli.ExitUsage, `no pipeline "Salez" (pipelines: Sales, Partnerships, Renewals)`},
		{[]string{"list", "--stage", "won", "--open"}, nil, cli.ExitUsage, `stage "won" cannot hold open leads`},
		{[]string{"list", "--responsible", "Nobody"}, nil, cli.ExitUsage, `no user "Nobody"`},
		{[]string{"list"}, map[string]string{"KOMMO_TOKEN": "wrong"}, cli.ExitAuth, "not authenticated"},
		{[]string{"list"}, map[string]string{"KOMMO_TOKEN": "", "KOMMO_BASE_URL": ""}, cli.ExitAuth, "not logged in"},
	} {
		res := listRun{env: c.env}.run(t, srv, c.args...)
		if res.code != c.code || !strings.Contains(res.stderr, c.text) || strings.Count(res.stderr, "\n") != 1 || res.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d and %q", c.args, res.code, res.stdout, res.stderr, c.code, c.text)
		}
	}
	srv.SetFaults(sandbox.Faults{Fault: sandbox.FaultStatus, Status: 500})
	if res := (listRun{}).run(t, srv, "list", "--json", "--timeout", "2s"); res.code != cli.ExitFailure || !strings.Contains(res.stderr, "server error") {
		t.Errorf("500: exit %d, %q", res.code, res.stderr)
	}
}

func TestListColourOnlyOnATerminal(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{})
	t.Setenv("CLICOLOR_FORCE", "1") // lipgloss would otherwise see the test's buffer as no terminal
	coloured := listRun{tty: true}.run(t, srv, "list", "--limit", "5").mustSucceed(t)
	if !strings.Contains(coloured.stdout, "\x1b[") || !strings.Contains(coloured.stdout, "●") {
		t.Errorf("no colour on a terminal:\n%s", coloured.stdout)
	}
	plain := map[string]listRun{"NO_COLOR": {tty: true, env: map[string]string{"NO_COLOR": "1"}}, "piped": {}}
	for name, o := range plain {
		if res := o.run(t, srv, "list", "--limit", "5").mustSucceed(t); strings.Contains(res.stdout, "\x1b") {
			t.Errorf("%s: escape sequences in %q", name, res.stdout)
		}
	}
}

// Whatever a lead is named, a row stays one clean line.
func TestListRowsAreClean(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{})
	for _, tty := range []bool{true, false} {
		res := listRun{tty: tty}.run(t, srv, "list", "escaped").mustSucceed(t)
		if strings.ContainsAny(res.stdout, "\x1b\a\r") || !strings.Contains(res.stdout, "Escaped ␛]52;c;aGk=␇ lead") {
			t.Errorf("tty %v:\n%s", tty, res.stdout)
		}
		if tty {
			continue
		}
		for _, line := range strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n") {
			if strings.Count(line, "\t") != 7 {
				t.Errorf("%d tabs in %q", strings.Count(line, "\t"), line)
			}
		}
	}
}

func TestListBinary(t *testing.T) {
	srv := listSandbox(t, sandbox.Options{})
	res := runBinary(t, sandboxEnv(srv), "", "list", "--json", "--limit", "5", "--view", "All open")
	if res.code != 0 || len(ndjsonLeads(t, res.stdout)) != 5 || res.stderr != "" {
		t.Fatalf("exit %d, %d lines, stderr %q", res.code, len(ndjsonLeads(t, res.stdout)), res.stderr)
	}
	res = runBinary(t, sandboxEnv(srv), "", "list", "nothing-like-this")
	if res.code != 0 || res.stdout != "" || res.stderr != "leadscope: no leads match\n" {
		t.Errorf("no rows: exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
	}
	res = runBinary(t, sandboxEnv(srv), "", "list", "--limit", "3")
	if res.code != 0 || strings.Count(res.stdout, "\n") != 3 || strings.Count(res.stdout, "\t") != 21 {
		t.Errorf("piped: exit %d, %q", res.code, res.stdout)
	}
}

// hostileKommo answers every lead list with page(n) and the account with filters off.
func hostileKommo(t *testing.T, page func(n int) string) (*httptest.Server, func() int) {
	t.Helper()
	var mu sync.Mutex
	requests := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests++
		mu.Unlock()
		w.Header().Set("Content-Type", "application/hal+json")
		switch r.URL.Path {
		case "/api/v4/account":
			io.WriteString(w, `{"id":1,"current_user_id":5,"currency":"USD","is_api_filter_enabled":false}`)
		case "/api/v4/leads/pipelines":
			io.WriteString(w, `{"_embedded":{"pipelines":[{"id":1,"name":"Sales","_embedded":{"statuses":[{"id":10,"name":"New","pipeline_id":1},{"id":142,"name":"Won","pipeline_id":1},{"id":143,"name":"Lost","pipeline_id":1}]}},{"id":2,"name":"Other","_embedded":{"statuses":[{"id":20,"name":"New","pipeline_id":2}]}}]}}`)
		default:
			n, _ := strconv.Atoi(r.URL.Query().Get("page"))
			io.WriteString(w, page(n))
		}
	}))
	t.Cleanup(srv.Close)
	return srv, func() int {
		mu.Lock()
		defer mu.Unlock()
		return requests
	}
}

func leadsPage(first, count int, pipeline int) string {
	var leads []string
	for i := range count {
		leads = append(leads, fmt.Sprintf(`{"id":%d,"name":"lead %d","pipeline_id":%d,"status_id":20,"updated_at":1000}`, first+i, first+i, pipeline))
	}
	return `{"_links":{"next":{"href":"/api/v4/leads?page=999"}},"_embedded":{"leads":[` + strings.Join(leads, ",") + `]}}`
}

func runAgainst(t *testing.T, base string, args ...string) runResult {
	t.Helper()
	var stdout, stderr lockedBuffer
	env := map[string]string{"KOMMO_BASE_URL": base, "KOMMO_TOKEN": "t", "HOME": t.TempDir()}
	e := &cli.Env{Args: args, Getenv: func(k string) string { return env[k] }, Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	code := cli.Main(ctx, e)
	return runResult{stdout: stdout.String(), stderr: stderr.String(), code: code}
}

// A server that sends the same page whatever page is asked ends the list
// after the page that brought nothing new.
func TestListStopsOnARepeatedPage(t *testing.T) {
	srv, requests := hostileKommo(t, func(int) string { return leadsPage(1, 3, 2) })
	res := runAgainst(t, srv.URL, "list", "--json", "--limit", "100")
	if res.code != 0 || len(ndjsonLeads(t, res.stdout)) != 3 || requests() != 2 {
		t.Errorf("exit %d, %d leads, %d requests, stderr %q", res.code, len(ndjsonLeads(t, res.stdout)), requests(), res.stderr)
	}
}

// A server that ignores the filter and pages forever, none of it matching:
// the list reads a bounded number of pages and says why it stopped.
func TestListGivesUpOnEndlessUnfilteredPages(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 40 pages at Kommo's 7 requests per second")
	}
	srv, requests := hostileKommo(t, func(n int) string { return leadsPage(n*1000, 250, 2) })
	res := runAgainst(t, srv.URL, "list", "--json", "--pipeline", "Sales", "--limit", "10")
	leadRequests := requests() - 2 // the account and the pipelines
	if res.code != 0 || res.stdout != "" || leadRequests != 40 ||
		!strings.Contains(res.stderr, "ignores Kommo's API filters") || !strings.Contains(res.stderr, "stopped after reading 10000 leads") ||
		!strings.Contains(res.stderr, "no leads match") {
		t.Errorf("exit %d, %d lead requests, stdout %q, stderr %q", res.code, leadRequests, res.stdout, res.stderr)
	}
}
