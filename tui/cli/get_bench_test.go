package cli_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api/sandbox"
)

// benchRoundTrip is the latency the sandbox adds to every request: a
// far-away Kommo data centre.
const benchRoundTrip = 100 * time.Millisecond

// BenchmarkGet runs the built binary's `get ID` (human output) against a
// sandbox 100 ms away, with a cold cache (a first run: the directory is
// fetched alongside the lead) and a warm one (the directory from disk).
// Each run starts with the rate limit's window empty, as a command typed
// by hand does. Targets: warm 2 round trips + a little; cold 2 round trips
// + 50 ms where the lead's requests and the directory's fit in Kommo's 7
// per second (LeadNoContacts: 5 requests; LeadBasic needs 9, so 2 of them
// wait for the window: see README).
//
//	go test -run='^$' -bench=Get -benchtime=15x ./tui/cli/
func BenchmarkGet(b *testing.B) {
	for _, lead := range []struct {
		name string
		id   int64
	}{{"LeadNoContacts", sandbox.LeadNoContacts}, {"LeadBasic", sandbox.LeadBasic}} {
		for _, warm := range []bool{false, true} {
			name := lead.name + "/cold"
			if warm {
				name = lead.name + "/warm"
			}
			b.Run(name, func(b *testing.B) { benchGet(b, lead.id, warm) })
		}
	}
}

func benchGet(b *testing.B, id int64, warm bool) {
	srv, err := sandbox.Start(sandbox.Options{Latency: benchRoundTrip, RateLimit: -1})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(srv.Close)
	bin := leadscopeBinary(b)
	cacheHome := filepath.Join(b.TempDir(), "cache")
	run := func() time.Duration {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, "get", fmt.Sprint(id))
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + b.TempDir(), "XDG_CACHE_HOME=" + cacheHome,
			"KOMMO_BASE_URL=" + srv.URL(), "KOMMO_TOKEN=" + sandbox.Token}
		start := time.Now()
		out, err := cmd.CombinedOutput()
		span := time.Since(start)
		if err != nil {
			b.Fatalf("get: %v\n%s", err, out)
		}
		return span
	}
	if warm {
		run()
	}
	var spans []time.Duration
	requests := 0
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		if warm {
			// The window file of the previous run would make this one wait.
			removeRateLimitFiles(b, cacheHome)
		} else {
			os.RemoveAll(cacheHome)
		}
		srv.ResetCounts()
		b.StartTimer()
		spans = append(spans, run())
		requests += srv.TotalRequests()
	}
	b.StopTimer()
	slices.Sort(spans)
	median := float64(spans[len(spans)/2]) / float64(time.Millisecond)
	b.ReportMetric(median, "median-ms")
	b.ReportMetric(median-2*float64(benchRoundTrip/time.Millisecond), "over-2rtt-ms")
	b.ReportMetric(float64(requests)/float64(b.N), "requests/op")
}

func removeRateLimitFiles(b *testing.B, cacheHome string) {
	matches, err := filepath.Glob(filepath.Join(cacheHome, "leadscope", "*", "ratelimit"))
	if err != nil {
		b.Fatal(err)
	}
	for _, m := range matches {
		os.Remove(m)
	}
}
