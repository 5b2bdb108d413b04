package perf_test

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/perf"
	"github.com/muesli/termenv"
)

// feedFirstPageShown is the Feed tab with its first pages of notes and
// events merged on screen.
func feedFirstPageShown(f perf.Frame) bool {
	return strings.Contains(f.View, " shown · ") && !strings.Contains(f.View, "Loading the feed")
}

// BenchmarkFeedFirstPage times alt+6 on the huge lead until the newest
// entries of its notes and events are on screen, with 100 ms added to
// every request. The tab opens as soon as the lead's summary and tabs are
// resolved, before the background prefetch of the story could go (it
// waits for the lead's requests to leave the limiter's window), so the
// Feed's own foreground requests are timed. Target: one round trip + at
// most 30 ms.
func BenchmarkFeedFirstPage(b *testing.B) {
	srv := latencySandbox(b)
	var spans []time.Duration
	var model time.Duration
	b.StopTimer()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c, tr := newClient(b, srv.URL(), api.StaticToken(sandbox.Token), nil)
		s := startSession(b, c, termenv.TrueColor)
		s.waitDirectory()
		time.Sleep(limiterWindow) // the account's requests leave the window
		if f := s.open(sandbox.LeadHuge); !showsLead(f.View, sandbox.LeadHuge) {
			b.Fatalf("the huge lead is not on screen:\n%s", f.View)
		}

		before := s.drv.Frame()
		b.StartTimer()
		sent := time.Now()
		f, err := s.drv.SendAndWait(tabKey(tabFeed), feedFirstPageShown, waitLimit)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		spans = append(spans, f.At.Sub(sent))
		model += f.Spent - before.Spent
		s.quit()
		tr.CloseIdleConnections()
	}
	reportLatency(b, "feed-first-page", spans, 1)
	b.ReportMetric(float64(model)/float64(b.N)/float64(time.Millisecond), "model-ms")
}

// loadWholeFeed opens the huge lead's Feed tab and scrolls it to its end
// until every page of notes and events is in.
func loadWholeFeed(tb testing.TB, s *session) perf.Frame {
	tb.Helper()
	s.open(sandbox.LeadHuge)
	f := s.press(tabKey(tabFeed))
	for i := 0; strings.Contains(f.View, "· more"); i++ {
		if i > 100 {
			tb.Fatalf("the feed never finished loading:\n%s", f.View)
		}
		f = s.press(runes("G"))
	}
	if !strings.Contains(f.View, " entries") {
		tb.Fatalf("the whole feed is not loaded:\n%s", f.View)
	}
	return f
}

// BenchmarkFeedView times the root model's View with the huge lead's
// whole feed loaded, scrolled to the middle of it, in colour. Target: 2 ms.
// It also reports the heap the huge lead keeps with its whole story (its
// 250 contacts, companies and list elements, its notes, events, their
// entries and its tasks). Target: under 50 MB.
func BenchmarkFeedView(b *testing.B) {
	srv, err := sandbox.Start(sandbox.Options{RateLimit: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	c, tr := newClient(b, srv.URL(), api.StaticToken(sandbox.Token), func(o *api.Options) { o.RatePerSecond = 1e6 })
	defer tr.CloseIdleConnections()
	s := startSession(b, c, termenv.TrueColor)
	defer s.quit()
	s.waitDirectory()
	before := heapAfterGC()
	loadWholeFeed(b, s)
	s.press(tabKey(tabTasks))
	// The driver keeps the last message it handled: a resize takes the
	// place of any page of the story as Kommo sent it.
	s.press(tea.WindowSizeMsg{Width: screenWidth, Height: screenHeight})
	kept := heapAfterGC() - before
	s.press(tabKey(tabFeed))
	for range 20 {
		s.press(runes("b")) // page up, away from the end
	}

	m := s.drv.Model()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = m.View()
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(time.Millisecond), "ms/view")
	b.ReportMetric(float64(kept)/(1<<20), "MB-lead-and-story")
	b.ReportMetric(float64(heapAfterGC())/(1<<20), "MB-heap-all")
}
