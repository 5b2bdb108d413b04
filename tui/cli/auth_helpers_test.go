package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/cli"
)

// checkLeaks fails the test if it leaves goroutines behind (listeners,
// servers, refreshers). Registered first, it runs after the other cleanups.
func checkLeaks(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
}

// authWorld is a sandbox with a registered loopback redirect URI, a private
// config directory, and the environment a user would set for it.
type authWorld struct {
	srv    *sandbox.Server
	config string // XDG_CONFIG_HOME
	env    map[string]string
}

func newAuthWorld(t *testing.T, opts sandbox.Options) *authWorld {
	t.Helper()
	opts.RedirectURI = freeRedirectURI(t)
	srv := startSandbox(t, opts)
	config := filepath.Join(t.TempDir(), "config")
	return &authWorld{srv: srv, config: config, env: map[string]string{
		"XDG_CONFIG_HOME":     config,
		"XDG_CACHE_HOME":      filepath.Join(config, "cache"),
		"HOME":                filepath.Join(config, "home-unused"),
		"KOMMO_BASE_URL":      srv.URL(),
		"KOMMO_AUTH_URL":      srv.URL() + "/oauth",
		"KOMMO_CLIENT_ID":     sandbox.DefaultClientID,
		"KOMMO_CLIENT_SECRET": sandbox.DefaultClientSecret,
		"KOMMO_REDIRECT_URI":  opts.RedirectURI,
	}}
}

func (w *authWorld) credentialsPath() string {
	return filepath.Join(w.config, "leadscope", "credentials.json")
}

// without returns the environment minus some variables.
func (w *authWorld) without(keys ...string) map[string]string {
	env := map[string]string{}
	for k, v := range w.env {
		env[k] = v
	}
	for _, k := range keys {
		delete(env, k)
	}
	return env
}

// envList is env as KEY=value pairs for a subprocess.
func envList(env map[string]string) []string {
	var list []string
	for k, v := range env {
		list = append(list, k+"="+v)
	}
	return list
}

func freeRedirectURI(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return fmt.Sprintf("http://127.0.0.1:%d/callback", port)
}

// lockedBuffer is a bytes.Buffer safe to read while a command writes it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// cliRun is a command running in-process.
type cliRun struct {
	stdout, stderr *lockedBuffer
	done           chan int
	cancel         context.CancelFunc
}

func startCLI(env map[string]string, stdin io.Reader, args ...string) *cliRun {
	ctx, cancel := context.WithCancel(context.Background())
	r := &cliRun{stdout: &lockedBuffer{}, stderr: &lockedBuffer{}, done: make(chan int, 1), cancel: cancel}
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	e := &cli.Env{Args: args, Getenv: func(k string) string { return env[k] }, Stdin: stdin, Stdout: r.stdout, Stderr: r.stderr}
	go func() {
		r.done <- cli.Main(ctx, e)
		cancel()
	}()
	return r
}

// runCLI runs a command in-process to completion. Without XDG_CACHE_HOME
// in env, the command gets a private one.
func runCLI(t *testing.T, env map[string]string, stdin string, args ...string) runResult {
	t.Helper()
	if _, ok := env["XDG_CACHE_HOME"]; !ok {
		env = merge(env, "XDG_CACHE_HOME", t.TempDir())
	}
	r := startCLI(env, strings.NewReader(stdin), args...)
	select {
	case code := <-r.done:
		return runResult{stdout: r.stdout.String(), stderr: r.stderr.String(), code: code}
	case <-time.After(60 * time.Second):
		r.cancel()
		t.Fatalf("leadscope %v did not finish: %s", args, r.stderr)
		return runResult{}
	}
}

var authURLPattern = regexp.MustCompile(`http://127\.0\.0\.1:\d+/oauth\?\S+`)

// waitForAuthURL returns the authorization URL once the command printed it.
func waitForAuthURL(t *testing.T, out interface{ String() string }, done <-chan int) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if u := authURLPattern.FindString(out.String()); u != "" {
			return u
		}
		select {
		case code := <-done:
			t.Fatalf("login ended (exit %d) before printing the URL: %s", code, out.String())
		case <-time.After(5 * time.Millisecond):
		}
	}
	t.Fatalf("no authorization URL printed: %s", out.String())
	return ""
}

// waitForOutput waits until out holds want, failing when the command
// ends without it or half a minute passes first. An exit it sees is put
// back on done for whoever waits for it next.
func waitForOutput(t *testing.T, out interface{ String() string }, done chan int, want string) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for !strings.Contains(out.String(), want) {
		select {
		case code := <-done:
			if !strings.Contains(out.String(), want) {
				t.Fatalf("ended (exit %d) without printing %q: %s", code, want, out.String())
			}
			done <- code
			return
		case <-deadline:
			t.Fatalf("%q not printed in time: %s", want, out.String())
		case <-time.After(5 * time.Millisecond):
		}
	}
}

var consentField = regexp.MustCompile(`name="consent" value="([^"]+)"`)

// clickConsent plays the browser: it opens the consent page, clicks
// decision and follows the redirect to the loopback listener.
func clickConsent(t *testing.T, authURL, decision string) (int, string) {
	t.Helper()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 30 * time.Second}
	resp, err := client.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := consentField.FindSubmatch(page)
	if m == nil {
		t.Fatalf("no consent form: %s", page)
	}
	u, _ := url.Parse(authURL)
	resp, err = client.PostForm(u.Scheme+"://"+u.Host+"/oauth", url.Values{"consent": {string(m[1])}, "decision": {decision}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func (r *cliRun) wait(t *testing.T) runResult {
	t.Helper()
	select {
	case code := <-r.done:
		return runResult{stdout: r.stdout.String(), stderr: r.stderr.String(), code: code}
	case <-time.After(60 * time.Second):
		r.cancel()
		t.Fatalf("command did not finish: %s", r.stderr)
		return runResult{}
	}
}

// loginThroughBrowser runs `leadscope login --no-browser` and answers the consent page.
func (w *authWorld) loginThroughBrowser(t *testing.T, env map[string]string, decision string) runResult {
	t.Helper()
	run := startCLI(env, nil, "login", "--no-browser")
	authURL := waitForAuthURL(t, run.stderr, run.done)
	clickConsent(t, authURL, decision)
	return run.wait(t)
}

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
