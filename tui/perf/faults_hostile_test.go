package perf_test

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/perf"
	"github.com/muesli/termenv"
	"go.uber.org/goleak"
)

// hostileCase is a row of the lead browser's fault matrix of hostile
// data: well-formed answers that are too much. Each row asserts what the
// screen says and that the heap stayed bounded while the data streamed in.
type hostileCase struct {
	name string
	// faults are on from the start, so the start-up prefetch meets them too.
	faults sandbox.Faults
	// fast lifts the sandbox's and the client's rate limits, for rows whose
	// hundreds of requests would otherwise take minutes at 7 a second.
	fast       bool
	target     int64
	wantStatus []string // substrings of the status line, all required
	// wantAccountStatus is what the status line says once the account data arrived.
	wantAccountStatus string
	// tab, when not 0, is the lead page's tab (alt+tab) opened once the lead
	// is on screen; wantTab is what it must then show.
	tab        int
	wantTab    string
	maxHeapMiB uint64
}

var hostileCases = []hostileCase{
	// Each of the 100 lists is asked for on its own, as the lead browser
	// does, and pages without end: the client's list concurrency and
	// page bounds keep memory flat, and the status says what was cut.
	{name: "100 lists paging forever", target: sandbox.LeadBasic, fast: true,
		faults:     sandbox.Faults{Fault: sandbox.FaultManyCatalogs, PageBytes: 64 << 10},
		wantStatus: []string{"0 of 1 elements shown"}, maxHeapMiB: 32},
	// Users, lists and pipelines page without end, 8 MiB a page: the
	// start-up prefetch stops at 32 MiB a list and the lead still shows.
	// One field value nested 8000 arrays deep (20 KB): the JSON tab shows
	// the lead bounded in depth, built off the Update loop.
	{name: "JSON tab of a value nested 8000 deep", target: sandbox.LeadNoContacts,
		faults: sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultDeepJSON},
		tab:    tabJSON, wantTab: `"custom_fields_values"`, maxHeapMiB: 50},
	// 464 such values: an 8 MiB lead.
	{name: "JSON tab of an 8 MiB lead of deep values", target: sandbox.LeadNoContacts,
		faults: sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultDeepJSON, Count: 464},
		tab:    tabJSON, wantTab: `"custom_fields_values"`, maxHeapMiB: 100},
	// 450,000 field values (7 MB): the Fields tab draws only what is on screen.
	{name: "Fields tab of 450,000 values", target: sandbox.LeadNoContacts,
		faults: sandbox.Faults{Endpoint: sandbox.EndpointLeads, Fault: sandbox.FaultManyFieldValues},
		tab:    tabFields, wantTab: "of 450", maxHeapMiB: 100},
	{name: "start-up lists paging 8 MiB forever", target: sandbox.LeadNoContacts,
		faults:            sandbox.Faults{Fault: sandbox.FaultEndlessPages},
		wantAccountStatus: "Account data cut short: ",
		maxHeapMiB:        100},
}

func TestHostileDataMatrix(t *testing.T) {
	for _, tc := range hostileCases {
		t.Run(tc.name, func(t *testing.T) { runHostileCase(t, tc) })
	}
}

func runHostileCase(t *testing.T, tc hostileCase) {
	defer goleak.VerifyNone(t)
	opts := sandbox.Options{}
	if tc.fast {
		opts.RateLimit = -1
	}
	srv, err := sandbox.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	srv.SetFaults(tc.faults)
	c, tr := newClient(t, srv.URL(), api.StaticToken(sandbox.Token), func(o *api.Options) {
		if tc.fast {
			o.RatePerSecond = 1000
		}
	})
	defer tr.CloseIdleConnections()
	heap := sampleHeap()
	defer heap.stop()
	s := startSession(t, c, termenv.Ascii)
	defer s.quit()
	if first := s.waitDirectory(); !strings.Contains(statusLine(first.View), tc.wantAccountStatus) {
		t.Errorf("once the account data arrived, the status line %q does not say %q", statusLine(first.View), tc.wantAccountStatus)
	}
	// Hundreds of requests under the race detector outlast waitLimit; this
	// limit too only bounds a broken run.
	s.typeLead(tc.target)
	f, err := s.drv.SendAndWait(enter, settled, 3*waitLimit)
	if err != nil {
		t.Fatal(err)
	}
	if tc.tab > 0 {
		f, err = s.drv.SendAndWait(tabKey(tc.tab), func(f perf.Frame) bool { return strings.Contains(f.View, tc.wantTab) }, waitLimit)
		if err != nil {
			t.Fatalf("tab %d never showed %q: %v\n%s", tc.tab, tc.wantTab, err, f.View)
		}
	}
	peak := heap.stop()
	t.Logf("peak heap %d MiB, requests %v, status %q", peak, srv.RequestCounts(), statusLine(f.View))
	if !showsLead(f.View, tc.target) {
		t.Errorf("lead %d is not on screen:\n%s", tc.target, f.View)
	}
	status := statusLine(f.View)
	for _, want := range tc.wantStatus {
		if !strings.Contains(status, want) {
			t.Errorf("status line %q does not say %q", status, want)
		}
	}
	if peak > tc.maxHeapMiB {
		t.Errorf("peak heap %d MiB, want ≤ %d", peak, tc.maxHeapMiB)
	}
}

// heapSampler keeps the largest heap in use seen until stopped, in MiB
// above what was in use when it started: the sandbox shares the process,
// and its seeded account is not the browser's memory.
type heapSampler struct {
	done     chan struct{}
	over     chan struct{}
	stopOnce sync.Once
	base     uint64
	peak     atomic.Uint64
}

func sampleHeap() *heapSampler {
	runtime.GC()
	var start runtime.MemStats
	runtime.ReadMemStats(&start)
	h := &heapSampler{done: make(chan struct{}), over: make(chan struct{}), base: start.HeapInuse}
	go func() {
		defer close(h.over)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			h.peak.Store(max(h.peak.Load(), m.HeapInuse))
			select {
			case <-h.done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	return h
}

// stop may be called again (deferred, for a row that failed early).
func (h *heapSampler) stop() uint64 {
	h.stopOnce.Do(func() { close(h.done) })
	<-h.over
	return (max(h.peak.Load(), h.base) - h.base) >> 20
}
