package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api/sandbox"
)

// rowValue is the value `get` prints on the row labelled label.
func rowValue(t *testing.T, out, label string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(label) + ` {2,}(.*)$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no %q row in:\n%s", label, out)
	}
	return m[1]
}

func getLead(t *testing.T, env []string, args ...string) string {
	t.Helper()
	res := runBinary(t, env, "", append([]string{"get"}, args...)...)
	if res.code != 0 || res.stderr != "" {
		t.Fatalf("get %v: exit %d, stderr %q", args, res.code, res.stderr)
	}
	return res.stdout
}

// TestGetShowsCalendarDatesInTheAccountsZone: Kommo stores date fields as
// midnight in the account's zone (the sandbox's is UTC-3), so a viewer in
// Los Angeles must still see the account's date, and by default the times
// in the account's zone too, with a line saying which zone that is.
func TestGetShowsCalendarDatesInTheAccountsZone(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	env := append(sandboxEnv(srv), "TZ=America/Los_Angeles")
	out := getLead(t, env, fmt.Sprint(sandbox.LeadAllFieldTypes))
	for label, want := range map[string]string{
		"Contract start":   sandbox.LeadBasicContractStart,
		"Founder birthday": "1990-05-17",
		"Kick-off call":    "2024-07-01 09:30",
		"Created":          "2024-04-25 21:00",
	} {
		if got := rowValue(t, out, label); !strings.HasPrefix(got, want) {
			t.Errorf("%s = %q, want %q", label, got, want)
		}
	}
	if !strings.Contains(out, "\n  Times in "+sandbox.AccountTimezone+" (account)\n") {
		t.Errorf("no line naming the account's zone:\n%s", out)
	}

	local := getLead(t, env, fmt.Sprint(sandbox.LeadAllFieldTypes), "--tz", "local")
	if got := rowValue(t, local, "Contract start"); got != sandbox.LeadBasicContractStart {
		t.Errorf("--tz local moved a calendar date: %q", got)
	}
	if got := rowValue(t, local, "Kick-off call"); got != "2024-07-01 05:30" {
		t.Errorf("--tz local: kick-off %q, want Los Angeles time", got)
	}
	if strings.Contains(local, "Times in") {
		t.Errorf("times in the machine's zone need no note:\n%s", local)
	}

	tokyo := getLead(t, env, "--tz", "Asia/Tokyo", fmt.Sprint(sandbox.LeadAllFieldTypes))
	if got := rowValue(t, tokyo, "Kick-off call"); got != "2024-07-01 21:30" || !strings.Contains(tokyo, "Times in Asia/Tokyo\n") {
		t.Errorf("--tz Asia/Tokyo: kick-off %q\n%s", got, tokyo)
	}
	offset := getLead(t, env, "--tz=+05:30", fmt.Sprint(sandbox.LeadAllFieldTypes))
	if got := rowValue(t, offset, "Kick-off call"); got != "2024-07-01 18:00" {
		t.Errorf("--tz +05:30: kick-off %q", got)
	}

	atHome := getLead(t, append(sandboxEnv(srv), "TZ="+sandbox.AccountTimezone), fmt.Sprint(sandbox.LeadAllFieldTypes))
	if strings.Contains(atHome, "Times in") {
		t.Errorf("a machine in the account's zone needs no note:\n%s", atHome)
	}
}

func TestGetTimeZoneFromConfig(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	home := t.TempDir()
	writeConfigFile := func(content string) {
		dir := filepath.Join(home, ".config", "leadscope")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	env := append(sandboxEnv(srv), "TZ=America/Los_Angeles", "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"))
	id := fmt.Sprint(sandbox.LeadAllFieldTypes)
	writeConfigFile(`{"tz":"local"}`)
	if got := rowValue(t, getLead(t, env, id), "Kick-off call"); got != "2024-07-01 05:30" {
		t.Errorf(`config tz "local": kick-off %q`, got)
	}
	if got := rowValue(t, getLead(t, env, id, "--tz", "account"), "Kick-off call"); got != "2024-07-01 09:30" {
		t.Errorf("--tz wins over the config: kick-off %q", got)
	}
	writeConfigFile(`{"tz":"Atlantis/Lost_City"}`)
	srv.ResetCounts()
	res := runBinary(t, env, "", "get", id)
	assertOneLineFailure(t, res, 2, "config tz unknown")
	if !strings.Contains(res.stderr, "config.json") || !strings.Contains(res.stderr, "Atlantis/Lost_City") {
		t.Errorf("the error should name the file and the zone: %q", res.stderr)
	}
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("a bad config tz sent %d requests", n)
	}
}

func TestGetRefusesBadTimeZones(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	for _, tz := range []string{"Mars/Base", "", "../../etc/passwd", "+25:00", "Local\x1b[2J"} {
		res := runBinary(t, sandboxEnv(srv), "", "get", "--tz", tz, fmt.Sprint(sandbox.LeadBasic))
		assertOneLineFailure(t, res, 2, "--tz "+tz)
		if !strings.Contains(res.stderr, "--tz") {
			t.Errorf("--tz %q: the error should name the flag: %q", tz, res.stderr)
		}
	}
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("bad zones sent %d requests", n)
	}
}

// TestGetRefusesAnotherAccountsLeadURL: lead IDs are per account, so
// another account's URL would print an unrelated lead of this one.
func TestGetRefusesAnotherAccountsLeadURL(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	for _, args := range [][]string{
		{"get", fmt.Sprintf("https://other.kommo.com/leads/detail/%d", sandbox.LeadLost)},
		{"get", "--json", fmt.Sprintf("other.amocrm.ru/leads/detail/%d", sandbox.LeadLost)},
	} {
		res := runBinary(t, sandboxEnv(srv), "", args...)
		assertOneLineFailure(t, res, 2, strings.Join(args, " "))
		host := strings.TrimPrefix(srv.URL(), "http://")
		if !strings.Contains(res.stderr, "lead URL is for other.") || !strings.Contains(res.stderr, "leadscope is using "+host) {
			t.Errorf("%v: the error should name both accounts: %q", args, res.stderr)
		}
	}
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("foreign lead URLs sent %d requests", n)
	}
	own := fmt.Sprintf("%s/leads/detail/%d", srv.URL(), sandbox.LeadLost)
	if out := getLead(t, sandboxEnv(srv), own); !strings.Contains(out, sandbox.LostReasonName) {
		t.Errorf("the account's own URL:\n%s", out)
	}
}

func TestBrowserRefusesAnotherAccountsLeadURLBeforeAnyRequest(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	res := runBinary(t, sandboxEnv(srv), "", "https://other.kommo.com/leads/detail/10000006")
	assertOneLineFailure(t, res, 2, "browser with a foreign URL")
	if !strings.Contains(res.stderr, "lead URL is for other.kommo.com") {
		t.Errorf("stderr %q", res.stderr)
	}
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("%d requests", n)
	}
}

func TestGetSpeaksTheBrowsersVocabulary(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	out := getLead(t, sandboxEnv(srv), fmt.Sprint(sandbox.LeadBasic))
	if got := rowValue(t, out, "Stage"); got != sandbox.PipelineSalesName+" ▸ "+sandbox.LeadBasicStageName {
		t.Errorf("Stage = %q", got)
	}
	if got := rowValue(t, out, "Price set"); got != "by a user" {
		t.Errorf("Price set = %q", got)
	}
	// The seed's tasks are due in 2024: long overdue, which a plain "ago" hides.
	if got := rowValue(t, out, "Next task"); !regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d \(overdue \d+ \w+\)$`).MatchString(got) {
		t.Errorf("Next task = %q, want the date and (overdue …)", got)
	}
	for _, old := range []string{"Closest task", "Pipeline ", "Price by robot", " › "} {
		if strings.Contains(out, old) {
			t.Errorf("old wording %q in:\n%s", old, out)
		}
	}
	won := getLead(t, append(sandboxEnv(srv), "NO_COLOR=1"), fmt.Sprint(sandbox.LeadWon))
	if got := rowValue(t, won, "Price set"); got != "by a robot" {
		t.Errorf("won lead: Price set = %q", got)
	}
}

func TestGetFormatsFieldsByType(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	out := getLead(t, sandboxEnv(srv), fmt.Sprint(sandbox.LeadAllFieldTypes))
	for label, wants := range map[string][]string{
		"Deal value":      {"12,500 USD"},
		"Deposit":         {"2,500.50 USD"},
		"Legal entity":    {"BIN " + sandbox.LegalEntityBIN, "actual address"},
		"Payer":           {"BIN " + sandbox.PayerBIN, "director Ann Lee"},
		"Supplier":        {"account " + sandbox.SupplierBankAccount},
		"Order items":     {"VAT 20%", "total 1,349.97 USD", "discount 20 USD"},
		"Warehouse chain": {"(Warehouses)", sandbox.LeadBasicProductName + " (" + sandbox.CatalogProductsName + ")"},
	} {
		got := rowValue(t, out, label)
		for _, w := range wants {
			if !strings.Contains(got, w) {
				t.Errorf("%s = %q, want %q in it", label, got, w)
			}
		}
	}
}
