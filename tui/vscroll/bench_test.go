package vscroll

import (
	"runtime"
	"strconv"
	"testing"
)

// styledItems renders item i as 1-3 coloured lines, the shape of a field
// list: a label and a value, continuation lines indented.
func styledItems(i, width int, selected bool) []string {
	const pre, post = "\x1b[38;2;120;200;255m", "\x1b[0m"
	n := 1 + i%3
	lines := make([]string, n)
	label := "field " + strconv.Itoa(i)
	if selected {
		label = "▸ " + label
	}
	lines[0] = pre + label + post + "  value of the field"
	for j := 1; j < n; j++ {
		lines[j] = "            continued line " + strconv.Itoa(j)
	}
	return lines
}

const benchItems = 450_000

func benchModel(b *testing.B) *Model {
	b.Helper()
	m := New(styledItems)
	m.SetSize(120, 40)
	m.SetItems(benchItems, 1)
	m.ScrollTo(benchItems / 2)
	return m
}

// BenchmarkView is one frame of an unchanged screen: what every spinner
// tick or keystroke elsewhere costs.
func BenchmarkView(b *testing.B) {
	m := benchModel(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkLineDownView scrolls a line and draws the frame: one new item
// rendered now and then.
func BenchmarkLineDownView(b *testing.B) {
	m := benchModel(b)
	b.ReportAllocs()
	for b.Loop() {
		m.LineDown(1)
		_ = m.View()
	}
}

// BenchmarkPageDownView draws a whole new screen each frame: every item on
// it is rendered anew.
func BenchmarkPageDownView(b *testing.B) {
	m := benchModel(b)
	b.ReportAllocs()
	for b.Loop() {
		m.PageDown()
		if m.AtBottom() {
			m.Top()
		}
		_ = m.View()
	}
}

// BenchmarkColdBottomView jumps to the end with nothing cached: the walk
// back from the last item and the frame.
func BenchmarkColdBottomView(b *testing.B) {
	m := benchModel(b)
	b.ReportAllocs()
	for b.Loop() {
		m.Invalidate()
		m.Bottom()
		_ = m.View()
	}
}

// BenchmarkCursorDownView moves the cursor and draws the frame.
func BenchmarkCursorDownView(b *testing.B) {
	m := benchModel(b)
	m.SetCursorMode(true)
	b.ReportAllocs()
	for b.Loop() {
		m.CursorDown()
		_ = m.View()
	}
}

// BenchmarkHeap reports the heap a Model over 450,000 items holds after
// jumping around it: the cache of a few screens, nothing per item.
func BenchmarkHeap(b *testing.B) {
	var held uint64
	for b.Loop() {
		before := heapInUse()
		m := benchModel(b)
		m.Bottom()
		m.View()
		m.Top()
		m.View()
		m.SetCursorMode(true)
		m.SetCursor(benchItems / 3)
		m.View()
		held = heapInUse() - min(before, heapInUse())
		runtime.KeepAlive(m)
	}
	b.ReportMetric(float64(held), "heap-B")
}

func heapInUse() uint64 {
	runtime.GC()
	var s runtime.MemStats
	runtime.ReadMemStats(&s)
	return s.HeapAlloc
}

// TestMemoryDoesNotFollowItemCount proves the Model holds nothing per item:
// the same journey over a thousand times more items allocates no more.
func TestMemoryDoesNotFollowItemCount(t *testing.T) {
	journey := func(n int) func() {
		return func() {
			m := New(styledItems)
			m.SetSize(120, 40)
			m.SetItems(n, 1)
			m.Bottom()
			m.View()
			m.ScrollTo(n / 2)
			m.View()
			m.SetCursorMode(true)
			m.CursorDown()
			m.View()
		}
	}
	small := testing.AllocsPerRun(3, journey(450))
	large := testing.AllocsPerRun(3, journey(benchItems))
	if large > small+2 {
		t.Fatalf("450,000 items cost %v allocations, 450 items %v", large, small)
	}
}
