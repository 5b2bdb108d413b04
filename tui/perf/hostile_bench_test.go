package perf_test

import (
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/perf"
	"github.com/muesli/termenv"
)

// BenchmarkHostileJSONTab opens the JSON tab of a hostile lead: one field
// value nested 8000 arrays deep (20 KB), and 464 of them (8 MiB). It
// reports the median time from the tab key to the JSON on screen, and the
// longest any single frame (Update and View) took meanwhile: the document
// is built off the Update loop, so no keystroke waits for it.
// Targets: the 20 KB lead's tab ready in ≤ 50 ms; no frame over 50 ms.
func BenchmarkHostileJSONTab(b *testing.B) {
	for _, tc := range []struct {
		name  string
		count int
	}{{"deep-20KB", 1}, {"deep-8MiB", 464}} {
		b.Run(tc.name, func(b *testing.B) {
			srv, err := sandbox.Start(sandbox.Options{RateLimit: -1})
			if err != nil {
				b.Fatal(err)
			}
			defer srv.Close()
			srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultDeepJSON, Count: tc.count})
			var spans []time.Duration
			var longest time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				c, tr := newClient(b, srv.URL(), api.StaticToken(sandbox.Token), func(o *api.Options) { o.RatePerSecond = 1000 })
				s := startSessionAt(b, c, termenv.TrueColor, sandbox.LeadNoContacts)
				if _, err := s.drv.Await(func(f perf.Frame) bool { return showsLead(f.View, sandbox.LeadNoContacts) && settled(f) }, waitLimit); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				sent := time.Now()
				f, err := s.drv.SendAndWait(tabKey(tabJSON), func(f perf.Frame) bool {
					longest = max(longest, f.Took)
					return strings.Contains(f.View, `"custom_fields_values"`)
				}, waitLimit)
				b.StopTimer()
				if err != nil {
					b.Fatal(err)
				}
				spans = append(spans, f.At.Sub(sent))
				s.quit()
				tr.CloseIdleConnections()
				b.StartTimer()
			}
			b.ReportMetric(medianMS(spans), "ms/json-tab")
			b.ReportMetric(float64(longest)/float64(time.Millisecond), "max-frame-ms")
		})
	}
}
