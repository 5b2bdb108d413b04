package perf_test

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/perf"
	"github.com/muesli/termenv"
	"go.uber.org/goleak"
)

// kommoLimit is Kommo's documented limit: 7 requests in any second.
const kommoLimit = 7

// recordedSandbox is a default sandbox (rate limit 7/s) behind an arrival
// recorder, on a loopback httptest server.
func recordedSandbox(t *testing.T) (*sandbox.Server, *arrivals, *httptest.Server) {
	t.Helper()
	srv := sandbox.New(sandbox.Options{})
	rec := &arrivals{next: srv}
	return srv, rec, httptest.NewServer(rec)
}

// assertWithinKommoLimit checks what the server saw, arrival by arrival.
func assertWithinKommoLimit(t *testing.T, srv *sandbox.Server, rec *arrivals) {
	t.Helper()
	if n, at := rec.busiestWindow(time.Second); n > kommoLimit {
		t.Errorf("%d requests arrived within 1 s of %s; Kommo allows %d", n, at.Format("15:04:05.000"), kommoLimit)
	}
	if n := srv.RateLimited(); n != 0 {
		t.Errorf("the sandbox answered %d requests with 429", n)
	}
}

// TestBurstOfLookups types 50 lead IDs and presses enter after each, as
// fast as the model takes keys: each lookup cancels the one before, and
// the client's limiter keeps what reaches the server within Kommo's limit.
func TestBurstOfLookups(t *testing.T) {
	defer goleak.VerifyNone(t)
	srv, rec, ts := recordedSandbox(t)
	defer ts.Close()
	c, tr := newClient(t, ts.URL, api.StaticToken(sandbox.Token), nil)
	defer tr.CloseIdleConnections()
	s := startSession(t, c, termenv.Ascii)
	defer s.quit()
	s.waitDirectory()

	ids := burstIDs(50)
	start := time.Now()
	for _, id := range ids[:len(ids)-1] {
		s.typeLead(id)
		s.drv.Send(enter)
	}
	last := ids[len(ids)-1]
	s.typeLead(last)
	fired, err := s.drv.SendAndWait(enter, func(perf.Frame) bool { return true }, waitLimit)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("50 lookups handled by the model in %s", fired.At.Sub(start).Round(time.Millisecond))
	f, err := s.drv.Await(func(f perf.Frame) bool { return settled(f) && showsLead(f.View, last) }, waitLimit)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Processed("tea.KeyMsg"); got < 50 {
		t.Fatalf("the model handled %d keys, want at least 50 enters", got)
	}
	assertWithinKommoLimit(t, srv, rec)
	t.Logf("the sandbox saw %d requests (%d for leads) for 50 lookups", rec.count(), srv.Requests(sandbox.EndpointLeads))
}

// burstIDs is n distinct lead IDs: every seeded lead, then IDs that do not
// exist (a lookup of a missing lead is a request all the same), ending on
// a seeded one so the last lookup has a lead to show.
func burstIDs(n int) []int64 {
	seededIDs := sandbox.LeadIDs()
	if len(seededIDs) > n {
		seededIDs = seededIDs[:n]
	}
	ids := make([]int64, 0, n)
	for missing := sandbox.LeadMissing; len(ids) < n-len(seededIDs); missing-- {
		ids = append(ids, missing)
	}
	return append(ids, seededIDs...)
}

// TestHoldingHistoryKeys builds a history of 10 leads, then sends 100 [ and
// ] back and forth as fast as the model takes them: every step is served
// from the cache, so the sandbox sees nothing and never answers 429.
func TestHoldingHistoryKeys(t *testing.T) {
	defer goleak.VerifyNone(t)
	srv, rec, ts := recordedSandbox(t)
	defer ts.Close()
	c, tr := newClient(t, ts.URL, api.StaticToken(sandbox.Token), nil)
	defer tr.CloseIdleConnections()
	s := startSession(t, c, termenv.Ascii)
	defer s.quit()
	s.waitDirectory()

	history := sandbox.LeadIDs()[:10]
	for _, id := range history {
		if f := s.open(id); !showsLead(f.View, id) {
			t.Fatalf("lead %d not on screen:\n%s", id, f.View)
		}
	}
	srv.ResetCounts()
	before := rec.count()

	keys, pos := holdKeys(100, len(history))
	for _, k := range keys[:len(keys)-1] {
		s.drv.Send(runes(k))
	}
	want := history[pos]
	f := s.press(runes(keys[len(keys)-1]))
	if !showsLead(f.View, want) {
		t.Fatalf("after 100 history keys lead %d should be on screen:\n%s", want, f.View)
	}
	if n := rec.count() - before; n != 0 {
		t.Errorf("history keys sent %d requests (%v); cached leads must cost none", n, srv.RequestCounts())
	}
	assertWithinKommoLimit(t, srv, rec)
}

// holdKeys sweeps [ from the newest entry to the oldest and ] back, n keys
// in all, and returns them with the history index they end on.
func holdKeys(n, size int) ([]string, int) {
	keys := make([]string, 0, n)
	pos, step := size-1, -1
	for len(keys) < n {
		if pos+step < 0 || pos+step >= size {
			step = -step
		}
		pos += step
		if step < 0 {
			keys = append(keys, "[")
		} else {
			keys = append(keys, "]")
		}
	}
	return keys, pos
}
