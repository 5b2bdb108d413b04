package perf_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui"
	"github.com/leadscope/leadscope/tui/perf"
	"github.com/leadscope/leadscope/tui/views"
	"github.com/muesli/termenv"
)

// typedQuery is ten characters of a client's name, as sales ops type it.
const typedQuery = "Oliver Ben"

// keystrokeGap is a fast typist's pace: 120 words a minute.
const keystrokeGap = 100 * time.Millisecond

// BenchmarkTypeSearch types typedQuery into the find box on the leads
// list, a key every keystrokeGap, against a sandbox 100 ms away. It
// reports the list requests the typing sent (target ≤ 2) and the time
// from the debounce's end to the rows on screen (target ≤ 1 round trip +
// 30 ms), as its median and what it adds to the round trip.
func BenchmarkTypeSearch(b *testing.B) {
	srv := latencySandbox(b)
	var spans []time.Duration
	requests := 0
	b.StopTimer()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c, tr := newClient(b, srv.URL(), api.StaticToken(sandbox.Token), nil)
		started := time.Now()
		s := startSession(b, c, termenv.TrueColor)
		s.waitDirectory()
		time.Sleep(time.Until(started.Add(limiterWindow)))
		srv.ResetCounts()
		s.drv.Send(runes("/"))
		for _, r := range typedQuery {
			s.drv.Send(runes(string(r)))
			time.Sleep(keystrokeGap)
		}
		ticks := len(typedQuery)
		b.StartTimer()
		fired, err := s.drv.Await(func(f perf.Frame) bool { return f.Processed("leadspage.debounceMsg") == ticks }, waitLimit)
		if err != nil {
			b.Fatal(err)
		}
		shown, err := s.drv.Await(func(f perf.Frame) bool {
			screen := ansi.Strip(f.View)
			return strings.Contains(screen, "“"+typedQuery+"”") && strings.Contains(screen, " leads\n") && settled(f)
		}, waitLimit)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		spans = append(spans, shown.At.Sub(fired.At))
		requests = max(requests, srv.Requests(sandbox.EndpointLeads))
		s.quit()
		tr.CloseIdleConnections()
	}
	reportLatency(b, "debounce-to-rows", spans, 1)
	b.ReportMetric(float64(requests), "list-requests")
}

// everyLead is a config.json view without conditions: all of the
// sandbox's 2,038 leads, newest update first.
var everyLead = views.View{Name: "Every lead"}

// startListSession opens the browser on the leads list with everyLead as
// its fifth tab, shown.
func startListSession(tb testing.TB, c *api.Client) *session {
	tb.Helper()
	m := tui.New(tui.Options{Client: c, Account: "sandbox", Renderer: renderer(termenv.TrueColor),
		Location: time.UTC, Now: func() time.Time { return fixedNow }, Views: []views.View{everyLead}})
	s := &session{tb: tb, drv: perf.Start(m, screenWidth, screenHeight)}
	s.waitDirectory()
	s.press(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("5"), Alt: true})
	return s
}

// scrollToTheEnd holds End until the list has no more pages.
func (s *session) scrollToTheEnd() perf.Frame {
	f := s.drv.Frame()
	for range 100 {
		f = s.press(keyEnd)
		if !strings.Contains(ansi.Strip(f.View), "· more") {
			break
		}
	}
	return f
}

var leadCount = regexp.MustCompile(`([\d,]+) leads\n`)

// BenchmarkScrollEveryLead scrolls from the first to the last of the
// sandbox's leads. It reports the page requests (target ≤ 9 for 2,000
// leads at 250 a page) and the heap the loaded rows hold.
func BenchmarkScrollEveryLead(b *testing.B) {
	srv, err := sandbox.Start(sandbox.Options{RateLimit: -1})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(srv.Close)
	var pages, rows int
	var held uint64
	for b.Loop() {
		c, tr := newClient(b, srv.URL(), api.StaticToken(sandbox.Token), func(o *api.Options) { o.RatePerSecond = 1000 })
		s := startListSession(b, c)
		before := heapInUse()
		srv.ResetCounts()
		f := s.scrollToTheEnd()
		pages = srv.Requests(sandbox.EndpointLeads) + 1 // and page 1, shown before the count was reset
		m := leadCount.FindStringSubmatch(ansi.Strip(f.View))
		if m == nil {
			b.Fatalf("no count on screen:\n%s", f.View)
		}
		rows, _ = strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
		held = heapInUse() - min(before, heapInUse())
		s.quit()
		tr.CloseIdleConnections()
	}
	if rows != len(sandbox.LeadIDs()) {
		b.Fatalf("%d rows of %d leads", rows, len(sandbox.LeadIDs()))
	}
	b.ReportMetric(float64(pages), "page-requests")
	b.ReportMetric(float64(rows), "rows")
	b.ReportMetric(float64(held)/(1<<20), "MB-held")
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// BenchmarkPeakRSSLeadsList runs the built leadscope in tmux against a
// kommo-sandbox process, scrolls its "Every lead" view (config.json) to
// the last of the 2,038 leads and reports the process's peak resident set.
// Target: under 50 MB.
func BenchmarkPeakRSSLeadsList(b *testing.B) {
	requireTool(b, "tmux")
	dir := b.TempDir()
	leadscope := buildBinary(b, dir, "leadscope", "github.com/leadscope/leadscope")
	kommo := buildBinary(b, dir, "kommo-sandbox", "github.com/leadscope/leadscope/api/sandbox/cmd/kommo-sandbox")
	var peak int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		url, token := startKommoSandbox(b, kommo)
		peak = max(peak, peakRSSScrollingList(b, leadscope, url, token, filepath.Join(dir, strconv.Itoa(i))))
	}
	b.StopTimer()
	b.ReportMetric(float64(peak)/(1<<20), "MB-peak-rss")
}

func peakRSSScrollingList(tb testing.TB, bin, url, token, dir string) int64 {
	tb.Helper()
	home := filepath.Join(dir, "home")
	config := filepath.Join(home, ".config", "leadscope")
	if err := os.MkdirAll(config, 0o700); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(config, "config.json"), []byte(`{"views":[{"name":"Every lead"}]}`), 0o600); err != nil {
		tb.Fatal(err)
	}
	tm := &tmux{tb: tb, socket: filepath.Join(dir, "tmux.sock")}
	command := fmt.Sprintf("exec env -u CI HOME=%s XDG_CONFIG_HOME=%s TERM=xterm-256color KOMMO_BASE_URL=%s KOMMO_TOKEN=%s %s",
		shellQuote(home), shellQuote(filepath.Join(home, ".config")), shellQuote(url), shellQuote(token), shellQuote(bin))
	tm.run("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-s", "rss", command)
	tb.Cleanup(func() { _ = exec.Command("tmux", "-S", tm.socket, "kill-server").Run() })
	tm.waitFor("the leads list", func(s string) bool { return strings.Contains(s, "My open leads 250+") })
	pid := strings.TrimSpace(tm.run("display-message", "-p", "-t", "rss", "#{pane_pid}"))
	tm.run("send-keys", "-t", "rss", "M-5")
	tm.waitFor("the Every lead view", func(s string) bool { return strings.Contains(s, "Every lead 250+") })
	total := fmt.Sprintf("%s leads", groupThousands(len(sandbox.LeadIDs())))
	for range 20 {
		tm.run("send-keys", "-t", "rss", "End")
		screen := tm.run("capture-pane", "-p", "-t", "rss")
		if strings.Contains(screen, total) && !strings.Contains(screen, "· more") {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	tm.waitFor("every lead loaded", func(s string) bool { return strings.Contains(s, total) && !strings.Contains(s, "· more") })
	hwm := vmHWM(tb, pid)
	tm.run("send-keys", "-t", "rss", "q")
	return hwm
}

func groupThousands(n int) string {
	s := strconv.Itoa(n)
	if n >= 1000 {
		s = s[:len(s)-3] + "," + s[len(s)-3:]
	}
	return s
}
