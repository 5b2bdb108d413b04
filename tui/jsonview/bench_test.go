package jsonview

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/tui/vscroll"
)

// hostileLead is a lead body whose first `deep` custom field values are
// nested depth arrays deep, padded with ordinary fields to about size bytes:
// the bodies of issue 8 that froze the tab.
func hostileLead(deep, depth, size int) []byte {
	var b strings.Builder
	b.WriteString(`{"id":7,"name":"Hostile","price":0,"status_id":142,"pipeline_id":5,"custom_fields_values":[`)
	field := 0
	writeField := func(value string) {
		if field > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"field_id":%d,"field_name":"Field %d","field_code":null,"field_type":"text","values":[{"value":%s}]}`,
			field, field, value)
		field++
	}
	for range deep {
		writeField(deepValue(depth))
	}
	for b.Len() < size-200 {
		writeField(`"an ordinary value"`)
	}
	b.WriteString(`],"_embedded":{"tags":[],"contacts":[{"id":1,"is_main":true}]}}`)
	return []byte(b.String())
}

// manyValuesLead has one field with n values: the 7 MB lead of issue 8.
func manyValuesLead(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"id":7,"custom_fields_values":[{"field_id":1,"field_name":"Many","values":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"value":"v%d"}`, i)
	}
	b.WriteString(`]}]}`)
	return []byte(b.String())
}

// benchBuild builds raw each iteration. Besides ns/op it reports B/op, all
// a Build allocates (garbage included, so it bounds the peak heap above the
// body), and "doc-B", what the Doc holds afterwards.
func benchBuild(b *testing.B, raw []byte) {
	d := Build(raw, 7, Limits{})
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		Build(raw, 7, Limits{})
	}
	b.ReportMetric(float64(d.footprint()), "doc-B")
	b.ReportMetric(float64(d.Len()), "lines")
}

// footprint is the bytes a Doc's storage takes.
func (d *Doc) footprint() int {
	return cap(d.text) + 4*cap(d.starts) + 2*cap(d.depths)
}

func BenchmarkBuildDeepLead20KB(b *testing.B) {
	benchBuild(b, hostileLead(1, 8000, 20_000))
}

func BenchmarkBuildDeepLead8MiB(b *testing.B) {
	benchBuild(b, hostileLead(464, 8000, 8<<20))
}

func BenchmarkBuildManyValues7MB(b *testing.B) {
	benchBuild(b, manyValuesLead(450_000))
}

func BenchmarkBuildKommoLead(b *testing.B) {
	benchBuild(b, []byte(kommoLead))
}

// BenchmarkFrame draws a 120x40 JSON tab through vscroll with nothing
// cached: every line on screen coloured and wrapped anew.
func BenchmarkFrame(b *testing.B) {
	d := Build(hostileLead(464, 8000, 8<<20), 7, Limits{})
	p := colourPalette()
	m := vscroll.New(func(i, width int, _ bool) []string { return d.Render(i, width, p) })
	m.SetSize(120, 40)
	m.SetItems(d.Len(), 1)
	m.ScrollTo(d.Len() / 2)
	b.ReportAllocs()
	for b.Loop() {
		m.Invalidate()
		_ = m.View()
	}
}

// BenchmarkScrollFrame pages down the tab: the frame a key press costs.
func BenchmarkScrollFrame(b *testing.B) {
	d := Build(manyValuesLead(450_000), 7, Limits{})
	p := colourPalette()
	m := vscroll.New(func(i, width int, _ bool) []string { return d.Render(i, width, p) })
	m.SetSize(120, 40)
	m.SetItems(d.Len(), 1)
	b.ReportAllocs()
	for b.Loop() {
		m.PageDown()
		if m.AtBottom() {
			m.Top()
		}
		_ = m.View()
	}
}

// TestHostileLeadsStayBounded is issue 8's case as a test: the bodies that
// froze the tab build to a bounded Doc, allocating a bounded amount on the
// way (all Build allocates, garbage included, bounds its peak).
func TestHostileLeadsStayBounded(t *testing.T) {
	const maxAllocated = 16 << 20
	lim := DefaultLimits()
	for _, raw := range [][]byte{hostileLead(1, 8000, 20_000), hostileLead(464, 8000, 8<<20), manyValuesLead(450_000)} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		d := Build(raw, 7, Limits{})
		runtime.ReadMemStats(&after)
		if allocated := after.TotalAlloc - before.TotalAlloc; allocated > maxAllocated {
			t.Errorf("%d bytes: Build allocated %d bytes", len(raw), allocated)
		}
		if !d.JSON() || d.Len() > lim.MaxLines+1 || len(d.text) > lim.MaxBytes+lim.MaxLineBytes {
			t.Errorf("%d bytes: json %v, %d lines, %d bytes of text", len(raw), d.JSON(), d.Len(), len(d.text))
		}
	}
}
