package api_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
)

// hugeLeadBody fetches the sandbox's huge lead (520 fields, 250 contacts,
// 250 elements, 100 tags) once, as Kommo would send it.
func hugeLeadBody(b *testing.B) []byte {
	b.Helper()
	srv, err := sandbox.Start(sandbox.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	c, err := api.New(api.Options{BaseURL: srv.URL(), Credentials: api.StaticToken(sandbox.Token)})
	if err != nil {
		b.Fatal(err)
	}
	lead, err := c.GetLead(context.Background(), sandbox.LeadHuge)
	if err != nil {
		b.Fatal(err)
	}
	return lead.Raw
}

func BenchmarkDecodeHugeLead(b *testing.B) {
	body := hugeLeadBody(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var lead api.Lead
		if err := json.Unmarshal(body, &lead); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFormatHugeLeadFields(b *testing.B) {
	var lead api.Lead
	if err := json.Unmarshal(hugeLeadBody(b), &lead); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range lead.CustomFields {
			api.FormatField(f, time.UTC)
		}
	}
}

// BenchmarkGetLeadLoopback is one GetLead of the huge lead over loopback
// HTTP, limiter disabled in effect (a high rate), decode included.
func BenchmarkGetLeadLoopback(b *testing.B) {
	srv, err := sandbox.Start(sandbox.Options{RateLimit: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	c, err := api.New(api.Options{BaseURL: srv.URL(), Credentials: api.StaticToken(sandbox.Token), RatePerSecond: 1e9})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.GetLead(context.Background(), sandbox.LeadHuge); err != nil {
			b.Fatal(err)
		}
	}
}
