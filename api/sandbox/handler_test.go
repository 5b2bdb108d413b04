package sandbox

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestNewAsHandler serves the sandbox through httptest: links and the OAuth
// referer then come from the request's Host.
func TestNewAsHandler(t *testing.T) {
	s := New(Options{RateLimit: -1})
	ts := httptest.NewServer(s)
	defer ts.Close()
	defer s.Close()
	if s.URL() != "" {
		t.Fatalf("URL of an unstarted server: %q", s.URL())
	}
	req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/api/v4/leads/%d", ts.URL, LeadBasic), nil)
	req.Header.Set("Authorization", "Bearer "+Token)
	a := do(req).want(t, 200, contentHAL)
	if href := dig(t, a.json(t), "_links", "self", "href").(string); !strings.HasPrefix(href, ts.URL+"/api/v4/leads/") {
		t.Errorf("self href %q", href)
	}

	page, err := testClient.Get(ts.URL + "/oauth?" + authorizeQuery("h").Encode())
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(page.Body)
	page.Body.Close()
	m := consentField.FindSubmatch(body)
	if m == nil {
		t.Fatalf("no consent form: %s", body)
	}
	resp, err := testClient.PostForm(ts.URL+"/oauth", url.Values{"consent": {string(m[1])}, "decision": {"allow"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, _ := url.Parse(resp.Header.Get("Location"))
	if want := strings.TrimPrefix(ts.URL, "http://"); loc.Query().Get("referer") != want {
		t.Errorf("referer %q, want %q", loc.Query().Get("referer"), want)
	}
}

// BenchmarkHugeLead measures the sandbox's own cost of serving the huge lead,
// so client benchmarks know what part of a round trip is the server's.
func BenchmarkHugeLead(b *testing.B) {
	s, err := Start(Options{RateLimit: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	target := fmt.Sprintf("%s/api/v4/leads/%d%s", s.URL(), LeadHuge, allWith)
	b.ReportAllocs()
	for b.Loop() {
		req, _ := http.NewRequest(http.MethodGet, target, nil)
		req.Header.Set("Authorization", "Bearer "+Token)
		resp, err := testClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		b.SetBytes(n)
	}
}
