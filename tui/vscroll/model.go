package vscroll

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// RenderFunc returns the lines of item drawn for a screen width columns
// wide, styled and ready to print; selected is true for the cursor's item in
// cursor mode. The Model keeps the slice it is given until the item is
// invalidated, so the renderer must not change it afterwards. A line wider
// than width is cut with "…" and a line holding "\n" is split, so a renderer's
// miscount cannot break the frame; no lines counts as one blank line.
type RenderFunc func(item, width int, selected bool) []string

// DefaultWheelLines is how far one notch of the mouse wheel scrolls, as in
// bubbles' viewport.
const DefaultWheelLines = 3

// Model is a scrolled view over items. The zero value is not usable: call
// New.
type Model struct {
	render  RenderFunc
	items   int
	version uint64

	width, height int

	// The screen's first line is line offset of item top.
	top, offset int

	cursorMode bool
	cursor     int

	// WheelLines is how many lines one wheel notch scrolls.
	WheelLines int

	cache cache
}

// New returns an empty Model that draws items with render. Give it a size
// and a number of items before drawing.
func New(render RenderFunc) *Model {
	m := &Model{render: render, WheelLines: DefaultWheelLines}
	m.cache.reset(cacheCapacity(0))
	return m
}

// SetItems sets the number of items. A version different from the last one
// means the items themselves changed and drops every cached rendering; the
// same version with a larger n means items were appended (another page
// arrived) and keeps them. The view keeps its item and line where it can.
func (m *Model) SetItems(n int, version uint64) {
	if version != m.version {
		m.version = version
		m.Invalidate()
	}
	m.items = max(0, n)
	m.settle()
	m.followView()
}

// Invalidate drops every cached rendering, for when items changed in place
// (a name arrived, a theme changed).
func (m *Model) Invalidate() {
	m.cache.reset(cacheCapacity(m.height))
}

// SetSize sets the screen's size in columns and lines. A new width renders
// items anew; the first item on screen stays first.
func (m *Model) SetSize(width, height int) {
	width, height = max(0, width), max(0, height)
	if width != m.width || height != m.height {
		m.width, m.height = width, height
		m.Invalidate()
	}
	m.settle()
	m.followView()
}

// Len is the number of items.
func (m *Model) Len() int { return m.items }

// Width is the screen's width in columns.
func (m *Model) Width() int { return m.width }

// Height is the screen's height in lines.
func (m *Model) Height() int { return m.height }

// View returns the screen: exactly Height lines, each at most Width columns,
// blank lines below the last item.
func (m *Model) View() []string {
	out := make([]string, 0, m.height)
	skip := m.offset
	for i := m.top; i < m.items && len(out) < m.height; i++ {
		lines := m.lines(i)
		end := min(len(lines), skip+m.height-len(out))
		out = append(out, lines[skip:end]...)
		skip = 0
	}
	for len(out) < m.height {
		out = append(out, "")
	}
	return out
}

// String is View joined by newlines, for a Bubble Tea View.
func (m *Model) String() string {
	return strings.Join(m.View(), "\n")
}

// ItemAt returns the item drawn on screen line row (from 0), for mouse
// clicks; ok is false below the last item or off the screen.
func (m *Model) ItemAt(row int) (item int, ok bool) {
	if row < 0 || row >= m.height {
		return 0, false
	}
	line := row + m.offset
	for i := m.top; i < m.items; i++ {
		h := m.itemHeight(i)
		if line < h {
			return i, true
		}
		line -= h
	}
	return 0, false
}

// lines returns item i's lines, from the cache when it has them.
func (m *Model) lines(i int) []string {
	k := cacheKey{item: i, selected: m.cursorMode && i == m.cursor}
	if lines, ok := m.cache.get(k); ok {
		return lines
	}
	var lines []string
	if m.render != nil {
		lines = m.render(i, max(1, m.width), k.selected)
	}
	lines = fit(lines, m.width)
	m.cache.put(k, lines)
	return lines
}

func (m *Model) itemHeight(i int) int { return len(m.lines(i)) }

// blankItem stands for an item drawn as no lines: it still takes a line so
// it can be seen and selected.
var blankItem = []string{""}

// fit makes lines safe to place on the screen: one line each, no wider than
// width. Lines that are already fine, the usual case, are not copied.
func fit(lines []string, width int) []string {
	if len(lines) == 0 {
		return blankItem
	}
	if !needsFitting(lines, width) {
		return lines
	}
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		for part := range strings.SplitSeq(l, "\n") {
			out = append(out, truncate(part, width))
		}
	}
	return out
}

func needsFitting(lines []string, width int) bool {
	for _, l := range lines {
		if strings.IndexByte(l, '\n') >= 0 || tooWide(l, width) {
			return true
		}
	}
	return false
}

// tooWide measures only lines with more bytes than columns: a line has at
// least as many bytes as columns.
func tooWide(l string, width int) bool {
	return len(l) > width && ansi.StringWidth(l) > width
}

func truncate(l string, width int) string {
	if !tooWide(l, width) {
		return l
	}
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(l, width, "…")
}
