package vscroll

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// world is the items a property run scrolls over: up to len(heights) items
// whose first n are shown. Some lines are too wide or hold line breaks, some
// items render no lines, and when tallSelected is set the cursor's item gets
// a line more, to prove heights may change with the selection.
type world struct {
	heights      []int
	tallSelected bool
	version      uint64
	trace        []string // the operations so far, for a failure's message

	// The reference's items, fitted for one version and width.
	fitted    map[cacheKey][]string
	fittedFor [2]uint64
}

func (w *world) fatalf(t testing.TB, format string, args ...any) {
	t.Helper()
	t.Fatalf("after %s: "+format, append([]any{strings.Join(w.trace, " ")}, args...)...)
}

func (w *world) render(i, width int, selected bool) []string {
	h := w.heights[i]
	if selected && w.tallSelected {
		h++
	}
	lines := make([]string, h)
	for j := range lines {
		lines[j] = itemLine(i, j, selected) + "/" + strconv.FormatUint(w.version, 10)
		switch (i + j) % 7 {
		case 3:
			lines[j] += strings.Repeat("w", width+j) // too wide
		case 5:
			lines[j] += "\nbroken"
		}
	}
	return lines
}

// flatten is the reference: every line of the first n items, as the Model
// should draw them.
func (w *world) flatten(m *Model) (lines []string, starts []int) {
	if key := [2]uint64{w.version, uint64(m.Width())}; w.fitted == nil || key != w.fittedFor {
		w.fitted, w.fittedFor = map[cacheKey][]string{}, key
	}
	for i := range m.Len() {
		starts = append(starts, len(lines))
		k := cacheKey{item: i, selected: m.cursorMode && i == m.cursor}
		item, ok := w.fitted[k]
		if !ok {
			item = fit(w.render(i, max(1, m.Width()), k.selected), m.Width())
			w.fitted[k] = item
		}
		lines = append(lines, item...)
	}
	return lines, starts
}

// checkInvariants asserts what holds after every operation and returns the
// global line at the top of the screen.
func checkInvariants(t testing.TB, m *Model, w *world) (top int, starts []int, maxTop int) {
	t.Helper()
	view := checkFrame(t, m)
	lines, starts := w.flatten(m)
	// The top is on an existing line, even on a screen of no lines.
	maxTop = max(0, min(len(lines)-m.Height(), len(lines)-1))
	if m.Len() == 0 {
		return 0, starts, 0
	}
	if m.top < 0 || m.top >= m.Len() {
		w.fatalf(t, "top item %d of %d", m.top, m.Len())
	}
	h := len(fit(w.render(m.top, max(1, m.Width()), m.cursorMode && m.top == m.cursor), m.Width()))
	if m.offset < 0 || m.offset >= h {
		w.fatalf(t, "offset %d in an item of %d lines", m.offset, h)
	}
	top = starts[m.top] + m.offset
	if top > maxTop {
		w.fatalf(t, "scrolled to line %d past the last screen at %d", top, maxTop)
	}
	for row := range m.Height() {
		want := ""
		if top+row < len(lines) {
			want = lines[top+row]
		}
		if view[row] != want {
			w.fatalf(t, "row %d is %q, the reference %q", row, view[row], want)
		}
	}
	if m.CursorMode() && m.Height() > 0 {
		c := m.Cursor()
		if c < 0 || c >= m.Len() {
			w.fatalf(t, "cursor %d of %d items", c, m.Len())
		}
		first, last := m.Visible()
		if c < first || c > last {
			w.fatalf(t, "cursor %d off the screen showing %d–%d", c, first, last)
		}
	}
	return top, starts, maxTop
}

// runOps drives a Model through ops read from next, checking every step.
func runOps(t testing.TB, next func(n int) int, steps int) {
	w := &world{heights: make([]int, 1+next(300)), tallSelected: next(2) == 1, version: 1}
	regrow := func() {
		for i := range w.heights {
			w.heights[i] = next(13) // 0 draws one blank line
		}
	}
	regrow()
	// Tiny screens find the most trouble: items are taller than them.
	m := New(w.render)
	size := func() {
		if next(3) == 0 {
			m.SetSize(next(6), next(4))
			return
		}
		m.SetSize(next(40), next(30))
	}
	size()
	m.SetItems(next(len(w.heights)+1), w.version)
	for range steps {
		before, starts, maxTop := checkInvariants(t, m, w)
		heightsFixed := !m.CursorMode() || !w.tallSelected
		want := -1
		op := next(19)
		w.trace = append(w.trace, fmt.Sprintf("%d[top %d+%d size %dx%d n %d cur %d/%v tall %v h %v]", op, m.top, m.offset, m.Width(), m.Height(), m.Len(), m.cursor, m.cursorMode, w.tallSelected, w.heights[:min(m.Len(), 8)]))
		switch op {
		case 0:
			k := next(50)
			m.LineDown(k)
			want = min(before+k, maxTop)
		case 1:
			k := next(50)
			m.LineUp(k)
			want = max(before-k, 0)
		case 2:
			m.PageDown()
			want = min(before+m.Height(), maxTop)
		case 3:
			m.PageUp()
			want = max(before-m.Height(), 0)
		case 4:
			m.HalfPageDown()
			want = min(before+halfPage(m.Height()), maxTop)
		case 5:
			m.HalfPageUp()
			want = max(before-halfPage(m.Height()), 0)
		case 6:
			m.Top()
			want = 0
		case 7:
			m.Bottom()
		case 8:
			i := next(m.Len() + 2)
			m.ScrollTo(i)
			if i < len(starts) {
				want = min(starts[i], maxTop)
			}
		case 9:
			size()
		case 10:
			m.SetItems(next(len(w.heights)+1), w.version) // a page more or less
		case 11:
			w.version++
			regrow()
			m.SetItems(next(len(w.heights)+1), w.version)
		case 12:
			m.SetCursorMode(!m.CursorMode())
		case 13, 14:
			m.CursorDown()
		case 15:
			m.CursorUp()
		case 16:
			m.SetCursor(next(m.Len()+2) - 1)
		case 17:
			button := tea.MouseButtonWheelUp
			if next(2) == 1 {
				button = tea.MouseButtonWheelDown
			}
			m.HandleMouse(tea.MouseMsg{Button: button, Action: tea.MouseActionPress})
		case 18:
			m.Invalidate()
		}
		after, _, maxTop := checkInvariants(t, m, w)
		if want >= 0 && heightsFixed && after != want {
			w.fatalf(t, "screen top at line %d, want %d (before %d, size %dx%d, items %d, cursor %d %v tall %v)", after, want, before, m.Width(), m.Height(), m.Len(), m.Cursor(), m.CursorMode(), w.tallSelected)
		}
		if m.Len() > 0 && m.Height() > 0 && after != maxTop && m.AtBottom() {
			w.fatalf(t, "AtBottom at line %d, the last screen starts at %d", after, maxTop)
		}
	}
}

// halfPage is how far HalfPageDown scrolls: nothing on a screen of no lines.
func halfPage(height int) int {
	if height == 0 {
		return 0
	}
	return max(1, height/2)
}

func TestRandomOperationsKeepTheInvariants(t *testing.T) {
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 42))
		runOps(t, func(n int) int {
			if n <= 0 {
				return 0
			}
			return rng.IntN(n)
		}, 150)
	}
}

// FuzzOperations reads the run's shape and its operations from the input.
func FuzzOperations(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{200, 1, 30, 12, 50, 0, 9, 7, 3, 13, 13, 16, 80, 11, 9, 0})
	f.Add([]byte("scroll all the things up and down and around"))
	f.Fuzz(func(t *testing.T, data []byte) {
		runOps(t, func(n int) int {
			if n <= 0 || len(data) == 0 {
				return 0
			}
			v := int(data[0])
			data = data[1:]
			if n > 255 && len(data) > 0 {
				v = v<<8 | int(data[0])
				data = data[1:]
			}
			return v % n
		}, 60)
	})
}
