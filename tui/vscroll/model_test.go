package vscroll

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestEmptyModelDrawsBlankScreen(t *testing.T) {
	f := newFakeItems()
	m := newModel(f, 20, 3)
	wantView(t, m, "", "", "")
	for _, op := range []func(){m.PageDown, m.PageUp, m.Top, m.Bottom, m.CursorDown, m.HalfPageDown,
		func() { m.LineDown(5) }, func() { m.ScrollTo(3) }, func() { m.SetCursorMode(true) }} {
		op()
		wantView(t, m, "", "", "")
	}
	if m.Position() != "" || m.Cursor() != -1 || !m.AtTop() || !m.AtBottom() {
		t.Errorf("position %q cursor %d top %v bottom %v", m.Position(), m.Cursor(), m.AtTop(), m.AtBottom())
	}
	if f.renders != 0 {
		t.Errorf("rendered %d items of none", f.renders)
	}
}

func TestZeroHeightDrawsNothing(t *testing.T) {
	m := newModel(uniform(10, 1), 20, 0)
	m.PageDown()
	m.LineDown(3)
	if v := m.View(); len(v) != 0 {
		t.Fatalf("view %q on a zero-height screen", v)
	}
}

func TestLineDownAndUp(t *testing.T) {
	m := newModel(uniform(100, 1), 20, 5)
	m.LineDown(3)
	wantView(t, m, "3.0", "4.0", "5.0", "6.0", "7.0")
	m.LineUp(2)
	wantView(t, m, "1.0", "2.0", "3.0", "4.0", "5.0")
	m.LineUp(10)
	if !m.AtTop() {
		t.Fatalf("LineUp past the start: first line %q", firstLine(t, m))
	}
	m.LineDown(1000)
	wantView(t, m, "95.0", "96.0", "97.0", "98.0", "99.0")
}

func TestLinesCrossItemsOfManyLines(t *testing.T) {
	m := newModel(newFakeItems(2, 3, 1, 2), 20, 3)
	m.LineDown(1)
	wantView(t, m, "0.1", "1.0", "1.1")
	m.LineDown(2)
	wantView(t, m, "1.1", "1.2", "2.0")
	m.LineUp(2)
	wantView(t, m, "0.1", "1.0", "1.1")
	m.Scroll(3)
	wantView(t, m, "1.2", "2.0", "3.0")
	m.Scroll(-1)
	wantView(t, m, "1.1", "1.2", "2.0")
}

func TestPagesAndHalfPages(t *testing.T) {
	m := newModel(uniform(100, 1), 20, 10)
	m.PageDown()
	if got := firstLine(t, m); got != "10.0" {
		t.Fatalf("after PageDown first line %q", got)
	}
	m.HalfPageDown()
	if got := firstLine(t, m); got != "15.0" {
		t.Fatalf("after HalfPageDown first line %q", got)
	}
	m.HalfPageUp()
	m.PageUp()
	if !m.AtTop() {
		t.Fatalf("after paging back first line %q", firstLine(t, m))
	}
	for range 20 {
		m.PageDown()
	}
	if got := firstLine(t, m); got != "90.0" || !m.AtBottom() {
		t.Fatalf("paging past the end: first line %q", got)
	}
}

func TestTopAndBottom(t *testing.T) {
	m := newModel(newFakeItems(1, 1, 4, 1, 3), 20, 5)
	m.Bottom()
	wantView(t, m, "2.3", "3.0", "4.0", "4.1", "4.2")
	if !m.AtBottom() || m.AtTop() {
		t.Fatal("Bottom is not at the bottom")
	}
	m.Top()
	wantView(t, m, "0.0", "1.0", "2.0", "2.1", "2.2")
}

func TestBottomRendersOnlyTheLastScreen(t *testing.T) {
	f := uniform(450_000, 2)
	m := newModel(f, 120, 40)
	f.renders = 0
	m.Bottom()
	if f.renders > 40 {
		t.Fatalf("Bottom rendered %d items for a 40-line screen", f.renders)
	}
	if got := m.View()[39]; got != "449999.1" {
		t.Fatalf("last line %q", got)
	}
}

func TestScrollToClampsAtTheEnd(t *testing.T) {
	m := newModel(uniform(100, 1), 20, 10)
	m.ScrollTo(50)
	if got := firstLine(t, m); got != "50.0" {
		t.Fatalf("ScrollTo(50) first line %q", got)
	}
	m.ScrollTo(98)
	if got := firstLine(t, m); got != "90.0" {
		t.Fatalf("ScrollTo(98) first line %q, want the last screen", got)
	}
	m.ScrollTo(-4)
	if !m.AtTop() {
		t.Fatalf("ScrollTo(-4) first line %q", firstLine(t, m))
	}
}

func TestItemTallerThanScreenScrollsLineByLine(t *testing.T) {
	m := newModel(newFakeItems(1, 25, 1), 20, 10)
	m.LineDown(1)
	wantView(t, m, "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9")
	m.LineDown(1)
	if got := firstLine(t, m); got != "1.1" {
		t.Fatalf("first line %q", got)
	}
	m.Bottom()
	wantView(t, m, "1.16", "1.17", "1.18", "1.19", "1.20", "1.21", "1.22", "1.23", "1.24", "2.0")
	if got := m.Position(); got != "2–3 of 3" {
		t.Fatalf("position %q", got)
	}
}

func TestSingleItemTallerThanScreen(t *testing.T) {
	m := newModel(newFakeItems(30), 20, 10)
	m.PageDown()
	if got := firstLine(t, m); got != "0.10" {
		t.Fatalf("first line %q", got)
	}
	if got := m.Position(); got != "1 of 1" {
		t.Fatalf("position %q", got)
	}
	m.Bottom()
	if got := firstLine(t, m); got != "0.20" {
		t.Fatalf("first line at the bottom %q", got)
	}
}

func TestContentShorterThanScreenStaysAtTop(t *testing.T) {
	m := newModel(uniform(3, 1), 20, 10)
	m.LineDown(2)
	m.Bottom()
	m.PageDown()
	wantView(t, m, "0.0", "1.0", "2.0", "", "", "", "", "", "", "")
	if m.Position() != "" {
		t.Fatalf("position %q when everything fits", m.Position())
	}
}

func TestResize(t *testing.T) {
	f := uniform(100, 1)
	m := newModel(f, 20, 10)
	m.ScrollTo(40)
	m.SetSize(30, 5)
	if got := firstLine(t, m); got != "40.0" || !f.widths[30] {
		t.Fatalf("after resize first line %q, widths rendered %v", got, f.widths)
	}
	m.Bottom()
	m.SetSize(30, 20) // taller at the bottom: more of the end shows
	if got := firstLine(t, m); got != "80.0" {
		t.Fatalf("after growing at the bottom first line %q", got)
	}
	checkFrame(t, m)
}

func TestNarrowingRendersAgain(t *testing.T) {
	f := uniform(10, 1)
	m := newModel(f, 20, 5)
	m.View()
	before := f.renders
	m.SetSize(20, 5)
	m.View()
	if f.renders != before {
		t.Fatalf("the same size rendered %d items again", f.renders-before)
	}
	m.SetSize(10, 5)
	m.View()
	if f.renders == before {
		t.Fatal("a new width did not render again")
	}
}

func TestItemsGrowingWhileAtTheBottom(t *testing.T) {
	f := uniform(30, 1)
	m := newModel(f, 20, 10)
	f.heights = f.heights[:20]
	m.SetItems(20, 1)
	m.Bottom()
	if got := m.Position(); got != "11–20 of 20" {
		t.Fatalf("position %q", got)
	}
	f.heights = f.heights[:30]
	m.SetItems(30, 1) // another page arrived: the view stays
	if got := firstLine(t, m); got != "10.0" || m.AtBottom() {
		t.Fatalf("after a page arrived first line %q, at bottom %v", got, m.AtBottom())
	}
	if got := m.Position(); got != "11–20 of 30" {
		t.Fatalf("position %q", got)
	}
	m.PageDown()
	if got := m.View()[9]; got != "29.0" {
		t.Fatalf("the new items are not reachable: last line %q", got)
	}
}

func TestItemsShrinkingClampsTheView(t *testing.T) {
	f := uniform(100, 1)
	m := newModel(f, 20, 10)
	m.ScrollTo(80)
	m.SetItems(15, 2)
	if got := firstLine(t, m); got != "5.0" {
		t.Fatalf("first line %q", got)
	}
	checkFrame(t, m)
}

func TestCacheKeepsRendersUntilInvalidated(t *testing.T) {
	f := uniform(100, 1)
	m := newModel(f, 20, 10)
	m.View()
	before := f.renders
	m.View()
	m.SetItems(100, 1)
	m.View()
	if f.renders != before {
		t.Fatalf("redrawing the same screen rendered %d items", f.renders-before)
	}
	m.SetItems(100, 2)
	m.View()
	if f.renders != before+10 {
		t.Fatalf("a new version rendered %d items, want 10", f.renders-before)
	}
	m.Invalidate()
	m.View()
	if f.renders != before+20 {
		t.Fatalf("Invalidate rendered %d items, want 10", f.renders-before-10)
	}
}

func TestCacheStaysBounded(t *testing.T) {
	m := newModel(uniform(10_000, 1), 20, 10)
	for range 1000 {
		m.PageDown()
		m.View()
	}
	if n := m.cache.len(); n > cacheCapacity(10) {
		t.Fatalf("cache holds %d items, capacity %d", n, cacheCapacity(10))
	}
}

func TestFitGuardsTheScreen(t *testing.T) {
	m := New(func(i, width int, _ bool) []string {
		switch i {
		case 0:
			return []string{strings.Repeat("x", 50)}
		case 1:
			return []string{"one\ntwo"}
		default:
			return nil
		}
	})
	m.SetSize(10, 5)
	m.SetItems(3, 1)
	wantView(t, m, "xxxxxxxxx…", "one", "two", "", "")
	checkFrame(t, m)
	m.SetSize(0, 2)
	wantView(t, m, "", "")
}

func TestNilRendererDrawsBlankItems(t *testing.T) {
	m := New(nil)
	m.SetSize(10, 3)
	m.SetItems(5, 1)
	m.PageDown()
	wantView(t, m, "", "", "")
}

func TestPosition(t *testing.T) {
	m := newModel(uniform(450_000, 1), 20, 19)
	m.ScrollTo(11)
	if got := m.Position(); got != "12–30 of 450000" {
		t.Fatalf("position %q", got)
	}
	m.SetCursorMode(true)
	m.CursorDown()
	if got := m.Position(); got != "13 of 450000" {
		t.Fatalf("cursor position %q", got)
	}
}

func TestItemAt(t *testing.T) {
	m := newModel(newFakeItems(2, 1, 3), 20, 4)
	m.LineDown(1)
	want := []int{0, 1, 2, 2}
	for row, w := range want {
		if got, ok := m.ItemAt(row); !ok || got != w {
			t.Errorf("ItemAt(%d) = %d, %v; want %d", row, got, ok, w)
		}
	}
	if _, ok := m.ItemAt(4); ok {
		t.Error("ItemAt below the screen")
	}
	if _, ok := m.ItemAt(-1); ok {
		t.Error("ItemAt above the screen")
	}
	short := newModel(uniform(2, 1), 20, 4)
	if _, ok := short.ItemAt(3); ok {
		t.Error("ItemAt below the last item")
	}
}

func TestVisible(t *testing.T) {
	m := newModel(newFakeItems(2, 1, 3, 5), 20, 4)
	m.LineDown(1)
	if first, last := m.Visible(); first != 0 || last != 2 {
		t.Fatalf("Visible = %d, %d", first, last)
	}
}

func TestMouseWheel(t *testing.T) {
	m := newModel(uniform(100, 1), 20, 10)
	down := tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress}
	up := tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress}
	if !m.HandleMouse(down) || firstLine(t, m) != "3.0" {
		t.Fatalf("wheel down: first line %q", firstLine(t, m))
	}
	m.WheelLines = 1
	if !m.HandleMouse(up) || firstLine(t, m) != "2.0" {
		t.Fatalf("wheel up: first line %q", firstLine(t, m))
	}
	click := tea.MouseMsg{Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}
	release := tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionRelease}
	if m.HandleMouse(click) || m.HandleMouse(release) || firstLine(t, m) != "2.0" {
		t.Fatal("a click or a release scrolled")
	}
}
