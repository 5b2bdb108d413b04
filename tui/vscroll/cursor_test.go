package vscroll

import (
	"strings"
	"testing"
)

func cursorModel(f *fakeItems, width, height int) *Model {
	m := newModel(f, width, height)
	m.SetCursorMode(true)
	return m
}

// selectedLines counts the lines drawn as selected.
func selectedLines(m *Model) int {
	n := 0
	for _, l := range m.View() {
		if strings.HasPrefix(l, ">") {
			n++
		}
	}
	return n
}

func TestCursorOffByDefault(t *testing.T) {
	m := newModel(uniform(10, 1), 20, 5)
	if m.Cursor() != -1 || m.CursorMode() || selectedLines(m) != 0 {
		t.Fatalf("cursor %d mode %v selected lines %d", m.Cursor(), m.CursorMode(), selectedLines(m))
	}
	m.CursorDown()
	m.SetCursor(4)
	if firstLine(t, m) != "0.0" {
		t.Fatal("cursor keys moved the view with the cursor off")
	}
}

func TestCursorIsDrawnSelected(t *testing.T) {
	m := cursorModel(uniform(10, 2), 20, 6)
	wantView(t, m, ">0.0", ">0.1", "1.0", "1.1", "2.0", "2.1")
	m.CursorDown()
	wantView(t, m, "0.0", "0.1", ">1.0", ">1.1", "2.0", "2.1")
	m.SetCursorMode(false)
	if selectedLines(m) != 0 || m.Cursor() != -1 {
		t.Fatal("the cursor is drawn after it was turned off")
	}
}

func TestCursorMovesAndStaysVisible(t *testing.T) {
	m := cursorModel(uniform(100, 1), 20, 5)
	for range 7 {
		m.CursorDown()
	}
	if m.Cursor() != 7 {
		t.Fatalf("cursor %d", m.Cursor())
	}
	wantView(t, m, "3.0", "4.0", "5.0", "6.0", ">7.0")
	for range 5 {
		m.CursorUp()
	}
	wantView(t, m, ">2.0", "3.0", "4.0", "5.0", "6.0")
}

func TestCursorAtTheEnds(t *testing.T) {
	m := cursorModel(uniform(5, 1), 20, 3)
	m.CursorUp()
	if m.Cursor() != 0 || !m.AtTop() {
		t.Fatalf("CursorUp at the first item: cursor %d", m.Cursor())
	}
	for range 10 {
		m.CursorDown()
	}
	if m.Cursor() != 4 || !m.AtBottom() {
		t.Fatalf("CursorDown past the last item: cursor %d", m.Cursor())
	}
	wantView(t, m, "2.0", "3.0", ">4.0")
}

func TestSetCursorScrollsTheItemIntoView(t *testing.T) {
	m := cursorModel(uniform(100, 3), 20, 9)
	m.SetCursor(50)
	wantView(t, m, "48.0", "48.1", "48.2", "49.0", "49.1", "49.2", ">50.0", ">50.1", ">50.2")
	m.SetCursor(10)
	if firstLine(t, m) != ">10.0" {
		t.Fatalf("first line %q", firstLine(t, m))
	}
	m.SetCursor(11) // already visible: the view stays
	if firstLine(t, m) != "10.0" {
		t.Fatalf("first line %q", firstLine(t, m))
	}
	m.SetCursor(1000)
	if m.Cursor() != 99 || m.View()[8] != ">99.2" {
		t.Fatalf("SetCursor past the end: cursor %d", m.Cursor())
	}
	m.SetCursor(-3)
	if m.Cursor() != 0 || !m.AtTop() {
		t.Fatalf("SetCursor before the start: cursor %d", m.Cursor())
	}
}

func TestCursorRevealsPartlyHiddenItem(t *testing.T) {
	m := cursorModel(newFakeItems(1, 1, 3, 1), 20, 4)
	m.CursorDown()
	m.CursorDown()
	wantView(t, m, "1.0", ">2.0", ">2.1", ">2.2")
}

func TestCursorReadsTallItemLineByLine(t *testing.T) {
	m := cursorModel(newFakeItems(1, 6, 1), 20, 3)
	m.CursorDown()
	wantView(t, m, ">1.0", ">1.1", ">1.2")
	for range 3 {
		m.CursorDown()
	}
	if m.Cursor() != 1 {
		t.Fatalf("the cursor left the tall item after %d of its lines", 3)
	}
	wantView(t, m, ">1.3", ">1.4", ">1.5")
	m.CursorDown()
	if m.Cursor() != 2 {
		t.Fatalf("cursor %d after the tall item's end", m.Cursor())
	}
	wantView(t, m, "1.4", "1.5", ">2.0")
}

func TestCursorUpOntoTallItemShowsItsEnd(t *testing.T) {
	m := cursorModel(newFakeItems(1, 6, 1), 20, 3)
	m.Bottom()
	m.CursorUp()
	if m.Cursor() != 1 {
		t.Fatalf("cursor %d", m.Cursor())
	}
	wantView(t, m, ">1.3", ">1.4", ">1.5")
	for range 3 {
		m.CursorUp()
	}
	wantView(t, m, ">1.0", ">1.1", ">1.2")
	m.CursorUp()
	if m.Cursor() != 0 {
		t.Fatalf("cursor %d after reading up the tall item", m.Cursor())
	}
}

func TestPagingCarriesTheCursor(t *testing.T) {
	m := cursorModel(uniform(25, 1), 20, 10)
	m.PageDown()
	if m.Cursor() != 10 || firstLine(t, m) != ">10.0" {
		t.Fatalf("after PageDown cursor %d first line %q", m.Cursor(), firstLine(t, m))
	}
	m.PageDown() // the view can only move five lines
	if m.Cursor() != 15 {
		t.Fatalf("after the second PageDown cursor %d", m.Cursor())
	}
	m.PageDown() // at the end: the cursor goes to the last item
	if m.Cursor() != 24 {
		t.Fatalf("PageDown at the end: cursor %d", m.Cursor())
	}
	m.PageUp()
	if m.Cursor() != 14 {
		t.Fatalf("after PageUp cursor %d", m.Cursor())
	}
	m.PageUp()
	m.PageUp()
	if m.Cursor() != 0 {
		t.Fatalf("PageUp at the start: cursor %d", m.Cursor())
	}
}

func TestTopAndBottomMoveTheCursor(t *testing.T) {
	m := cursorModel(uniform(25, 1), 20, 10)
	m.Bottom()
	if m.Cursor() != 24 {
		t.Fatalf("Bottom: cursor %d", m.Cursor())
	}
	m.Top()
	if m.Cursor() != 0 {
		t.Fatalf("Top: cursor %d", m.Cursor())
	}
}

func TestWheelKeepsTheCursorOnScreen(t *testing.T) {
	m := cursorModel(uniform(100, 1), 20, 5)
	m.Scroll(3)
	if m.Cursor() != 3 {
		t.Fatalf("cursor %d after the view scrolled past it", m.Cursor())
	}
	m.SetCursor(7)
	m.Scroll(-10)
	if m.Cursor() != 4 {
		t.Fatalf("cursor %d after the view scrolled up past it", m.Cursor())
	}
}

func TestCursorModeStartsOnScreen(t *testing.T) {
	m := newModel(uniform(100, 1), 20, 5)
	m.ScrollTo(40)
	m.SetCursorMode(true)
	if m.Cursor() != 40 {
		t.Fatalf("cursor %d", m.Cursor())
	}
}

func TestCursorFollowsShrinkingItems(t *testing.T) {
	f := uniform(100, 1)
	m := cursorModel(f, 20, 5)
	m.SetCursor(90)
	f.heights = f.heights[:10]
	m.SetItems(10, 2)
	if m.Cursor() != 9 {
		t.Fatalf("cursor %d after the items shrank to 10", m.Cursor())
	}
	checkFrame(t, m)
}
