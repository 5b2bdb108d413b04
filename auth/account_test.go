package auth

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"
)

func TestAccountFor(t *testing.T) {
	cases := []struct {
		configured, referer, want string
		err                       error
	}{
		{"", "acme.kommo.com", "https://acme.kommo.com", nil},
		{"", "ACME.amocrm.ru.", "https://acme.amocrm.ru", nil},
		{"", "shop-1.amocrm.com", "https://shop-1.amocrm.com", nil},
		{"", "www.kommo.com", "", ErrUntrustedHost},
		{"", "evil.com", "", ErrUntrustedHost},
		{"", "acme.kommo.com.evil.com", "", ErrUntrustedHost},
		{"", "evilkommo.com", "", ErrUntrustedHost},
		{"", "a.b.kommo.com", "", ErrUntrustedHost},
		{"", "acme.kommo.com:8443", "", ErrUntrustedHost},
		{"", "acme.kommo.com/path", "", ErrUntrustedHost},
		{"https://acme.kommo.com", "acme.kommo.com", "https://acme.kommo.com", nil},
		{"https://acme.kommo.com", "", "https://acme.kommo.com", nil},
		{"https://acme.kommo.com", "other.kommo.com", "", ErrAccountMismatch},
		{"http://127.0.0.1:8080", "127.0.0.1:8080", "http://127.0.0.1:8080", nil},
		{"http://127.0.0.1:8080", "127.0.0.1:9090", "", ErrAccountMismatch},
	}
	for _, c := range cases {
		got, err := accountFor(c.configured, c.referer)
		if got != c.want || (c.err == nil) != (err == nil) || (c.err != nil && !errors.Is(err, c.err)) {
			t.Errorf("accountFor(%q, %q) = %q, %v; want %q, %v", c.configured, c.referer, got, err, c.want, c.err)
		}
	}
	if _, err := accountFor("", ""); err == nil {
		t.Error("no account at all was accepted")
	}
	if _, err := accountFor("http://acme.kommo.com", ""); err == nil {
		t.Error("plain http to a remote host was accepted")
	}
}

func TestCallbackIsAnsweredOnce(t *testing.T) {
	calls := 0
	h := &callbackHandler{path: "/cb", outcome: make(chan callbackOutcome, 1), check: func(q url.Values) (callbackResult, error) {
		calls++
		return readCallback(q, "s")
	}}
	for i, want := range []int{http.StatusBadRequest, http.StatusGone, http.StatusGone} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/cb?state=wrong&code=c", nil))
		if rec.Code != want {
			t.Errorf("request %d answered %d, want %d", i, rec.Code, want)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/favicon.ico", nil))
	if rec.Code != http.StatusNotFound || calls != 1 || len(h.outcome) != 1 {
		t.Errorf("favicon %d, %d checks, %d outcomes; want 404, 1, 1", rec.Code, calls, len(h.outcome))
	}
}

func TestAuthorizationURLKeepsTheBaseAndRefusesHTTP(t *testing.T) {
	got, err := authorizationURL("https://www.amocrm.ru/oauth?lang=en", "id", "st", "")
	if err != nil {
		t.Fatal(err)
	}
	if want := "https://www.amocrm.ru/oauth?client_id=id&lang=en&mode=post_message&state=st"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if _, err := authorizationURL("http://www.kommo.com/oauth", "id", "st", ""); err == nil {
		t.Error("plain http to a remote host was accepted")
	}
}

func TestTokenExpiry(t *testing.T) {
	// header {"alg":"none"}, payload {"exp":1893456000}
	exp, ok := TokenExpiry("eyJhbGciOiJub25lIn0.eyJleHAiOjE4OTM0NTYwMDB9.sig")
	if !ok || !exp.Equal(time.Unix(1893456000, 0)) {
		t.Errorf("TokenExpiry = %v, %v", exp, ok)
	}
	for _, bad := range []string{"", "opaque-token", "a.b.c", "a.eyJleHAiOiJzb29uIn0.c"} {
		if _, ok := TokenExpiry(bad); ok {
			t.Errorf("TokenExpiry(%q) claimed an expiry", bad)
		}
	}
}
