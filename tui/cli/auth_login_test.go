package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/auth"
)

var leadBasic = fmt.Sprint(sandbox.LeadBasic)

func assertNoToken(t *testing.T, res runResult, tokens ...string) {
	t.Helper()
	for _, tok := range tokens {
		if tok != "" && (strings.Contains(res.stdout, tok) || strings.Contains(res.stderr, tok)) {
			t.Errorf("output shows a token:\nstdout %q\nstderr %q", res.stdout, res.stderr)
		}
	}
}

func storedCredentials(t *testing.T, w *authWorld) auth.Credentials {
	t.Helper()
	var c auth.Credentials
	if err := json.Unmarshal(fileBytes(t, w.credentialsPath()), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLoginThenGetStatusLogout(t *testing.T) {
	checkLeaks(t)
	w := newAuthWorld(t, sandbox.Options{})
	res := w.loginThroughBrowser(t, w.env, "allow")
	if res.code != 0 || !strings.Contains(res.stdout, "Logged in to "+sandbox.AccountName) {
		t.Fatalf("login: exit %d\nstdout %s\nstderr %s", res.code, res.stdout, res.stderr)
	}
	creds := storedCredentials(t, w)
	assertNoToken(t, res, creds.AccessToken, creds.RefreshToken, sandbox.DefaultClientSecret)
	info, err := os.Stat(w.credentialsPath())
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("credentials file: %v, mode %v", err, info.Mode())
	}
	if creds.Account != w.srv.URL() || creds.Kind != auth.KindOAuth {
		t.Errorf("stored %v", creds)
	}

	// Commands now work with only the config directory.
	env := map[string]string{"XDG_CONFIG_HOME": w.config}
	res = runCLI(t, env, "", "get", leadBasic, "--json")
	if res.code != 0 || !strings.Contains(res.stdout, sandbox.LeadBasicName) {
		t.Fatalf("get with the stored login: exit %d %s", res.code, res.stderr)
	}

	res = runCLI(t, env, "", "status")
	for _, want := range []string{w.srv.URL(), "oauth", w.credentialsPath(), "Expires:"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("status lacks %q:\n%s", want, res.stdout)
		}
	}
	assertNoToken(t, res, creds.AccessToken, creds.RefreshToken, sandbox.DefaultClientSecret)

	res = runCLI(t, env, "", "logout")
	if res.code != 0 || !strings.Contains(res.stdout, "Logged out") {
		t.Fatalf("logout: exit %d %s %s", res.code, res.stdout, res.stderr)
	}
	if _, err := os.Stat(w.credentialsPath()); !os.IsNotExist(err) {
		t.Errorf("credentials still stored: %v", err)
	}
	if res = runCLI(t, env, "", "get", leadBasic); res.code != 4 {
		t.Errorf("get after logout: exit %d, want 4", res.code)
	}
	if res = runCLI(t, env, "", "status"); res.code != 4 || !strings.Contains(res.stderr, "not logged in") {
		t.Errorf("status after logout: exit %d %s", res.code, res.stderr)
	}
	if res = runCLI(t, env, "", "logout"); res.code != 0 || !strings.Contains(res.stdout, "nothing to remove") {
		t.Errorf("second logout: exit %d %s", res.code, res.stdout)
	}
}

// seedLogin stores a session the sandbox issued, as a login would have.
func seedLogin(t *testing.T, w *authWorld, expiry time.Time) *auth.Credentials {
	t.Helper()
	access, refresh := w.srv.IssueTokens(0)
	c := &auth.Credentials{Account: w.srv.URL(), Kind: auth.KindOAuth, AccessToken: access, RefreshToken: refresh,
		TokenType: "Bearer", Expiry: expiry, ClientID: sandbox.DefaultClientID, ClientSecret: sandbox.DefaultClientSecret}
	if err := auth.NewStore(filepath.Join(w.config, "leadscope")).Save(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestFailedLoginsKeepTheOldCredentials(t *testing.T) {
	checkLeaks(t)
	t.Run("declined", func(t *testing.T) {
		w := newAuthWorld(t, sandbox.Options{})
		seedLogin(t, w, time.Now().Add(time.Hour))
		before := fileBytes(t, w.credentialsPath())
		res := w.loginThroughBrowser(t, w.env, "deny")
		if res.code != 4 || !strings.Contains(res.stderr, "you declined") {
			t.Errorf("declined login: exit %d %s", res.code, res.stderr)
		}
		if !bytes.Equal(before, fileBytes(t, w.credentialsPath())) {
			t.Error("a declined login changed the stored credentials")
		}
	})
	t.Run("ctrl-c", func(t *testing.T) {
		w := newAuthWorld(t, sandbox.Options{})
		seedLogin(t, w, time.Now().Add(time.Hour))
		before := fileBytes(t, w.credentialsPath())
		run := startCLI(w.env, nil, "login", "--no-browser")
		waitForAuthURL(t, run.stderr, run.done)
		run.cancel()
		res := run.wait(t)
		if res.code != 1 || !strings.Contains(res.stderr, "cancelled; stored credentials unchanged") {
			t.Errorf("cancelled login: exit %d %s", res.code, res.stderr)
		}
		if !bytes.Equal(before, fileBytes(t, w.credentialsPath())) {
			t.Error("a cancelled login changed the stored credentials")
		}
		u, _ := url.Parse(w.env["KOMMO_REDIRECT_URI"])
		if ln, err := net.Listen("tcp", u.Host); err != nil {
			t.Errorf("port still open after cancel: %v", err)
		} else {
			ln.Close()
		}
	})
	t.Run("timeout", func(t *testing.T) {
		w := newAuthWorld(t, sandbox.Options{})
		res := runCLI(t, w.env, "", "login", "--no-browser", "--timeout", "20ms")
		if res.code != 1 || !strings.Contains(res.stderr, "no answer from the browser") {
			t.Errorf("timed out login: exit %d %s", res.code, res.stderr)
		}
		if _, err := os.Stat(w.credentialsPath()); !os.IsNotExist(err) {
			t.Error("a timed out login stored something")
		}
	})
}

func TestLoginErrorsAreOneLine(t *testing.T) {
	checkLeaks(t)
	w := newAuthWorld(t, sandbox.Options{})
	u, _ := url.Parse(w.env["KOMMO_REDIRECT_URI"])
	ln, err := net.Listen("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	cases := []struct {
		name string
		env  map[string]string
		args []string
		code int
		want string
	}{
		{"port in use", w.env, nil, 1, "port " + u.Port()},
		{"no client id", w.without("KOMMO_CLIENT_ID"), nil, 2, "KOMMO_CLIENT_ID"},
		{"remote redirect", merge(w.env, "KOMMO_REDIRECT_URI", "https://example.com/cb"), nil, 2, "--paste"},
		{"secret as a flag", w.env, []string{"--client-secret", "s3cret"}, 2, "client-secret"},
		{"plain http account", merge(w.env, "KOMMO_BASE_URL", "http://acme.kommo.com"), nil, 2, "http"},
		{"arguments", w.env, []string{"extra"}, 2, "no arguments"},
	}
	for _, c := range cases {
		res := runCLI(t, c.env, "", append([]string{"login", "--no-browser"}, c.args...)...)
		lines := strings.Split(strings.TrimRight(res.stderr, "\n"), "\n")
		if res.code != c.code || len(lines) != 1 || !strings.Contains(res.stderr, c.want) {
			t.Errorf("%s: exit %d (want %d), stderr %q (want one line with %q)", c.name, res.code, c.code, res.stderr, c.want)
		}
		if strings.Contains(res.stderr, "s3cret") || strings.Contains(res.stderr, sandbox.DefaultClientSecret) {
			t.Errorf("%s: stderr shows the secret", c.name)
		}
	}
}

func merge(env map[string]string, k, v string) map[string]string {
	out := map[string]string{}
	for key, val := range env {
		out[key] = val
	}
	out[k] = v
	return out
}

func TestLoginWithLongLivedToken(t *testing.T) {
	checkLeaks(t)
	w := newAuthWorld(t, sandbox.Options{})
	const token = "long-lived-token-0123456789"
	w.srv.AddToken(token)
	env := map[string]string{"XDG_CONFIG_HOME": w.config, "KOMMO_BASE_URL": w.srv.URL()}

	res := runCLI(t, env, "not-the-token\n", "login", "--with-token")
	if res.code != 4 || !strings.Contains(res.stderr, "refused") {
		t.Errorf("wrong token: exit %d %s", res.code, res.stderr)
	}
	if _, err := os.Stat(w.credentialsPath()); !os.IsNotExist(err) {
		t.Fatal("a refused token was stored")
	}
	if res = runCLI(t, map[string]string{"XDG_CONFIG_HOME": w.config}, token+"\n", "login", "--with-token"); res.code != 2 {
		t.Errorf("--with-token without an account: exit %d %s", res.code, res.stderr)
	}
	if res = runCLI(t, env, "\n", "login", "--with-token"); res.code != 2 {
		t.Errorf("--with-token with empty stdin: exit %d %s", res.code, res.stderr)
	}

	res = runCLI(t, env, token+"\n", "login", "--with-token")
	if res.code != 0 {
		t.Fatalf("login --with-token: exit %d %s", res.code, res.stderr)
	}
	assertNoToken(t, res, token)
	if c := storedCredentials(t, w); c.AccessToken != token || c.Kind != auth.KindLongLived {
		t.Errorf("stored %v", c)
	}
	env = map[string]string{"XDG_CONFIG_HOME": w.config}
	if res = runCLI(t, env, "", "get", leadBasic, "--json"); res.code != 0 {
		t.Fatalf("get with the long-lived token: exit %d %s", res.code, res.stderr)
	}
	res = runCLI(t, env, "", "status")
	if !strings.Contains(res.stdout, "long-lived") {
		t.Errorf("status: %s", res.stdout)
	}
	assertNoToken(t, res, token)
}

func TestEnvironmentAndStoredAccounts(t *testing.T) {
	checkLeaks(t)
	w := newAuthWorld(t, sandbox.Options{})
	stored := seedLogin(t, w, time.Now().Add(time.Hour))
	other := startSandbox(t, sandbox.Options{})

	// KOMMO_BASE_URL naming another account: fail, and send nothing anywhere.
	res := runCLI(t, map[string]string{"XDG_CONFIG_HOME": w.config, "KOMMO_BASE_URL": other.URL()}, "", "get", leadBasic)
	if res.code != 4 || !strings.Contains(res.stderr, "logged in to "+w.srv.URL()) {
		t.Errorf("mismatched account: exit %d %s", res.code, res.stderr)
	}
	if other.TotalRequests() != 0 || w.srv.TotalRequests() != 0 {
		t.Errorf("requests sent: other %d, stored account %d", other.TotalRequests(), w.srv.TotalRequests())
	}
	// The same account, spelled as the user might: fine.
	res = runCLI(t, map[string]string{"XDG_CONFIG_HOME": w.config, "KOMMO_BASE_URL": strings.ToUpper(w.srv.URL()) + "/"}, "", "get", leadBasic, "--json")
	if res.code != 0 {
		t.Errorf("same account: exit %d %s", res.code, res.stderr)
	}

	// KOMMO_TOKEN wins over the stored login.
	envToken := map[string]string{"XDG_CONFIG_HOME": w.config, "KOMMO_BASE_URL": other.URL(), "KOMMO_TOKEN": sandbox.Token}
	if res = runCLI(t, envToken, "", "get", leadBasic, "--json"); res.code != 0 {
		t.Errorf("KOMMO_TOKEN with a stored login: exit %d %s", res.code, res.stderr)
	}
	res = runCLI(t, envToken, "", "status")
	if !strings.Contains(res.stdout, "environment (KOMMO_TOKEN)") || !strings.Contains(res.stdout, "not used while KOMMO_TOKEN is set") {
		t.Errorf("status with KOMMO_TOKEN:\n%s", res.stdout)
	}
	assertNoToken(t, res, sandbox.Token, stored.AccessToken)
}

func TestRotationThroughCommands(t *testing.T) {
	checkLeaks(t)
	w := newAuthWorld(t, sandbox.Options{})
	env := map[string]string{"XDG_CONFIG_HOME": w.config}

	// Expired locally: refreshed before the request, the new pair stored.
	old := seedLogin(t, w, time.Now().Add(-time.Minute))
	if res := runCLI(t, env, "", "get", leadBasic, "--json"); res.code != 0 {
		t.Fatalf("get with an expired token: exit %d %s", res.code, res.stderr)
	}
	now := storedCredentials(t, w)
	if now.RefreshToken == old.RefreshToken || now.AccessToken == old.AccessToken {
		t.Fatal("the rotated pair was not stored")
	}

	// Valid locally, refused by the server: refreshed on the 401 and retried.
	w.srv.ExpireAccessTokens()
	if res := runCLI(t, env, "", "get", leadBasic, "--json"); res.code != 0 {
		t.Fatalf("get after the server expired the token: exit %d %s", res.code, res.stderr)
	}
	if w.srv.RefreshCount() != 2 || w.srv.SpentRefreshReuses() != 0 {
		t.Errorf("%d refreshes, %d spent reuses; want 2, 0", w.srv.RefreshCount(), w.srv.SpentRefreshReuses())
	}

	// Refresh refused: session expired, exit 4.
	w.srv.RevokeAll()
	res := runCLI(t, env, "", "get", leadBasic)
	if res.code != 4 || !strings.Contains(res.stderr, "session expired") {
		t.Errorf("revoked session: exit %d %s", res.code, res.stderr)
	}
	// Expired locally and refused at refresh: the same.
	seedLogin(t, w, time.Now().Add(-time.Hour))
	w.srv.RevokeAll()
	res = runCLI(t, env, "", "get", leadBasic)
	if res.code != 4 || !strings.Contains(res.stderr, "session expired") {
		t.Errorf("revoked session, expired token: exit %d %s", res.code, res.stderr)
	}
}

func TestUnwritableConfigChangesNothing(t *testing.T) {
	checkLeaks(t)
	w := newAuthWorld(t, sandbox.Options{})
	const token = "long-lived-token-abcdef"
	w.srv.AddToken(token)
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	res := runCLI(t, map[string]string{"XDG_CONFIG_HOME": blocker, "KOMMO_BASE_URL": w.srv.URL()}, token+"\n", "login", "--with-token")
	lines := strings.Split(strings.TrimRight(res.stderr, "\n"), "\n")
	if res.code != 1 || len(lines) != 1 || !strings.Contains(res.stderr, "could not be saved") {
		t.Errorf("unwritable config: exit %d %q", res.code, res.stderr)
	}
	assertNoToken(t, res, token)
}
