package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

var basicPath = fmt.Sprintf("/api/v4/leads/%d", LeadBasic)

func TestLatencyIsAdded(t *testing.T) {
	s := startTest(t, Options{Latency: 30 * time.Millisecond})
	s.SetFaults(Faults{Latency: 40 * time.Millisecond})
	start := time.Now()
	get(t, s, basicPath).want(t, 200, contentHAL)
	if d := time.Since(start); d < 70*time.Millisecond {
		t.Errorf("answered after %v, want at least 70ms", d)
	}
	s.SetFaults(Faults{Latency: time.Hour, Path: "/api/v4/users"})
	get(t, s, basicPath).want(t, 200, contentHAL) // other paths are not delayed by the fault
}

func TestStatusFaultsThenNormal(t *testing.T) {
	s := startTest(t, Options{})
	for _, status := range []int{402, 403, 500, 502, 503, 504} {
		s.SetFaults(Faults{Fault: FaultStatus, Status: status, Times: 2})
		get(t, s, basicPath).problem(t, status)
		get(t, s, "/api/v4/account").problem(t, status)
		get(t, s, basicPath).want(t, 200, contentHAL)
	}
	if n := s.FaultsInjected(); n != 12 {
		t.Errorf("FaultsInjected %d, want 12", n)
	}
	s.SetFaults(Faults{Fault: FaultStatus, Status: 500})
	for i := 0; i < 5; i++ {
		get(t, s, basicPath).problem(t, 500)
	}
	s.ClearFaults()
	get(t, s, basicPath).want(t, 200, contentHAL)
}

func TestInjected429(t *testing.T) {
	s := startTest(t, Options{})
	s.SetFaults(Faults{Fault: FaultStatus, Status: 429, RetryAfter: 3, Times: 1})
	a := get(t, s, basicPath)
	p := a.problem(t, 429)
	if a.header.Get("Retry-After") != "3" || p["retry_after"] != 3.0 {
		t.Errorf("Retry-After %q, retry_after %v", a.header.Get("Retry-After"), p["retry_after"])
	}
	get(t, s, basicPath).want(t, 200, contentHAL)

	s.SetFaults(Faults{Fault: FaultStatus, Status: 429, RetryAfter: 2, OmitRetryAfterHeader: true})
	for i := 0; i < 3; i++ {
		a = get(t, s, basicPath)
		if p := a.problem(t, 429); a.header.Get("Retry-After") != "" || p["retry_after"] != 2.0 {
			t.Errorf("header %q body %v", a.header.Get("Retry-After"), p["retry_after"])
		}
	}
	if s.RateLimited() != 0 {
		t.Error("injected 429s counted as rate limiting")
	}
}

func TestBlockedHTMLAndUsersForbidden(t *testing.T) {
	s := startTest(t, Options{})
	s.SetFaults(Faults{Fault: FaultBlockedHTML})
	a := get(t, s, basicPath).want(t, 403, "text/html")
	if !strings.Contains(string(a.body), "nginx") || json.Valid(a.body) {
		t.Errorf("block page: %s", a.body)
	}
	s.SetFaults(Faults{UsersForbidden: true})
	get(t, s, "/api/v4/users").problem(t, 403)
	get(t, s, "/api/v4/account").want(t, 200, contentHAL)
	getWith(t, s, "/api/v4/users", "bad").problem(t, 401)
}

func TestFaultTargeting(t *testing.T) {
	s := startTest(t, Options{})
	s.SetFaults(Faults{Fault: FaultStatus, Status: 503, Path: "/api/v4/contacts"})
	get(t, s, basicPath).want(t, 200, contentHAL)
	get(t, s, "/api/v4/contacts?filter[id][]=20000001").problem(t, 503)

	s.SetFaults(Faults{Fault: FaultStatus, Status: 500, Endpoint: EndpointLeads})
	get(t, s, "/api/v4/leads/pipelines").want(t, 200, contentHAL)
	get(t, s, basicPath).problem(t, 500)

	s.SetFaults(Faults{Fault: FaultStatus, Status: 500, Path: "/api/v4/leads/"})
	get(t, s, basicPath).problem(t, 500)
	get(t, s, "/api/v4/users").want(t, 200, contentHAL)

	// Faults only reach OAuth when aimed at it.
	s.SetFaults(Faults{Fault: FaultStatus, Status: 500})
	postForm(t, s, "/oauth2/access_token", nil).problem(t, 401)
	s.SetFaults(Faults{Fault: FaultStatus, Status: 502, Path: "/oauth2/"})
	postForm(t, s, "/oauth2/access_token", nil).problem(t, 502)
	get(t, s, basicPath).want(t, 200, contentHAL)
}

func TestBodyFaults(t *testing.T) {
	s := startTest(t, Options{})
	good := get(t, s, basicPath).want(t, 200, contentHAL)

	s.SetFaults(Faults{Fault: FaultMalformedJSON, Times: 1})
	if a := get(t, s, basicPath).want(t, 200, contentHAL); json.Valid(a.body) {
		t.Error("malformed JSON is valid")
	}

	s.SetFaults(Faults{Fault: FaultCutJSON, Times: 1})
	if a := get(t, s, basicPath).want(t, 200, contentHAL); json.Valid(a.body) || len(a.body) != len(good.body)/2 ||
		a.header.Get("Content-Length") != strconv.Itoa(len(a.body)) {
		t.Errorf("cut JSON: %d bytes of %d, valid %v", len(a.body), len(good.body), json.Valid(a.body))
	}

	s.SetFaults(Faults{Fault: FaultWrongContentType, Times: 1})
	if a := get(t, s, basicPath).want(t, 200, "text/plain"); string(a.body) != string(good.body) {
		t.Error("wrong content type changed the body")
	}

	s.SetFaults(Faults{Fault: FaultTruncatedBody, Times: 1})
	a := get(t, s, basicPath)
	if a.status != 200 || !errors.Is(a.err, io.ErrUnexpectedEOF) || len(a.body) >= len(good.body) {
		t.Errorf("truncated: status %d err %v, %d bytes", a.status, a.err, len(a.body))
	}
	get(t, s, basicPath).want(t, 200, contentHAL)
}

func TestHugeBodyIsStreamed(t *testing.T) {
	s := startTest(t, Options{})
	s.SetFaults(Faults{Fault: FaultHugeBody, HugeBytes: 4096, Times: 1})
	a := get(t, s, basicPath).want(t, 200, contentHAL)
	if len(a.body) != 4096 || !json.Valid(a.body) {
		t.Errorf("small huge body: %d bytes, valid %v", len(a.body), json.Valid(a.body))
	}

	s.SetFaults(Faults{Fault: FaultHugeBody})
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	req, _ := http.NewRequest(http.MethodGet, s.URL()+basicPath, nil)
	resp, err := testClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	runtime.ReadMemStats(&after)
	if err != nil || n != DefaultHugeBytes || resp.ContentLength != DefaultHugeBytes {
		t.Fatalf("read %d bytes (declared %d): %v", n, resp.ContentLength, err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > DefaultHugeBytes/2 {
		t.Errorf("serving %d bytes allocated %d: the body is held in memory", n, grew)
	}
}

func TestStallEndsWithTheClientOrTheServer(t *testing.T) {
	s := startTest(t, Options{})
	s.SetFaults(Faults{Fault: FaultStall})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.URL()+basicPath, nil)
	req.Header.Set("Authorization", "Bearer "+Token)
	if a := do(req); !errors.Is(a.err, context.DeadlineExceeded) {
		t.Fatalf("stalled request ended with %v, status %d", a.err, a.status)
	}

	done := make(chan answer, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodGet, s.URL()+basicPath, nil)
		done <- do(req)
	}()
	for s.FaultsInjected() < 2 {
		time.Sleep(5 * time.Millisecond)
	}
	s.Close()
	if a := <-done; a.err == nil {
		t.Errorf("a stalled request got an answer: %d", a.status)
	}
}

func TestDropConnection(t *testing.T) {
	s := startTest(t, Options{})
	s.SetFaults(Faults{Fault: FaultDropConnection, Times: 1})
	if a := get(t, s, basicPath); a.err == nil {
		t.Errorf("dropped connection answered %d", a.status)
	}
	get(t, s, basicPath).want(t, 200, contentHAL)
}

func TestFaultsAreSafeForConcurrentUse(t *testing.T) {
	s := startTest(t, Options{})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 10; j++ {
				req, _ := http.NewRequest(http.MethodGet, s.URL()+basicPath, nil)
				req.Header.Set("Authorization", "Bearer "+Token)
				_ = do(req)
			}
		}()
	}
	for i := 0; i < 20; i++ {
		s.SetFaults(Faults{Fault: FaultStatus, Status: 500, Times: 3, Latency: time.Millisecond})
		_ = s.FaultsInjected()
		_ = s.Requests(EndpointLeads)
	}
	wg.Wait()
	s.SetFaults(Faults{Fault: FaultStatus, Status: 503, Times: 5})
	var fails sync.WaitGroup
	results := make(chan int, 20)
	for i := 0; i < 20; i++ {
		fails.Add(1)
		go func() {
			defer fails.Done()
			req, _ := http.NewRequest(http.MethodGet, s.URL()+basicPath, nil)
			req.Header.Set("Authorization", "Bearer "+Token)
			results <- do(req).status
		}()
	}
	fails.Wait()
	close(results)
	injected := 0
	for st := range results {
		if st == 503 {
			injected++
		}
	}
	if injected != 5 {
		t.Errorf("Times 5 injected %d faults into concurrent requests", injected)
	}
}

func TestFaultNames(t *testing.T) {
	for f := NoFault; f <= FaultManyCatalogs; f++ {
		if strings.HasPrefix(f.String(), "fault(") {
			t.Errorf("fault %d has no name", int(f))
		}
	}
	if Fault(99).String() != "fault(99)" {
		t.Error("unknown fault name")
	}
}
