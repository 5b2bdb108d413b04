package vscroll

// SetCursorMode turns the cursor on or off. Turned on, the cursor starts on
// the first item on screen.
func (m *Model) SetCursorMode(on bool) {
	if on == m.cursorMode {
		return
	}
	m.cursorMode = on
	if on {
		m.cursor = m.top
	}
	// The selected item may be drawn at another height.
	m.settle()
	m.followView()
}

// CursorMode reports whether the cursor is on.
func (m *Model) CursorMode() bool { return m.cursorMode }

// Cursor returns the selected item, or -1 when the cursor is off or there
// are no items.
func (m *Model) Cursor() int {
	if !m.cursorMode || m.items == 0 {
		return -1
	}
	return m.cursor
}

// SetCursor selects item (clamped to the items) and scrolls until its
// first line is on screen, all of it when it fits.
func (m *Model) SetCursor(item int) {
	if !m.cursorMode || m.items == 0 {
		return
	}
	m.setCursor(min(max(item, 0), m.items-1), false)
}

// CursorDown selects the next item. When the selected item runs past the
// foot of the screen it scrolls one line instead, so a tall item is read
// to its end before the cursor leaves it.
func (m *Model) CursorDown() {
	if !m.cursorMode || m.items == 0 {
		return
	}
	if row, ok := m.rowOf(m.cursor); ok && row+m.itemHeight(m.cursor) > m.height {
		m.lineDown(1)
		m.settle()
		return
	}
	if m.cursor < m.items-1 {
		m.setCursor(m.cursor+1, false)
	}
}

// CursorUp selects the previous item. When the selected item starts above
// the screen it scrolls one line instead.
func (m *Model) CursorUp() {
	if !m.cursorMode || m.items == 0 {
		return
	}
	if m.cursor == m.top && m.offset > 0 {
		m.lineUp(1)
		m.settle()
		return
	}
	if m.cursor > 0 {
		m.setCursor(m.cursor-1, true)
	}
}

// setCursor selects item and scrolls it into view. An item taller than the
// screen shows its first lines, or its last when the cursor came from below.
func (m *Model) setCursor(item int, fromBelow bool) {
	m.cursor = item
	m.settle() // the items that were and are selected may have new heights
	h := m.itemHeight(item)
	row, onScreen := m.rowOf(item)
	switch {
	case onScreen && row >= 0 && row+h <= m.height:
		// Wholly visible already.
	case onScreen && row <= 0 && row+h >= m.height:
		// Taller than the screen and filling it: the user is reading it.
	case h > m.height && fromBelow:
		m.top, m.offset = item, h-m.height
	case h > m.height || !onScreen && item < m.top || onScreen && row < 0:
		m.top, m.offset = item, 0
	default:
		m.showEndOf(item)
	}
	m.settle()
}

// showEndOf scrolls so that item's last line is the screen's last.
func (m *Model) showEndOf(item int) {
	need := m.height
	for i := item; i >= 0; i-- {
		h := m.itemHeight(i)
		if h >= need {
			m.top, m.offset = i, h-need
			return
		}
		need -= h
	}
	m.top, m.offset = 0, 0
}

// rowOf returns the screen line of item's first line, negative when it
// starts above the screen; ok is false when no line of it is on screen.
func (m *Model) rowOf(item int) (row int, ok bool) {
	if item < m.top || m.height == 0 {
		return 0, false
	}
	row = -m.offset
	for i := m.top; i < item; i++ {
		row += m.itemHeight(i)
		if row >= m.height {
			return 0, false
		}
	}
	return row, true
}

// followView keeps the cursor on screen after the view moved on its own,
// without moving the view again: a cursor left above goes to the first item
// wholly on screen, one left below to the last, or to a partly visible item
// when none is whole.
func (m *Model) followView() {
	if !m.cursorMode || m.items == 0 || m.height == 0 {
		return
	}
	if _, ok := m.rowOf(m.cursor); ok {
		return
	}
	first, last := m.Visible()
	if m.cursor < first {
		m.cursor = m.firstWhole(first, last)
	} else {
		m.cursor = m.lastWhole(first, last)
	}
	// The selected item may be drawn taller than before.
	m.settle()
	if _, ok := m.rowOf(m.cursor); !ok {
		m.setCursor(m.cursor, false)
	}
}

// firstWhole returns the first item in first..last wholly on screen, or
// first when none is.
func (m *Model) firstWhole(first, last int) int {
	for i := first; i <= last; i++ {
		if m.whollyVisible(i) {
			return i
		}
	}
	return first
}

// lastWhole returns the last item in first..last wholly on screen, or last
// when none is.
func (m *Model) lastWhole(first, last int) int {
	for i := last; i >= first; i-- {
		if m.whollyVisible(i) {
			return i
		}
	}
	return last
}

func (m *Model) whollyVisible(item int) bool {
	row, ok := m.rowOf(item)
	return ok && row >= 0 && row+m.itemHeight(item) <= m.height
}
