package api_test

import (
	"context"
	"runtime"
	"testing"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
)

func benchClient(b *testing.B) *api.Client {
	b.Helper()
	srv, err := sandbox.Start(sandbox.Options{RateLimit: -1})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(srv.Close)
	c, err := api.New(api.Options{BaseURL: srv.URL(), Credentials: api.StaticToken(sandbox.Token), RatePerSecond: 1e6})
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// One page of 250 leads over loopback HTTP: request, read, decode, copy each Raw.
func BenchmarkListLeadsPage250(b *testing.B) {
	c := benchClient(b)
	q := api.LeadQuery{Limit: 250}
	if _, err := c.ListLeads(context.Background(), q, 1); err != nil { // the sandbox renders once
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.ListLeads(context.Background(), q, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// Client-side filtering of a page, as on an account that ignores filters.
func BenchmarkLocalFilterPage250(b *testing.B) {
	p, err := benchClient(b).ListLeads(context.Background(), api.LeadQuery{Limit: 250}, 1)
	if err != nil {
		b.Fatal(err)
	}
	q := api.LeadQuery{Text: "office", PipelineIDs: []int64{sandbox.PipelineSales}, Tags: []string{"vip", "cold"}}.LocalFilter(false)
	b.ReportAllocs()
	for b.Loop() {
		for i := range p.Leads {
			q.Matches(&p.Leads[i])
		}
	}
}

// Every seeded lead, page by page as a list scrolls: the pages it takes
// and the memory the loaded leads hold.
func BenchmarkAllLeadsLoaded(b *testing.B) {
	c := benchClient(b)
	for b.Loop() {
		var ms0, ms1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms0)
		var all []api.Lead
		pages := 0
		for page := 1; ; page++ {
			p, err := c.ListLeads(context.Background(), api.LeadQuery{Limit: 250}, page)
			if err != nil {
				b.Fatal(err)
			}
			pages++
			all = append(all, p.Leads...)
			if !p.HasNext {
				break
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&ms1)
		b.ReportMetric(float64(pages), "pages")
		b.ReportMetric(float64(len(all)), "leads")
		b.ReportMetric(float64(int64(ms1.HeapAlloc)-int64(ms0.HeapAlloc))/(1<<20), "MB-held")
		runtime.KeepAlive(all)
	}
}
