package perf_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api/sandbox"
)

// BenchmarkPeakRSSHugeLead runs the built leadscope in a real terminal
// (tmux) against a kommo-sandbox process, opens the huge lead, visits and
// scrolls every tab, loads every page of its feed, and reports the
// process's peak resident set (VmHWM). Target: under 50 MB.
func BenchmarkPeakRSSHugeLead(b *testing.B) {
	requireTool(b, "tmux")
	dir := b.TempDir()
	leadscope := buildBinary(b, dir, "leadscope", "github.com/leadscope/leadscope")
	kommo := buildBinary(b, dir, "kommo-sandbox", "github.com/leadscope/leadscope/api/sandbox/cmd/kommo-sandbox")
	ref := seeded(b, sandbox.LeadHuge)

	var peak int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		url, token := startKommoSandbox(b, kommo)
		hwm := peakRSSViewingLead(b, leadscope, url, token, sandbox.LeadHuge, hugeLeadTabs(ref), filepath.Join(dir, strconv.Itoa(i)))
		peak = max(peak, hwm)
	}
	b.StopTimer()
	b.ReportMetric(float64(peak)/(1<<20), "MB-peak-rss")
}

// BenchmarkPeakRSSHostileLeads is BenchmarkPeakRSSHugeLead for leads built
// to hurt: a field value nested 8000 arrays deep (20 KB), 464 of them
// (8 MiB), and 450,000 field values (7 MB). The built binary opens each,
// its Fields and JSON tabs, and scrolls them end to end.
// Targets: < 50 MB for the 20 KB lead, < 100 MB for the others.
func BenchmarkPeakRSSHostileLeads(b *testing.B) {
	requireTool(b, "tmux")
	dir := b.TempDir()
	leadscope := buildBinary(b, dir, "leadscope", "github.com/leadscope/leadscope")
	tabs := []tabCheck{{"M-1", "Fields", []string{"Generated 1 "}}, {"M-8", "JSON", []string{`"custom_fields_values"`}}}
	for _, tc := range []struct {
		name   string
		faults sandbox.Faults
	}{
		{"deep-20KB", sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultDeepJSON}},
		{"deep-8MiB", sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultDeepJSON, Count: 464}},
		{"values-450000", sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultManyFieldValues}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			srv, err := sandbox.Start(sandbox.Options{RateLimit: -1})
			if err != nil {
				b.Fatal(err)
			}
			defer srv.Close()
			srv.SetFaults(tc.faults)
			var peak int64
			for range b.N {
				hwm := peakRSSViewingLead(b, leadscope, srv.URL(), sandbox.Token, sandbox.LeadNoContacts, tabs, b.TempDir())
				peak = max(peak, hwm)
			}
			b.ReportMetric(float64(peak)/(1<<20), "MB-peak-rss")
		})
	}
}

// BenchmarkBinarySize reports the size of leadscope as `go build` makes it
// and stripped of its symbol tables (-ldflags="-s -w"). ns/op is one build.
func BenchmarkBinarySize(b *testing.B) {
	dir := b.TempDir()
	var plain, stripped string
	for i := 0; i < b.N; i++ {
		plain = buildBinary(b, dir, "leadscope", "github.com/leadscope/leadscope")
		stripped = buildBinary(b, dir, "leadscope-stripped", "github.com/leadscope/leadscope", "-ldflags=-s -w")
	}
	b.ReportMetric(float64(fileSize(b, plain)), "bytes-binary")
	b.ReportMetric(float64(fileSize(b, stripped)), "bytes-stripped")
	b.ReportMetric(float64(fileSize(b, stripped))/(1<<20), "MB-stripped")
}

// requireTool skips when a tool is missing, except in CI, where a missing
// tool means a broken environment.
func requireTool(tb testing.TB, name string) {
	tb.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%s is required in CI: %v", name, err)
		}
		tb.Skipf("%s not installed; skipping (CI=true makes this a failure)", name)
	}
}

func buildBinary(tb testing.TB, dir, name, pkg string, flags ...string) string {
	tb.Helper()
	out := filepath.Join(dir, name)
	args := append(append([]string{"build", "-o", out}, flags...), pkg)
	if msg, err := exec.Command("go", args...).CombinedOutput(); err != nil {
		tb.Fatalf("go %v: %v\n%s", args, err, msg)
	}
	return out
}

func fileSize(tb testing.TB, path string) int64 {
	tb.Helper()
	info, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	return info.Size()
}

// startKommoSandbox runs the sandbox command and reads its url= and token=
// lines; the process is stopped when the benchmark ends.
func startKommoSandbox(tb testing.TB, bin string) (url, token string) {
	tb.Helper()
	cmd := exec.Command(bin)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
	})
	lines := bufio.NewScanner(stdout)
	for (url == "" || token == "") && lines.Scan() {
		if v, ok := strings.CutPrefix(lines.Text(), "url="); ok {
			url = v
		}
		if v, ok := strings.CutPrefix(lines.Text(), "token="); ok {
			token = v
		}
	}
	if url == "" || token == "" {
		tb.Fatalf("kommo-sandbox printed no url= and token= lines: %v", lines.Err())
	}
	return url, token
}

// peakRSSViewingLead shows lead id in tmux with the pane running leadscope
// itself (exec), visits the tabs, scrolling each end to end, and returns
// VmHWM in bytes.
func peakRSSViewingLead(tb testing.TB, bin, url, token string, lead int64, tabs []tabCheck, dir string) int64 {
	tb.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "home"), 0o700); err != nil {
		tb.Fatal(err)
	}
	tm := &tmux{tb: tb, socket: filepath.Join(dir, "tmux.sock")}
	home := filepath.Join(dir, "home")
	command := fmt.Sprintf("exec env -u CI HOME=%s XDG_CONFIG_HOME=%s TERM=xterm-256color KOMMO_BASE_URL=%s KOMMO_TOKEN=%s %s %d",
		shellQuote(home), shellQuote(filepath.Join(home, ".config")), shellQuote(url), shellQuote(token), shellQuote(bin), lead)
	tm.run("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-s", "rss", command)
	tb.Cleanup(func() { _ = exec.Command("tmux", "-S", tm.socket, "kill-server").Run() })
	pid := strings.TrimSpace(tm.run("display-message", "-p", "-t", "rss", "#{pane_pid}"))

	id := "#" + strconv.FormatInt(lead, 10)
	tm.waitFor("the lead with its tabs resolved", func(s string) bool {
		return strings.Contains(s, id) && !strings.Contains(s, "Loading")
	})
	// The pane's process is the shell, then env, then leadscope (each
	// exec keeps the PID): only with the lead on screen is it leadscope.
	if comm, err := os.ReadFile("/proc/" + pid + "/comm"); err != nil || strings.TrimSpace(string(comm)) != "leadscope" {
		tb.Fatalf("pane process %s is %q (%v), not leadscope", pid, comm, err)
	}
	for _, tab := range tabs {
		tm.run("send-keys", "-t", "rss", tab.key)
		tm.waitFor("the "+tab.name+" tab", func(s string) bool { return containsAny(s, tab.shows) })
		if tab.name == "Feed" {
			loadWholeFeedInTmux(tm)
		}
		tm.run("send-keys", "-t", "rss", "End")
		tm.run("send-keys", "-t", "rss", "Home")
	}
	// Home is the last key sent; once the screen shows the first tab's top
	// again after going back to it, every key before it has been handled.
	tm.run("send-keys", "-t", "rss", tabs[0].key)
	tm.waitFor("the "+tabs[0].name+" tab again", func(s string) bool { return containsAny(s, tabs[0].shows) })
	hwm := vmHWM(tb, pid)
	tm.run("send-keys", "-t", "rss", "q")
	return hwm
}

type tabCheck struct {
	key, name string
	shows     []string // any of these on screen proves the tab is drawn with data
}

func hugeLeadTabs(ref reference) []tabCheck {
	var fields, tags, contacts, companies, elements []string
	for _, f := range ref.lead.CustomFields {
		fields = append(fields, f.FieldName)
	}
	for _, t := range ref.lead.Embedded.Tags {
		tags = append(tags, t.Name)
	}
	for _, c := range ref.related.Contacts {
		contacts = append(contacts, c.Name)
	}
	for _, c := range ref.related.Companies {
		companies = append(companies, c.Name)
	}
	for _, e := range ref.related.CatalogElements {
		elements = append(elements, e.Name)
	}
	return []tabCheck{
		{"M-1", "Fields", fields}, {"M-2", "Tags", tags}, {"M-3", "Contacts", contacts},
		{"M-4", "Companies", companies}, {"M-5", "Catalog", elements}, {"M-6", "Feed", []string{" shown · "}},
		{"M-7", "Tasks", []string{"Open · "}}, {"M-8", "JSON", []string{`"custom_fields_values"`}},
	}
}

// loadWholeFeedInTmux presses End in the Feed tab until every page of the
// notes and events is in: the head then counts entries without "more".
func loadWholeFeedInTmux(tm *tmux) {
	deadline := time.Now().Add(20 * time.Second)
	for {
		screen := tm.run("capture-pane", "-p", "-t", "rss")
		if strings.Contains(screen, " entries") && !strings.Contains(screen, "· more") {
			return
		}
		if time.Now().After(deadline) {
			tm.tb.Fatalf("the feed never finished loading; last screen:\n%s", screen)
		}
		tm.run("send-keys", "-t", "rss", "End")
		time.Sleep(100 * time.Millisecond)
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if sub != "" && strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// vmHWM reads the peak resident set of pid from /proc, in bytes.
func vmHWM(tb testing.TB, pid string) int64 {
	tb.Helper()
	status, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		tb.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			if _, err := fmt.Sscanf(strings.TrimSpace(v), "%d kB", &kb); err != nil {
				tb.Fatalf("VmHWM %q: %v", v, err)
			}
			return kb << 10
		}
	}
	tb.Fatalf("no VmHWM in /proc/%s/status", pid)
	return 0
}

type tmux struct {
	tb     testing.TB
	socket string
}

func (t *tmux) run(args ...string) string {
	t.tb.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", t.socket}, args...)...).CombinedOutput()
	if err != nil {
		t.tb.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// waitFor polls the pane until ok; the deadline only bounds a broken run.
func (t *tmux) waitFor(what string, ok func(screen string) bool) {
	t.tb.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		screen := t.run("capture-pane", "-p", "-t", "rss")
		if ok(screen) {
			return
		}
		if time.Now().After(deadline) {
			t.tb.Fatalf("the screen never showed %s; last screen:\n%s", what, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
