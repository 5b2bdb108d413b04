package vscroll

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// fakeItems renders item i as heights[i] lines "i.j" (a ">" in front when
// selected) and counts the renders.
type fakeItems struct {
	heights []int
	renders int
	widths  map[int]bool // widths rendered for
}

func newFakeItems(heights ...int) *fakeItems {
	return &fakeItems{heights: heights, widths: map[int]bool{}}
}

// uniform is n items of h lines each.
func uniform(n, h int) *fakeItems {
	heights := make([]int, n)
	for i := range heights {
		heights[i] = h
	}
	return newFakeItems(heights...)
}

func (f *fakeItems) render(i, width int, selected bool) []string {
	f.renders++
	f.widths[width] = true
	lines := make([]string, f.heights[i])
	for j := range lines {
		lines[j] = itemLine(i, j, selected)
	}
	return lines
}

func itemLine(i, j int, selected bool) string {
	s := strconv.Itoa(i) + "." + strconv.Itoa(j)
	if selected {
		s = ">" + s
	}
	return s
}

// newModel is a Model over f sized width x height.
func newModel(f *fakeItems, width, height int) *Model {
	m := New(f.render)
	m.SetSize(width, height)
	m.SetItems(len(f.heights), 1)
	return m
}

// firstLine is the screen's first line.
func firstLine(t *testing.T, m *Model) string {
	t.Helper()
	v := m.View()
	if len(v) == 0 {
		t.Fatal("empty view")
	}
	return v[0]
}

func wantView(t *testing.T, m *Model, want ...string) {
	t.Helper()
	got := m.View()
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("view:\n got %q\nwant %q", got, want)
	}
}

// checkFrame asserts what every frame promises: exactly height lines, none
// wider than the screen, none holding a line break.
func checkFrame(t testing.TB, m *Model) []string {
	t.Helper()
	v := m.View()
	if len(v) != m.Height() {
		t.Fatalf("view has %d lines, want %d", len(v), m.Height())
	}
	for _, l := range v {
		if w := ansi.StringWidth(l); w > m.Width() {
			t.Fatalf("line %q is %d columns wide, screen %d", l, w, m.Width())
		}
		if strings.ContainsAny(l, "\n\r") {
			t.Fatalf("line %q holds a line break", l)
		}
	}
	return v
}
