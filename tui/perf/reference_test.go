package perf_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
)

// reference answers what the seeded data holds, from a sandbox called in
// process (no socket, no goroutine), so tests can name what must appear on
// screen without counting those requests at the sandbox under test.
type reference struct {
	lead    *api.Lead
	related *api.Related
}

var (
	referenceOnce   sync.Once
	referenceClient *api.Client
	referenceMu     sync.Mutex
	referenceCache  = map[int64]reference{}
)

type handlerTransport struct{ h http.Handler }

func (t handlerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	t.h.ServeHTTP(rec, r)
	return rec.Result(), nil
}

func seeded(tb testing.TB, id int64) reference {
	tb.Helper()
	referenceOnce.Do(func() {
		h := sandbox.New(sandbox.Options{RateLimit: -1})
		c, err := api.New(api.Options{
			BaseURL:       "http://127.0.0.1:1",
			Credentials:   api.StaticToken(sandbox.Token),
			HTTPClient:    &http.Client{Transport: handlerTransport{h}},
			RatePerSecond: 1e6,
		})
		if err == nil {
			referenceClient = c
		}
	})
	if referenceClient == nil {
		tb.Fatal("reference client did not start")
	}
	referenceMu.Lock()
	defer referenceMu.Unlock()
	if r, ok := referenceCache[id]; ok {
		return r
	}
	ctx := context.Background()
	lead, err := referenceClient.GetLead(ctx, id)
	if err != nil {
		tb.Fatalf("reference lead %d: %v", id, err)
	}
	related := referenceClient.LoadRelated(ctx, lead)
	if len(related.Errs) > 0 {
		tb.Fatalf("reference lead %d related: %v", id, related.Errs)
	}
	r := reference{lead: lead, related: related}
	referenceCache[id] = r
	return r
}

// naiveRequests is what one request per entity would cost: the lead, then
// each contact, company and catalog element on its own.
func (r reference) naiveRequests() int {
	e := r.lead.Embedded
	return 1 + len(e.Contacts) + len(e.Companies) + len(e.CatalogElements)
}
