package api_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
)

// The fault matrix of hostile data at the API level: well-formed answers
// that are too much. Each row asserts what arrived, what the Cut says, how
// many requests were made, and that the heap stayed bounded while the
// data streamed in (sampled) and after (retained by the result).

// heapWatch samples the heap in use until stopped and keeps the peak.
type heapWatch struct {
	stop chan struct{}
	done chan struct{}
	base uint64 // in use when watching began: the sandbox's seeded account
	peak atomic.Uint64
}

func watchHeap() *heapWatch {
	runtime.GC()
	var start runtime.MemStats
	runtime.ReadMemStats(&start)
	w := &heapWatch{stop: make(chan struct{}), done: make(chan struct{}), base: start.HeapInuse}
	go func() {
		defer close(w.done)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > w.peak.Load() {
				w.peak.Store(m.HeapInuse)
			}
			select {
			case <-w.stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	return w
}

// Stop returns the peak heap in use above what was in use at the start, in MiB.
func (w *heapWatch) Stop() uint64 {
	close(w.stop)
	<-w.done
	return (max(w.peak.Load(), w.base) - w.base) >> 20
}

// retainedMiB is the heap still reachable after a full collection, in MiB.
func retainedMiB() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 20
}

// hostileSandbox runs the sandbox without its rate limit and a client
// without its own, so rows take seconds, not the minutes Kommo's 7
// requests per second would.
func hostileSandbox(t *testing.T, f sandbox.Faults) (*sandbox.Server, *api.Client, *inFlight) {
	t.Helper()
	srv := startSandbox(t, sandbox.Options{RateLimit: -1})
	srv.SetFaults(f)
	counter := &inFlight{next: http.DefaultTransport}
	c := newClient(t, srv.URL(), func(o *api.Options) {
		o.Credentials = api.StaticToken(sandbox.Token)
		o.RatePerSecond = 1000
		o.HTTPClient = &http.Client{Transport: counter}
	})
	t.Cleanup(func() { http.DefaultTransport.(*http.Transport).CloseIdleConnections() })
	return srv, c, counter
}

// inFlight counts concurrent requests for catalog elements.
type inFlight struct {
	next      http.RoundTripper
	now, peak atomic.Int32
}

func (f *inFlight) RoundTrip(r *http.Request) (*http.Response, error) {
	if !strings.HasSuffix(r.URL.Path, "/elements") {
		return f.next.RoundTrip(r)
	}
	n := f.now.Add(1)
	for p := f.peak.Load(); n > p && !f.peak.CompareAndSwap(p, n); p = f.peak.Load() {
	}
	resp, err := f.next.RoundTrip(r)
	if err != nil {
		f.now.Add(-1)
		return nil, err
	}
	// The request is in flight until its body is closed.
	resp.Body = &closeHook{ReadCloser: resp.Body, hook: func() { f.now.Add(-1) }}
	return resp, nil
}

type closeHook struct {
	io.ReadCloser
	once sync.Once
	hook func()
}

func (c *closeHook) Close() error {
	c.once.Do(c.hook)
	return c.ReadCloser.Close()
}

func TestHostileStartUpListsStayBounded(t *testing.T) {
	srv, c, _ := hostileSandbox(t, sandbox.Faults{Fault: sandbox.FaultEndlessPages})
	before := retainedMiB()
	watch := watchHeap()
	dir, err := c.LoadDirectory(context.Background())
	peak := watch.Stop()
	if err != nil {
		t.Fatalf("LoadDirectory: %v", err)
	}
	kept := retainedMiB() - min(before, retainedMiB())
	t.Logf("40 × 8 MiB pages per list: peak heap %d MiB, retained %d MiB, %d users, %d lists, %d pipelines, requests %v",
		peak, kept, len(dir.Users), len(dir.Catalogs), len(dir.Pipelines), srv.RequestCounts())
	if len(dir.Cuts) != 3 {
		t.Fatalf("cuts %v, want one per list", dir.Cuts)
	}
	for i, what := range []string{"lists", "pipelines", "users"} {
		cut := dir.Cuts[i]
		if cut.What != what || cut.Bound != "32 MiB" || cut.Kept == 0 || !errors.Is(cut, api.ErrTruncated) {
			t.Errorf("cut %d: %+v", i, cut)
		}
	}
	if want := "users: the first "; !strings.HasPrefix(dir.Cuts[2].Note(""), want) {
		t.Errorf("note %q", dir.Cuts[2].Note(""))
	}
	if dir.UsersErr != nil || dir.CatalogsErr != nil || len(dir.Users) == 0 || len(dir.Pipelines) == 0 {
		t.Errorf("a cut list must keep what arrived: users %d (%v), lists %d (%v)", len(dir.Users), dir.UsersErr, len(dir.Catalogs), dir.CatalogsErr)
	}
	for _, ep := range []string{sandbox.EndpointUsers, sandbox.EndpointCatalogs, sandbox.EndpointPipelines} {
		if n := srv.Requests(ep); n > 5 {
			t.Errorf("%s: %d requests for 32 MiB of 8 MiB pages", ep, n)
		}
	}
	if peak > 100 || kept > 16 {
		t.Errorf("peak heap %d MiB (want ≤ 100), retained %d MiB (want ≤ 16)", peak, kept)
	}
	runtime.KeepAlive(dir)
}

func TestHostileManyCatalogsStayBounded(t *testing.T) {
	srv, c, flight := hostileSandbox(t, sandbox.Faults{Fault: sandbox.FaultManyCatalogs})
	ctx := context.Background()
	lead, err := c.GetLead(ctx, sandbox.LeadBasic)
	if err != nil {
		t.Fatal(err)
	}
	watch := watchHeap()
	rel := c.LoadRelated(ctx, lead)
	peak := watch.Stop()
	t.Logf("100 lists paging 8 MiB forever: peak heap %d MiB, %d list requests, %d at once, cuts %q",
		peak, srv.Requests(sandbox.EndpointCatalogElements), flight.peak.Load(), rel.Cuts)
	if len(rel.Errs) != 0 || len(rel.Contacts) == 0 {
		t.Errorf("contacts %d, errors %v: the lead's other links must still resolve", len(rel.Contacts), rel.Errs)
	}
	if n := srv.Requests(sandbox.EndpointCatalogElements); n > api.LookupMaxPages {
		t.Errorf("%d requests for list elements, want ≤ %d", n, api.LookupMaxPages)
	}
	if p := flight.peak.Load(); p > api.CatalogConcurrency {
		t.Errorf("%d lists fetched at once, want ≤ %d", p, api.CatalogConcurrency)
	}
	if len(rel.Cuts) < 2 {
		t.Fatalf("cuts %q: want the lists that were cut and the lists left out", rel.Cuts)
	}
	first, last := rel.Cuts[0], rel.Cuts[len(rel.Cuts)-1]
	if first.CatalogID == 0 || first.Asked != 1 || first.Kept != 0 {
		t.Errorf("first cut %+v", first)
	}
	if want := `list "Products": 0 of 1 elements shown, the rest exceeded the`; !strings.HasPrefix(first.Note("Products"), want) {
		t.Errorf("note %q, want it to start %q", first.Note("Products"), want)
	}
	leftOut := 100 - (len(rel.Cuts) - 1)
	if last.What != "lists" || last.Asked != leftOut || !strings.Contains(last.Note(""), "lists not loaded, the lookup reached its") {
		t.Errorf("last cut %+v (%q), want %d lists left out", last, last.Note(""), leftOut)
	}
	if peak > 100 {
		t.Errorf("peak heap %d MiB, want ≤ 100", peak)
	}
}

// The lead browser asks for each list on its own: the Client's list
// concurrency bounds that path even without a shared budget, and a shared
// budget bounds its requests as LoadRelated's does.
func TestHostileListsOneCallEachStayBounded(t *testing.T) {
	for _, shared := range []bool{false, true} {
		t.Run(map[bool]string{false: "per-call bounds", true: "shared budget"}[shared], func(t *testing.T) {
			srv, c, flight := hostileSandbox(t, sandbox.Faults{Fault: sandbox.FaultManyCatalogs, PageBytes: 256 << 10})
			ctx := context.Background()
			lead, err := c.GetLead(ctx, sandbox.LeadBasic)
			if err != nil {
				t.Fatal(err)
			}
			if shared {
				c = c.WithBudget(api.NewBudget(api.LookupMaxBytes, api.LookupMaxPages))
			}
			watch := watchHeap()
			var wg sync.WaitGroup
			errs := make([]error, len(lead.Embedded.CatalogElements))
			for i, ref := range lead.Embedded.CatalogElements {
				wg.Go(func() { _, errs[i] = c.CatalogElements(ctx, ref.Metadata.CatalogID, []int64{ref.ID}) })
			}
			wg.Wait()
			peak := watch.Stop()
			requests := srv.Requests(sandbox.EndpointCatalogElements)
			t.Logf("peak heap %d MiB, %d requests, %d at once", peak, requests, flight.peak.Load())
			for i, err := range errs {
				var cut *api.Cut
				if !errors.As(err, &cut) || cut.CatalogID != lead.Embedded.CatalogElements[i].Metadata.CatalogID {
					t.Fatalf("list %d: %v, want a cut", i, err)
				}
			}
			wantRequests := 100 * 8 // 8 pages per batch
			if shared {
				wantRequests = api.LookupMaxPages
			}
			if requests > wantRequests {
				t.Errorf("%d requests, want ≤ %d", requests, wantRequests)
			}
			if p := flight.peak.Load(); p > api.CatalogConcurrency {
				t.Errorf("%d lists fetched at once, want ≤ %d", p, api.CatalogConcurrency)
			}
			if peak > 64 {
				t.Errorf("peak heap %d MiB, want ≤ 64", peak)
			}
		})
	}
}

func TestHostileEndlessContactsStayBounded(t *testing.T) {
	srv, c, _ := hostileSandbox(t, sandbox.Faults{Fault: sandbox.FaultEndlessPages, Endpoint: sandbox.EndpointContacts})
	ctx := context.Background()
	lead, err := c.GetLead(ctx, sandbox.LeadManyLinks)
	if err != nil {
		t.Fatal(err)
	}
	watch := watchHeap()
	rel := c.LoadRelated(ctx, lead)
	peak := watch.Stop()
	if n := srv.Requests(sandbox.EndpointContacts); n > 8 {
		t.Errorf("%d contact requests, want ≤ 8 (one batch)", n)
	}
	if len(rel.Cuts) != 1 || rel.Cuts[0].What != "contacts" || len(rel.Errs) != 0 || len(rel.Companies) == 0 {
		t.Errorf("cuts %q, errors %v, companies %d", rel.Cuts, rel.Errs, len(rel.Companies))
	}
	if peak > 64 {
		t.Errorf("peak heap %d MiB, want ≤ 64", peak)
	}
}
