package auth_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/auth"
)

// freeRedirectURI is a loopback redirect URI on a port nobody listens on.
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

// loginRig is a sandbox whose registered redirect URI is a free loopback
// port, and login options pointing at it.
type loginRig struct {
	srv  *sandbox.Server
	opts auth.LoginOptions
	out  *syncBuffer
}

func newLoginRig(t *testing.T, sbOpts sandbox.Options) *loginRig {
	t.Helper()
	sbOpts.RedirectURI = freeRedirectURI(t)
	srv := startSandbox(t, sbOpts)
	out := &syncBuffer{}
	return &loginRig{srv: srv, out: out, opts: auth.LoginOptions{
		Settings: auth.Settings{
			ClientID: sandbox.DefaultClientID, ClientSecret: sandbox.DefaultClientSecret,
			RedirectURI: sbOpts.RedirectURI, AuthURL: srv.URL() + "/oauth",
		},
		Account:   srv.URL(),
		Out:       out,
		NoBrowser: true,
		Timeout:   time.Minute,
	}}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// browserPage is what the fake browser ended on.
type browserPage struct {
	status   int
	body     string
	location string // set when redirects are not followed
	err      error
}

var consentField = regexp.MustCompile(`name="consent" value="([^"]+)"`)

// browse plays the user's browser: it opens authURL (after edit changes
// it), clicks decision ("allow" or "deny") on the consent page and, if
// follow, follows the redirect to the loopback listener.
func browse(authURL, decision string, follow bool, edit func(url.Values)) browserPage {
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 30 * time.Second}
	if !follow {
		client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	}
	u, err := url.Parse(authURL)
	if err != nil {
		return browserPage{err: err}
	}
	if edit != nil {
		q := u.Query()
		edit(q)
		u.RawQuery = q.Encode()
	}
	resp, err := client.Get(u.String())
	if err != nil {
		return browserPage{err: err}
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := consentField.FindSubmatch(page)
	if m == nil {
		return browserPage{err: fmt.Errorf("no consent form in %d page: %s", resp.StatusCode, page)}
	}
	resp, err = client.PostForm(u.Scheme+"://"+u.Host+"/oauth", url.Values{"consent": {string(m[1])}, "decision": {decision}})
	if err != nil {
		return browserPage{err: err}
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return browserPage{status: resp.StatusCode, body: string(body), location: resp.Header.Get("Location")}
}

// loginWithBrowser runs Login while a fake browser answers the consent page.
func (r *loginRig) loginWithBrowser(ctx context.Context, decision string, edit func(url.Values)) (*auth.Credentials, browserPage, error) {
	pages := make(chan browserPage, 1)
	opts := r.opts
	opts.Ready = func(authURL string) {
		go func() { pages <- browse(authURL, decision, true, edit) }()
	}
	creds, err := auth.Login(ctx, opts)
	return creds, <-pages, err
}

func assertPortClosed(t *testing.T, redirectURI string) {
	t.Helper()
	u, _ := url.Parse(redirectURI)
	ln, err := net.Listen("tcp", u.Host)
	if err != nil {
		t.Fatalf("the login left %s open: %v", u.Host, err)
	}
	ln.Close()
}

func TestLoginSuccess(t *testing.T) {
	for _, pkce := range []bool{false, true} {
		t.Run(fmt.Sprintf("pkce=%v", pkce), func(t *testing.T) {
			r := newLoginRig(t, sandbox.Options{})
			r.opts.Settings.PKCE = pkce
			var seenURL string
			pages := make(chan browserPage, 1)
			r.opts.Ready = func(authURL string) {
				seenURL = authURL
				go func() { pages <- browse(authURL, "allow", true, nil) }()
			}
			creds, err := auth.Login(context.Background(), r.opts)
			page := <-pages
			if err != nil {
				t.Fatalf("Login: %v (page %d %s)", err, page.status, page.body)
			}
			if page.status != http.StatusOK || !strings.Contains(page.body, "Return to the terminal") {
				t.Errorf("success page: %d %s", page.status, page.body)
			}
			if creds.Account != r.srv.URL() || creds.Kind != auth.KindOAuth || creds.RefreshToken == "" || creds.Expiry.IsZero() {
				t.Errorf("credentials %v", creds)
			}
			if apiStatus(t, r.srv.URL(), creds.AccessToken) != http.StatusOK {
				t.Error("the new access token does not work")
			}
			q := mustQuery(t, seenURL)
			if q.Get("client_id") != sandbox.DefaultClientID || q.Get("mode") != "post_message" || len(q.Get("state")) < 43 {
				t.Errorf("authorization URL %s lacks client_id, mode or a 256-bit state", seenURL)
			}
			if got := q.Get("code_challenge_method") == "S256" && q.Get("code_challenge") != ""; got != pkce {
				t.Errorf("PKCE in URL = %v, want %v", got, pkce)
			}
			if !strings.Contains(r.out.String(), seenURL) {
				t.Errorf("the URL was not printed: %s", r.out)
			}
			if strings.Contains(r.out.String(), creds.AccessToken) || strings.Contains(r.out.String(), creds.RefreshToken) {
				t.Error("output shows a token")
			}
			assertPortClosed(t, r.opts.Settings.RedirectURI)
		})
	}
}

func mustQuery(t *testing.T, s string) url.Values {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}

func TestEveryLoginHasItsOwnState(t *testing.T) {
	seen := map[string]bool{}
	for range 3 {
		r := newLoginRig(t, sandbox.Options{})
		r.opts.Timeout = time.Millisecond
		r.opts.Ready = func(authURL string) { seen[mustQuery(t, authURL).Get("state")] = true }
		if _, err := auth.Login(context.Background(), r.opts); !errors.Is(err, auth.ErrTimeout) {
			t.Fatalf("Login: %v", err)
		}
	}
	if len(seen) != 3 {
		t.Errorf("3 logins produced %d distinct states", len(seen))
	}
}

func TestLoginRefusesAnswersNotOurs(t *testing.T) {
	cases := []struct {
		name string
		edit func(url.Values)
	}{
		{"wrong state", func(q url.Values) { q.Set("state", "forged-state-from-someone-else") }},
		{"missing state", func(q url.Values) { q.Del("state") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newLoginRig(t, sandbox.Options{})
			_, page, err := r.loginWithBrowser(context.Background(), "allow", c.edit)
			if !errors.Is(err, auth.ErrBadState) {
				t.Fatalf("Login: %v, want ErrBadState", err)
			}
			if page.status != http.StatusBadRequest || !strings.Contains(page.body, "Login failed") {
				t.Errorf("browser got %d %s, want a 400 failure page", page.status, page.body)
			}
			if n := r.srv.Requests(sandbox.EndpointOAuthToken); n != 0 {
				t.Errorf("the code was exchanged %d times despite the bad state", n)
			}
			assertPortClosed(t, r.opts.Settings.RedirectURI)
		})
	}
}

func TestLoginDeclined(t *testing.T) {
	r := newLoginRig(t, sandbox.Options{})
	_, page, err := r.loginWithBrowser(context.Background(), "deny", nil)
	if !errors.Is(err, auth.ErrDeclined) || err.Error() != "you declined access in the browser" {
		t.Fatalf("Login: %v, want ErrDeclined", err)
	}
	if !strings.Contains(page.body, "declined") {
		t.Errorf("page does not say so: %s", page.body)
	}
}

// foreignHost is a server standing for someone else's host: any request
// reaching it would carry the code or the client secret away.
func foreignHost(t *testing.T) (host string, hits *atomic.Int32) {
	hits = &atomic.Int32{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"access_token":"stolen","refresh_token":"stolen","token_type":"Bearer","expires_in":86400}`)
	}))
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String(), hits
}

func TestForeignRefererNeverGetsTheCode(t *testing.T) {
	t.Run("configured account differs", func(t *testing.T) {
		host, hits := foreignHost(t)
		r := newLoginRig(t, sandbox.Options{Referer: host})
		_, page, err := r.loginWithBrowser(context.Background(), "allow", nil)
		if !errors.Is(err, auth.ErrAccountMismatch) || !strings.Contains(err.Error(), host) {
			t.Fatalf("Login: %v, want ErrAccountMismatch naming %s", err, host)
		}
		if page.status != http.StatusBadRequest {
			t.Errorf("browser got %d", page.status)
		}
		if hits.Load() != 0 || r.srv.Requests(sandbox.EndpointOAuthToken) != 0 {
			t.Errorf("token requests: foreign %d, sandbox %d; want none", hits.Load(), r.srv.Requests(sandbox.EndpointOAuthToken))
		}
	})
	t.Run("no account and a non-Kommo referer", func(t *testing.T) {
		host, hits := foreignHost(t)
		r := newLoginRig(t, sandbox.Options{Referer: host})
		r.opts.Account = ""
		_, _, err := r.loginWithBrowser(context.Background(), "allow", nil)
		if !errors.Is(err, auth.ErrUntrustedHost) {
			t.Fatalf("Login: %v, want ErrUntrustedHost", err)
		}
		if hits.Load() != 0 {
			t.Errorf("the foreign host got %d requests", hits.Load())
		}
	})
}

func TestLoginTimeout(t *testing.T) {
	r := newLoginRig(t, sandbox.Options{})
	r.opts.Timeout = 50 * time.Millisecond
	_, err := auth.Login(context.Background(), r.opts)
	if !errors.Is(err, auth.ErrTimeout) || !strings.Contains(err.Error(), "--timeout") {
		t.Fatalf("Login: %v, want ErrTimeout with a hint", err)
	}
	assertPortClosed(t, r.opts.Settings.RedirectURI)
}

func TestLoginCancelled(t *testing.T) {
	r := newLoginRig(t, sandbox.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	r.opts.Ready = func(string) { cancel() }
	_, err := auth.Login(ctx, r.opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Login: %v, want context.Canceled", err)
	}
	assertPortClosed(t, r.opts.Settings.RedirectURI)
}

func TestLoginPortInUse(t *testing.T) {
	r := newLoginRig(t, sandbox.Options{})
	// The test holds the port from the start: a port found free and then
	// listened on again may have been taken by another process meanwhile.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	r.opts.Settings.RedirectURI = "http://" + ln.Addr().String() + "/callback"
	u, _ := url.Parse(r.opts.Settings.RedirectURI)
	_, err = auth.Login(context.Background(), r.opts)
	if !errors.Is(err, auth.ErrPortInUse) || !strings.Contains(err.Error(), "port "+u.Port()) {
		t.Fatalf("Login: %v, want ErrPortInUse naming port %s", err, u.Port())
	}
}

func TestLoginRefusesNonLoopbackRedirects(t *testing.T) {
	for _, redirect := range []string{"https://example.com/callback", "http://192.0.2.1:8765/cb", "https://127.0.0.1:8765/callback"} {
		r := newLoginRig(t, sandbox.Options{})
		r.opts.Settings.RedirectURI = redirect
		_, err := auth.Login(context.Background(), r.opts)
		if !errors.Is(err, auth.ErrNotLoopback) || !strings.Contains(err.Error(), "--paste") {
			t.Errorf("redirect %s: %v, want ErrNotLoopback with a --paste hint", redirect, err)
		}
	}
}

func TestLoginNeedsTheIntegration(t *testing.T) {
	r := newLoginRig(t, sandbox.Options{})
	r.opts.Settings.ClientSecret = ""
	if _, err := auth.Login(context.Background(), r.opts); !errors.Is(err, auth.ErrMissingClient) {
		t.Fatalf("Login without a secret: %v", err)
	}
}

func TestLoginOpensTheBrowserUnlessOverSSH(t *testing.T) {
	t.Run("desktop", func(t *testing.T) {
		r := newLoginRig(t, sandbox.Options{})
		r.opts.NoBrowser = false
		pages := make(chan browserPage, 1)
		r.opts.OpenBrowser = func(authURL string) error {
			go func() { pages <- browse(authURL, "allow", true, nil) }()
			return nil
		}
		if _, err := auth.Login(context.Background(), r.opts); err != nil {
			t.Fatal(err)
		}
		<-pages
	})
	t.Run("ssh", func(t *testing.T) {
		r := newLoginRig(t, sandbox.Options{})
		r.opts.NoBrowser = false
		r.opts.Getenv = func(k string) string {
			if k == "SSH_CONNECTION" {
				return "192.0.2.9 50000 192.0.2.10 22"
			}
			return ""
		}
		r.opts.OpenBrowser = func(string) error { t.Error("a browser was opened over SSH"); return nil }
		_, page, err := r.loginWithBrowser(context.Background(), "allow", nil)
		if err != nil {
			t.Fatalf("Login: %v (%s)", err, page.body)
		}
		port := mustPort(t, r.opts.Settings.RedirectURI)
		if want := "ssh -L " + port + ":127.0.0.1:" + port; !strings.Contains(r.out.String(), want) {
			t.Errorf("output lacks %q: %s", want, r.out)
		}
	})
}

func mustPort(t *testing.T, s string) string {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u.Port()
}

// pasteLogin runs the paste flow: the fake browser stops at the redirect
// (nothing listens there) and what paste makes of its Location is typed in.
func (r *loginRig) pasteLogin(t *testing.T, paste func(location string) string, edit func(url.Values)) (*auth.Credentials, error) {
	t.Helper()
	in, typed := io.Pipe()
	opts := r.opts
	opts.Paste = in
	opts.Ready = func(authURL string) {
		go func() {
			page := browse(authURL, "allow", false, edit)
			if page.err != nil {
				typed.CloseWithError(page.err)
				return
			}
			io.WriteString(typed, "\n"+paste(page.location)+"\n")
			typed.Close()
		}()
	}
	return auth.Login(context.Background(), opts)
}

func TestPasteLogin(t *testing.T) {
	codeOf := func(location string) string {
		u, _ := url.Parse(location)
		return u.Query().Get("code")
	}
	t.Run("whole address", func(t *testing.T) {
		r := newLoginRig(t, sandbox.Options{})
		creds, err := r.pasteLogin(t, func(loc string) string { return loc }, nil)
		if err != nil {
			t.Fatal(err)
		}
		if apiStatus(t, r.srv.URL(), creds.AccessToken) != http.StatusOK {
			t.Error("token does not work")
		}
		if !strings.Contains(r.out.String(), "Paste") {
			t.Errorf("no paste prompt: %s", r.out)
		}
	})
	t.Run("bare code", func(t *testing.T) {
		r := newLoginRig(t, sandbox.Options{})
		if _, err := r.pasteLogin(t, codeOf, nil); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("bare code without an account", func(t *testing.T) {
		r := newLoginRig(t, sandbox.Options{})
		r.opts.Account = ""
		_, err := r.pasteLogin(t, codeOf, nil)
		if err == nil || !strings.Contains(err.Error(), "KOMMO_BASE_URL") {
			t.Fatalf("Login: %v, want a request for the account", err)
		}
		if r.srv.Requests(sandbox.EndpointOAuthToken) != 0 {
			t.Error("the code was sent somewhere")
		}
	})
	t.Run("address with a wrong state", func(t *testing.T) {
		r := newLoginRig(t, sandbox.Options{})
		_, err := r.pasteLogin(t, func(loc string) string { return loc }, func(q url.Values) { q.Set("state", "forged") })
		if !errors.Is(err, auth.ErrBadState) {
			t.Fatalf("Login: %v, want ErrBadState", err)
		}
	})
	t.Run("address from a foreign account", func(t *testing.T) {
		host, hits := foreignHost(t)
		r := newLoginRig(t, sandbox.Options{Referer: host})
		_, err := r.pasteLogin(t, func(loc string) string { return loc }, nil)
		if !errors.Is(err, auth.ErrAccountMismatch) || hits.Load() != 0 {
			t.Fatalf("Login: %v, %d foreign hits", err, hits.Load())
		}
	})
	t.Run("garbage", func(t *testing.T) {
		r := newLoginRig(t, sandbox.Options{})
		_, err := r.pasteLogin(t, func(string) string { return "hello world" }, nil)
		if err == nil || r.srv.Requests(sandbox.EndpointOAuthToken) != 0 {
			t.Fatalf("Login with garbage pasted: %v", err)
		}
	})
}

func TestPasteNothing(t *testing.T) {
	r := newLoginRig(t, sandbox.Options{})
	r.opts.Paste = strings.NewReader("\n  \n")
	if _, err := auth.Login(context.Background(), r.opts); err == nil || !strings.Contains(err.Error(), "nothing was pasted") {
		t.Fatalf("Login with empty input: %v", err)
	}
}

func TestExchangeRefusedIsReported(t *testing.T) {
	r := newLoginRig(t, sandbox.Options{})
	r.opts.Settings.ClientSecret = "wrong-secret"
	_, _, err := r.loginWithBrowser(context.Background(), "allow", nil)
	if err == nil || !strings.Contains(err.Error(), "401") || strings.Contains(err.Error(), "wrong-secret") {
		t.Fatalf("Login with a wrong secret: %v", err)
	}
}
