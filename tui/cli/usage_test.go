package cli_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api/sandbox"
)

func TestUnknownFlagNamesTheProgramOnce(t *testing.T) {
	for _, args := range [][]string{{"--bogus"}, {"get", "--bogus", "1"}, {"--tz"}} {
		res := runBinary(t, nil, "", args...)
		assertOneLineFailure(t, res, 2, strings.Join(args, " "))
		if n := strings.Count(res.stderr, "leadscope"); n != 1 {
			t.Errorf("%v: %q names the program %d times", args, res.stderr, n)
		}
	}
	if res := runBinary(t, nil, "", "--bogus"); !strings.Contains(res.stderr, "unknown flag --bogus") {
		t.Errorf("stderr %q", res.stderr)
	}
}

func TestHelpListsTheBrowsersFlags(t *testing.T) {
	res := runBinary(t, nil, "", "--help")
	if res.code != 0 {
		t.Fatalf("exit %d", res.code)
	}
	for _, flag := range []string{"--theme", "--mouse", "--account", "--tz", "--demo"} {
		if !strings.Contains(res.stdout, "\n  "+flag+" ") {
			t.Errorf("--help does not list %s:\n%s", flag, res.stdout)
		}
	}
}

func TestLoginWithNothingConfiguredNamesTheWaysIn(t *testing.T) {
	res := runBinary(t, nil, "", "login", "--no-browser")
	assertOneLineFailure(t, res, 2, "login without an integration")
	for _, want := range []string{"--with-token", "--demo"} {
		if !strings.Contains(res.stderr, want) {
			t.Errorf("stderr lacks %s: %q", want, res.stderr)
		}
	}
}

func TestTokenEnvironmentMistakesAreUsageErrors(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	id := fmt.Sprint(sandbox.LeadBasic)
	for _, c := range []struct {
		name string
		env  []string
		args []string
	}{
		{"token without base URL", []string{"KOMMO_TOKEN=" + sandbox.Token}, []string{"get", id}},
		{"token with an empty base URL", []string{"KOMMO_TOKEN=" + sandbox.Token, "KOMMO_BASE_URL="}, []string{"get", id}},
		{"token with a blank base URL", []string{"KOMMO_TOKEN=" + sandbox.Token, "KOMMO_BASE_URL=  "}, []string{"get", "--json", id}},
		{"browser: token without base URL", []string{"KOMMO_TOKEN=" + sandbox.Token}, []string{id}},
		{"blank token", []string{"KOMMO_TOKEN=   ", "KOMMO_BASE_URL=" + srv.URL()}, []string{"get", id}},
		{"token with a space inside", []string{"KOMMO_TOKEN=sandbox token", "KOMMO_BASE_URL=" + srv.URL()}, []string{"get", id}},
		{"token with a newline inside", []string{"KOMMO_TOKEN=sandbox\ntoken", "KOMMO_BASE_URL=" + srv.URL()}, []string{"get", id}},
		{"browser: blank token", []string{"KOMMO_TOKEN=\t", "KOMMO_BASE_URL=" + srv.URL()}, []string{id}},
	} {
		res := runBinary(t, c.env, "", c.args...)
		assertOneLineFailure(t, res, 2, c.name)
		if !strings.Contains(res.stderr, "KOMMO_") {
			t.Errorf("%s: the error should name the variable: %q", c.name, res.stderr)
		}
	}
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("bad tokens sent %d requests", n)
	}
	padded := runBinary(t, []string{"KOMMO_TOKEN= Bearer " + sandbox.Token + "\n", "KOMMO_BASE_URL=" + srv.URL()}, "", "get", "--json", id)
	if padded.code != 0 {
		t.Errorf("a token with spaces around and a Bearer prefix: exit %d, %q", padded.code, padded.stderr)
	}
}

func TestBrowserRefusesABadTimeZone(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	res := runBinary(t, sandboxEnv(srv), "", "--tz", "Mars/Base", fmt.Sprint(sandbox.LeadBasic))
	assertOneLineFailure(t, res, 2, "browser --tz Mars/Base")
	if !strings.Contains(res.stderr, `--tz: unknown time zone "Mars/Base"`) {
		t.Errorf("stderr %q", res.stderr)
	}
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("%d requests", n)
	}
}
