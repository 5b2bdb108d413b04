package perf_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/cache"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui"
	"github.com/leadscope/leadscope/tui/perf"
	"github.com/muesli/termenv"
)

// roundTrip is the latency the sandbox adds to every request in the
// latency benchmarks: a far-away Kommo data centre.
const roundTrip = 100 * time.Millisecond

// limiterWindow is how long the client's limiter remembers a request
// (1 s plus its 100 ms margin). A user types an ID seconds after start-up,
// so the benchmarks let the prefetch's requests leave the window before
// pressing enter; BenchmarkStartToAllTabs shows what happens when they do not.
const limiterWindow = 1100 * time.Millisecond

var latencyLeads = []struct {
	name string
	id   int64
}{
	{"LeadBasic", sandbox.LeadBasic},
	{"LeadHuge", sandbox.LeadHuge},
}

// BenchmarkEnterToSummary times enter in the ID input until the lead's
// name is on screen. Target: one round trip + at most 20 ms.
func BenchmarkEnterToSummary(b *testing.B) {
	for _, l := range latencyLeads {
		b.Run(l.name, func(b *testing.B) {
			name := seeded(b, l.id).lead.Name
			benchEnter(b, l.id, "summary", 1, func(f perf.Frame) bool { return strings.Contains(f.View, name) })
		})
	}
}

// BenchmarkEnterToAllTabs times enter until every tab is resolved: the
// name is on screen and no part of the lead is loading any more. Target:
// two round trips + at most 30 ms.
func BenchmarkEnterToAllTabs(b *testing.B) {
	for _, l := range latencyLeads {
		b.Run(l.name, func(b *testing.B) {
			name := seeded(b, l.id).lead.Name
			benchEnter(b, l.id, "all-tabs", 2, func(f perf.Frame) bool { return strings.Contains(f.View, name) && settled(f) })
		})
	}
}

// BenchmarkStartToAllTabs is `leadscope <id>` on an account never seen
// (no account cache): the lead, its parts and the account's names (4
// requests) all start at once, and Kommo's limit (7 requests in any 1.1 s)
// cannot hold the 9 or so of them in one window. The lead and its parts go
// first (ms/start-to-lead-tabs); the names, a prefetch, fill in with what
// the limit leaves (ms/start-to-all-tabs).
func BenchmarkStartToAllTabs(b *testing.B) {
	for _, l := range latencyLeads {
		b.Run(l.name, func(b *testing.B) {
			name := seeded(b, l.id).lead.Name
			srv := latencySandbox(b)
			var leadSpans, spans []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				c, tr := newClient(b, srv.URL(), api.StaticToken(sandbox.Token), nil)
				start := time.Now()
				s := startSessionAt(b, c, termenv.TrueColor, l.id)
				lf, err := s.drv.Await(func(f perf.Frame) bool { return strings.Contains(f.View, name) && leadSettled(f) }, waitLimit)
				if err != nil {
					b.Fatal(err)
				}
				f, err := s.drv.Await(func(f perf.Frame) bool { return strings.Contains(f.View, name) && settled(f) }, waitLimit)
				b.StopTimer()
				if err != nil {
					b.Fatal(err)
				}
				leadSpans = append(leadSpans, lf.At.Sub(start))
				spans = append(spans, f.At.Sub(start))
				s.quit()
				tr.CloseIdleConnections()
				b.StartTimer()
			}
			b.ReportMetric(medianMS(leadSpans), "ms/start-to-lead-tabs")
			reportLatency(b, "start-to-all-tabs", spans, 2)
		})
	}
}

func medianMS(spans []time.Duration) float64 {
	slices.Sort(spans)
	median := spans[len(spans)/2]
	if len(spans)%2 == 0 {
		median = (spans[len(spans)/2-1] + median) / 2
	}
	return float64(median) / float64(time.Millisecond)
}

// BenchmarkStartToAllTabsWarmCache is `leadscope <id>` on an account seen
// before: the names come from the account cache, so only the lead and its
// parts are asked for, and the cache's check waits until they settled.
// Target: two round trips + at most 30 ms.
func BenchmarkStartToAllTabsWarmCache(b *testing.B) {
	for _, l := range latencyLeads {
		b.Run(l.name, func(b *testing.B) {
			name := seeded(b, l.id).lead.Name
			srv := latencySandbox(b)
			store := filledCache(b, srv)
			var spans []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				c, tr := newClient(b, srv.URL(), api.StaticToken(sandbox.Token), nil)
				srv.ResetCounts()
				start := time.Now()
				s := startSessionWith(b, tui.Options{Client: c, Renderer: renderer(termenv.TrueColor),
					InitialLead: l.id, AccountData: cache.NewSource(c, store)})
				f, err := s.drv.Await(func(f perf.Frame) bool { return strings.Contains(f.View, name) && settled(f) }, waitLimit)
				b.StopTimer()
				if err != nil {
					b.Fatal(err)
				}
				spans = append(spans, f.At.Sub(start))
				s.quit()
				tr.CloseIdleConnections()
				b.StartTimer()
			}
			reportLatency(b, "start-to-all-tabs", spans, 2)
		})
	}
}

// filledCache is an account cache that holds the sandbox's account data.
func filledCache(tb testing.TB, srv *sandbox.Server) *cache.Store {
	tb.Helper()
	store, err := cache.Open(tb.TempDir(), "sandbox.test")
	if err != nil {
		tb.Fatal(err)
	}
	c, tr := newClient(tb, srv.URL(), api.StaticToken(sandbox.Token), nil)
	defer tr.CloseIdleConnections()
	if _, err := cache.NewSource(c, store).Load(context.Background()); err != nil {
		tb.Fatal(err)
	}
	return store
}

// benchEnter opens lead id on a fresh client and model per iteration and
// times enter until done holds. Only that span is timed.
func benchEnter(b *testing.B, id int64, what string, trips int, done func(perf.Frame) bool) {
	srv := latencySandbox(b)
	var spans []time.Duration
	var model time.Duration
	b.StopTimer()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c, tr := newClient(b, srv.URL(), api.StaticToken(sandbox.Token), nil)
		started := time.Now()
		s := startSession(b, c, termenv.TrueColor)
		s.waitDirectory()
		s.typeLead(id)
		time.Sleep(time.Until(started.Add(limiterWindow)))

		before := s.drv.Frame()
		b.StartTimer()
		sent := time.Now()
		f, err := s.drv.SendAndWait(enter, done, waitLimit)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		spans = append(spans, f.At.Sub(sent))
		model += f.Spent - before.Spent
		s.quit()
		tr.CloseIdleConnections()
	}
	if n := srv.TotalRequests(); n == 0 {
		b.Fatal("the sandbox saw no request")
	}
	reportLatency(b, what, spans, trips)
	b.ReportMetric(float64(model)/float64(b.N)/float64(time.Millisecond), "model-ms")
}

// reportLatency reports the median span, and what it adds to the round
// trips it cannot avoid. The median, because the spans are wall-clock times
// on a machine that may be busy with other work (ns/op is their mean).
func reportLatency(b *testing.B, what string, spans []time.Duration, trips int) {
	ms := medianMS(spans)
	b.ReportMetric(ms, "ms/"+what)
	b.ReportMetric(ms-float64(trips)*float64(roundTrip/time.Millisecond), "overhead-ms")
}

// latencySandbox adds roundTrip to every request. Its own rate limit is
// off: every iteration has a fresh client (and limiter), and back-to-back
// iterations would otherwise share the sandbox's window.
func latencySandbox(b *testing.B) *sandbox.Server {
	b.Helper()
	srv, err := sandbox.Start(sandbox.Options{Latency: roundTrip, RateLimit: -1})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(srv.Close)
	return srv
}
