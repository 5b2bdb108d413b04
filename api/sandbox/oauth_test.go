package sandbox

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

var consentField = regexp.MustCompile(`name="consent" value="([0-9a-f]+)"`)

// clickConsent opens the consent page like a browser and clicks decision; it returns the redirect's query.
func clickConsent(t *testing.T, s *Server, query url.Values, decision string) url.Values {
	t.Helper()
	page := getWith(t, s, "/oauth?"+query.Encode(), "").want(t, 200, "text/html")
	for _, want := range []string{`id="allow"`, `id="deny"`, ">Allow<", ">Deny<", `method="post"`} {
		if !strings.Contains(string(page.body), want) {
			t.Fatalf("consent page lacks %s", want)
		}
	}
	m := consentField.FindSubmatch(page.body)
	if m == nil {
		t.Fatalf("no consent field in %s", page.body)
	}
	a := postForm(t, s, "/oauth", url.Values{"consent": {string(m[1])}, "decision": {decision}})
	if a.status != http.StatusFound {
		t.Fatalf("consent answer %d: %s", a.status, a.body)
	}
	loc, err := url.Parse(a.header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := url.Parse(s.opts.RedirectURI)
	if loc.Scheme != want.Scheme || loc.Host != want.Host || loc.Path != want.Path {
		t.Fatalf("redirected to %s, want %s", loc, want)
	}
	// The consent page answers once.
	postForm(t, s, "/oauth", url.Values{"consent": {string(m[1])}, "decision": {decision}}).want(t, 400, "text/html")
	return loc.Query()
}

func authorizeQuery(state string) url.Values {
	return url.Values{"client_id": {DefaultClientID}, "state": {state}, "mode": {"post_message"}}
}

func exchange(t *testing.T, s *Server, code string, extra url.Values) answer {
	t.Helper()
	form := url.Values{"client_id": {DefaultClientID}, "client_secret": {DefaultClientSecret}, "grant_type": {"authorization_code"},
		"code": {code}, "redirect_uri": {DefaultRedirectURI}}
	for k, v := range extra {
		form[k] = v
	}
	return postForm(t, s, "/oauth2/access_token", form)
}

func refreshWith(t *testing.T, s *Server, refresh string) answer {
	t.Helper()
	return postForm(t, s, "/oauth2/access_token", url.Values{"client_id": {DefaultClientID}, "client_secret": {DefaultClientSecret},
		"grant_type": {"refresh_token"}, "refresh_token": {refresh}, "redirect_uri": {DefaultRedirectURI}})
}

func tokensOf(t *testing.T, a answer) (access, refresh string) {
	t.Helper()
	m := a.want(t, 200, contentJSON).json(t)
	if m["token_type"] != "Bearer" || m["expires_in"] != DefaultAccessTTL.Seconds() {
		t.Errorf("token answer %s", a.body)
	}
	access, _ = m["access_token"].(string)
	refresh, _ = m["refresh_token"].(string)
	if access == "" || refresh == "" || strings.Count(access, ".") != 2 {
		t.Fatalf("tokens %q %q", access, refresh)
	}
	return access, refresh
}

func TestOAuthAllowAndExchange(t *testing.T) {
	s := startTest(t, Options{})
	q := clickConsent(t, s, authorizeQuery("st4te"), "allow")
	u, _ := url.Parse(s.URL())
	if q.Get("state") != "st4te" || q.Get("referer") != u.Host || q.Get("client_id") != DefaultClientID || q.Get("code") == "" || q.Has("error") {
		t.Fatalf("redirect query %v", q)
	}
	// Refused client credentials do not consume the code.
	bad := exchange(t, s, q.Get("code"), url.Values{"client_secret": {"wrong"}})
	if p := bad.problem(t, 401); p["error"] != "invalid_client" {
		t.Errorf("wrong secret: %s", bad.body)
	}
	exchange(t, s, q.Get("code"), url.Values{"redirect_uri": {"http://127.0.0.1:9/elsewhere"}}).problem(t, 400)

	access, _ := tokensOf(t, exchange(t, s, q.Get("code"), nil))
	getWith(t, s, basicPath, access).want(t, 200, contentHAL)
	if p := exchange(t, s, q.Get("code"), nil).problem(t, 400); p["hint"] != "Authorization code has been revoked" {
		t.Errorf("code reuse: %v", p)
	}
	exchange(t, s, "made-up", nil).problem(t, 400)
	postForm(t, s, "/oauth2/access_token", url.Values{"client_id": {DefaultClientID}, "client_secret": {DefaultClientSecret},
		"grant_type": {"password"}}).problem(t, 400)
}

func TestOAuthJSONBody(t *testing.T) {
	s := startTest(t, Options{})
	code := clickConsent(t, s, authorizeQuery("x"), "allow").Get("code")
	body := `{"client_id":"` + DefaultClientID + `","client_secret":"` + DefaultClientSecret +
		`","grant_type":"authorization_code","code":"` + code + `","redirect_uri":"` + DefaultRedirectURI + `"}`
	req, _ := http.NewRequest(http.MethodPost, s.URL()+"/oauth2/access_token", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	tokensOf(t, do(req))
	req, _ = http.NewRequest(http.MethodPost, s.URL()+"/oauth2/access_token", strings.NewReader("{"))
	req.Header.Set("Content-Type", "application/json")
	do(req).problem(t, 400)
}

func TestOAuthDenyUnknownClientAndReferer(t *testing.T) {
	s := startTest(t, Options{Referer: "other.kommo.com", RedirectURI: "http://127.0.0.1:8765/callback?keep=1"})
	q := clickConsent(t, s, authorizeQuery("s1"), "deny")
	if q.Get("error") != "access_denied" || q.Get("state") != "s1" || q.Get("client_id") != DefaultClientID || q.Has("code") || q.Get("keep") != "1" {
		t.Errorf("deny redirect %v", q)
	}
	q = clickConsent(t, s, authorizeQuery("s2"), "allow")
	if q.Get("referer") != "other.kommo.com" || q.Get("keep") != "1" {
		t.Errorf("allow redirect %v", q)
	}
	q = clickConsent(t, s, url.Values{"client_id": {DefaultClientID}}, "allow")
	if q.Has("state") || q.Get("code") == "" {
		t.Errorf("no state sent, redirect %v", q)
	}
	getWith(t, s, "/oauth?"+url.Values{"client_id": {"stranger"}, "state": {"s"}}.Encode(), "").want(t, 400, "text/html")
	postForm(t, s, "/oauth", url.Values{"consent": {"forged"}, "decision": {"allow"}}).want(t, 400, "text/html")
}

func TestOAuthCodeExpires(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	var mu sync.Mutex
	s := startTest(t, Options{Now: func() time.Time { mu.Lock(); defer mu.Unlock(); return now }})
	code := clickConsent(t, s, authorizeQuery("x"), "allow").Get("code")
	mu.Lock()
	now = now.Add(DefaultCodeTTL)
	mu.Unlock()
	if p := exchange(t, s, code, nil).problem(t, 400); p["hint"] != "Authorization code has expired" {
		t.Errorf("expired code: %v", p)
	}
}

func pkceChallenge(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

func TestOAuthPKCE(t *testing.T) {
	s := startTest(t, Options{})
	verifier := "a-verifier-of-enough-length-0123456789-abcdefghijklmnop"
	withChallenge := authorizeQuery("p")
	withChallenge.Set("code_challenge", pkceChallenge(verifier))
	withChallenge.Set("code_challenge_method", "S256")

	code := clickConsent(t, s, withChallenge, "allow").Get("code")
	exchange(t, s, code, nil).problem(t, 400)
	if p := exchange(t, s, code, url.Values{"code_verifier": {"wrong"}}).problem(t, 400); p["error"] != "invalid_grant" {
		t.Errorf("wrong verifier: %v", p)
	}
	tokensOf(t, exchange(t, s, code, url.Values{"code_verifier": {verifier}}))

	// Downgrade: a verifier for a code issued without a challenge is refused.
	code = clickConsent(t, s, authorizeQuery("p"), "allow").Get("code")
	if p := exchange(t, s, code, url.Values{"code_verifier": {verifier}}).problem(t, 400); p["error"] != "invalid_grant" {
		t.Errorf("downgrade: %v", p)
	}

	plain := authorizeQuery("p")
	plain.Set("code_challenge", verifier)
	plain.Set("code_challenge_method", "plain")
	getWith(t, s, "/oauth?"+plain.Encode(), "").want(t, 400, "text/html")
}

func TestRefreshRotation(t *testing.T) {
	s := startTest(t, Options{})
	_, r1 := s.IssueTokens(time.Hour)
	a2, r2 := tokensOf(t, refreshWith(t, s, r1))
	getWith(t, s, basicPath, a2).want(t, 200, contentHAL)
	// The old token keeps working until the new one is used (two processes racing both win).
	_, r3 := tokensOf(t, refreshWith(t, s, r1))
	_, r4 := tokensOf(t, refreshWith(t, s, r2))
	if s.RefreshCount() != 3 || s.SpentRefreshReuses() != 0 {
		t.Fatalf("RefreshCount %d, SpentRefreshReuses %d", s.RefreshCount(), s.SpentRefreshReuses())
	}
	p := refreshWith(t, s, r1).problem(t, 401)
	if p["hint"] != "Token has been revoked" || s.SpentRefreshReuses() != 1 {
		t.Fatalf("spent token: %v, reuses %d", p, s.SpentRefreshReuses())
	}
	tokensOf(t, refreshWith(t, s, r3))
	tokensOf(t, refreshWith(t, s, r4))
	// A refresh without redirect_uri (x/oauth2 sends none) is fine.
	_, r5 := s.IssueTokens(0)
	tokensOf(t, postForm(t, s, "/oauth2/access_token", url.Values{"client_id": {DefaultClientID},
		"client_secret": {DefaultClientSecret}, "grant_type": {"refresh_token"}, "refresh_token": {r5}}))

	refreshWith(t, s, "def50200unknown").problem(t, 401)
	_, r6 := s.IssueTokens(0)
	s.RevokeAll()
	if p := refreshWith(t, s, r6).problem(t, 401); p["hint"] != "Token has been revoked" || s.SpentRefreshReuses() != 1 {
		t.Errorf("revoked: %v, reuses %d", p, s.SpentRefreshReuses())
	}
}

func TestRefreshTokenExpires(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	var mu sync.Mutex
	s := startTest(t, Options{Now: func() time.Time { mu.Lock(); defer mu.Unlock(); return now }})
	access, refresh := s.IssueTokens(time.Minute)
	getWith(t, s, basicPath, access).want(t, 200, contentHAL)
	mu.Lock()
	now = now.Add(time.Minute)
	mu.Unlock()
	getWith(t, s, basicPath, access).problem(t, 401)
	mu.Lock()
	now = now.Add(DefaultRefreshTTL)
	mu.Unlock()
	if p := refreshWith(t, s, refresh).problem(t, 401); p["hint"] != "Token has expired" {
		t.Errorf("expired refresh: %v", p)
	}
}

// TestWorksWithXOAuth2 drives the flow with golang.org/x/oauth2, as the login code will.
func TestWorksWithXOAuth2(t *testing.T) {
	s := startTest(t, Options{})
	for _, style := range []oauth2.AuthStyle{oauth2.AuthStyleInParams, oauth2.AuthStyleAutoDetect} {
		cfg := oauth2.Config{ClientID: DefaultClientID, ClientSecret: DefaultClientSecret, RedirectURL: DefaultRedirectURI,
			Endpoint: oauth2.Endpoint{AuthURL: s.URL() + "/oauth", TokenURL: s.URL() + "/oauth2/access_token", AuthStyle: style}}
		authURL, err := url.Parse(cfg.AuthCodeURL("xo-state"))
		if err != nil {
			t.Fatal(err)
		}
		code := clickConsent(t, s, authURL.Query(), "allow").Get("code")
		ctx := context.Background()
		tok, err := cfg.Exchange(ctx, code)
		if err != nil {
			t.Fatalf("style %d: Exchange: %v", style, err)
		}
		if tok.AccessToken == "" || tok.RefreshToken == "" || tok.Expiry.IsZero() {
			t.Fatalf("token %+v", tok)
		}
		first := tok.RefreshToken
		tok.Expiry = time.Now().Add(-time.Minute)
		fresh, err := cfg.TokenSource(ctx, tok).Token()
		if err != nil || fresh.RefreshToken == first {
			t.Fatalf("refresh: %v, rotated %v", err, fresh != nil && fresh.RefreshToken != first)
		}
		getWith(t, s, basicPath, fresh.AccessToken).want(t, 200, contentHAL)
		// Using the new one spends the old one.
		fresh.Expiry = time.Now().Add(-time.Minute)
		if _, err := cfg.TokenSource(ctx, fresh).Token(); err != nil {
			t.Fatal(err)
		}
		tok.Expiry = time.Now().Add(-time.Minute)
		_, err = cfg.TokenSource(ctx, tok).Token()
		var re *oauth2.RetrieveError
		if !errors.As(err, &re) || re.Response.StatusCode != 401 || re.ErrorCode != "invalid_grant" || !strings.Contains(string(re.Body), "Token has been revoked") {
			t.Fatalf("spent refresh via x/oauth2: %v", err)
		}
	}
}
