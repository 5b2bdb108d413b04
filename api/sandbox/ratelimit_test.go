package sandbox

import (
	"net/http"
	"net/url"
	"testing"
	"time"
)

func TestSlidingWindow(t *testing.T) {
	sw := newSlidingWindow(7, time.Second)
	t0 := time.Unix(1000, 0)
	for i := 0; i < 7; i++ {
		if !sw.allow(t0.Add(time.Duration(i) * 100 * time.Millisecond)) {
			t.Fatalf("request %d refused", i)
		}
	}
	if sw.allow(t0.Add(999 * time.Millisecond)) {
		t.Fatal("8th request inside one second allowed")
	}
	// The refused one counts too: at 1.05 s the window (0.05, 1.05] still holds 0.1..0.6 and 0.999.
	if sw.allow(t0.Add(1050 * time.Millisecond)) {
		t.Fatal("allowed while the window is full")
	}
	if !sw.allow(t0.Add(2 * time.Second)) {
		t.Fatal("refused after the window emptied")
	}
	steady := newSlidingWindow(7, time.Second)
	for i := 0; i < 100; i++ {
		if !steady.allow(t0.Add(time.Duration(i) * 143 * time.Millisecond)) {
			t.Fatalf("steady 7/s refused at %d", i)
		}
	}
}

// startFrozen starts a server on which every request arrives at the same
// instant, so the one-second window is tested without timing.
func startFrozen(t *testing.T, opts Options) *Server {
	t.Helper()
	s := New(opts)
	at := time.Now()
	s.rateClock = func() time.Time { return at }
	if err := s.listen(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func TestRateLimitAnswers429(t *testing.T) {
	s := startFrozen(t, Options{RateLimit: 2})
	get(t, s, basicPath).want(t, 200, contentHAL)
	get(t, s, "/api/v4/account").want(t, 200, contentHAL)
	a := get(t, s, basicPath)
	if p := a.problem(t, http.StatusTooManyRequests); p["retry_after"] != 1.0 || a.header.Get("Retry-After") != "1" {
		t.Errorf("retry_after %v, Retry-After %q", p["retry_after"], a.header.Get("Retry-After"))
	}
	if s.RateLimited() != 1 || s.Requests(EndpointLeads) != 2 {
		t.Errorf("RateLimited %d, lead requests %d", s.RateLimited(), s.Requests(EndpointLeads))
	}
	// OAuth is not rate limited.
	for i := 0; i < 5; i++ {
		getWith(t, s, "/oauth?"+url.Values{"client_id": {DefaultClientID}}.Encode(), "").want(t, 200, "text/html")
	}
	s.ResetCounts()
	if s.RateLimited() != 0 {
		t.Error("ResetCounts kept RateLimited")
	}

	quiet := startFrozen(t, Options{RateLimit: 1, OmitRetryAfterHeader: true})
	get(t, quiet, basicPath).want(t, 200, contentHAL)
	a = get(t, quiet, basicPath)
	if p := a.problem(t, http.StatusTooManyRequests); a.header.Get("Retry-After") != "" || p["retry_after"] == nil {
		t.Errorf("header %q, body %s", a.header.Get("Retry-After"), a.body)
	}
}

func TestDefaultRateLimitIsSeven(t *testing.T) {
	s := startFrozen(t, Options{})
	statuses := map[int]int{}
	for i := 0; i < 15; i++ {
		statuses[get(t, s, "/api/v4/account").status]++
	}
	if statuses[200] != 7 || statuses[429] != 8 || s.RateLimited() != 8 {
		t.Errorf("statuses %v, RateLimited %d", statuses, s.RateLimited())
	}
}

func TestRequestCounting(t *testing.T) {
	s := startTest(t, Options{})
	s.SetFaults(Faults{Fault: FaultStatus, Status: 500, Path: "/api/v4/users"})
	paths := map[string]string{
		EndpointLeads:           basicPath,
		EndpointContacts:        "/api/v4/contacts",
		EndpointCompanies:       "/api/v4/companies",
		EndpointCatalogElements: "/api/v4/catalogs/5000001/elements",
		EndpointCatalogs:        "/api/v4/catalogs",
		EndpointPipelines:       "/api/v4/leads/pipelines",
		EndpointUsers:           "/api/v4/users",
		EndpointAccount:         "/api/v4/account",
		EndpointOAuthAuthorize:  "/oauth",
		EndpointOther:           "/favicon.ico",
	}
	for i := 0; i < 2; i++ {
		for _, p := range paths {
			_ = get(t, s, p)
		}
	}
	_ = postForm(t, s, "/oauth2/access_token", nil)
	for endpoint := range paths {
		if n := s.Requests(endpoint); n != 2 {
			t.Errorf("Requests(%s) = %d, want 2", endpoint, n)
		}
	}
	if s.Requests(EndpointOAuthToken) != 1 || s.TotalRequests() != 2*len(paths)+1 || len(s.RequestCounts()) != len(paths)+1 {
		t.Errorf("oauth %d, total %d, counts %v", s.Requests(EndpointOAuthToken), s.TotalRequests(), s.RequestCounts())
	}
	s.ResetCounts()
	if s.TotalRequests() != 0 || s.Requests(EndpointLeads) != 0 {
		t.Error("ResetCounts did not reset")
	}
}
