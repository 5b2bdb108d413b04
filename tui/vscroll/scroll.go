package vscroll

// LineDown scrolls the view n lines down, stopping at the end. It walks the
// items it passes, so its cost follows n: use Bottom to go to the end.
func (m *Model) LineDown(n int) {
	m.lineDown(n)
	m.settle()
	m.followView()
}

// LineUp scrolls the view n lines up, stopping at the start.
func (m *Model) LineUp(n int) {
	m.lineUp(n)
	m.settle()
	m.followView()
}

// Scroll scrolls n lines down, or up when n is negative.
func (m *Model) Scroll(n int) {
	if n < 0 {
		m.LineUp(-n)
		return
	}
	m.LineDown(n)
}

// PageDown and PageUp scroll by a screen. In cursor mode, paging at the end
// where the view cannot move takes the cursor to the last (first) item.
func (m *Model) PageDown() { m.pageBy(m.height) }
func (m *Model) PageUp()   { m.pageBy(-m.height) }

// HalfPageDown and HalfPageUp scroll by half a screen.
func (m *Model) HalfPageDown() { m.pageBy(max(1, m.height/2)) }
func (m *Model) HalfPageUp()   { m.pageBy(-max(1, m.height/2)) }

func (m *Model) pageBy(n int) {
	if m.height == 0 {
		return
	}
	top, offset := m.top, m.offset
	m.Scroll(n)
	if !m.cursorMode || m.items == 0 || top != m.top || offset != m.offset {
		return
	}
	if n > 0 {
		m.setCursor(m.items-1, false)
	} else {
		m.setCursor(0, false)
	}
}

// Top shows the first item (and selects it in cursor mode).
func (m *Model) Top() {
	// The cursor moves first: the selected item may be drawn taller.
	m.cursor = 0
	m.top, m.offset = 0, 0
	m.settle()
}

// Bottom shows the last item at the foot of the screen (and selects it in
// cursor mode). It renders backwards from the last item until the screen is
// full, never the items above.
func (m *Model) Bottom() {
	if m.cursorMode {
		m.cursor = m.items - 1
	}
	m.toBottom()
	m.settle()
}

// ScrollTo puts item's first line at the top of the screen, or as near as
// the end allows.
func (m *Model) ScrollTo(item int) {
	m.top, m.offset = item, 0
	m.settle()
	m.followView()
}

// AtTop reports whether the first line of the first item is on screen.
func (m *Model) AtTop() bool { return m.top == 0 && m.offset == 0 }

// AtBottom reports whether the last line of the last item is on screen, for
// example to fetch the next page of a list.
func (m *Model) AtBottom() bool {
	return m.items == 0 || m.linesFromTop(m.height+1) <= m.height
}

// Visible returns the first and last item with a line on screen, or -1, -1
// when nothing is.
func (m *Model) Visible() (first, last int) {
	if m.items == 0 || m.height == 0 {
		return -1, -1
	}
	rows := m.itemHeight(m.top) - m.offset
	last = m.top
	for last+1 < m.items && rows < m.height {
		last++
		rows += m.itemHeight(last)
	}
	return m.top, last
}

func (m *Model) lineDown(n int) {
	for n > 0 && m.items > 0 {
		below := m.itemHeight(m.top) - 1 - m.offset // lines of the top item under the first screen line
		if n <= below {
			m.offset += n
			return
		}
		if m.top == m.items-1 {
			m.offset += below
			return
		}
		n -= below + 1
		m.top++
		m.offset = 0
	}
}

func (m *Model) lineUp(n int) {
	for n > 0 {
		if n <= m.offset {
			m.offset -= n
			return
		}
		n -= m.offset
		if m.top == 0 {
			m.offset = 0
			return
		}
		m.top--
		m.offset = m.itemHeight(m.top) - 1
		n--
	}
}

// settle restores the Model's invariants after any change: the position is
// on an existing line and the screen does not reach past the last line when
// there are enough lines to fill it.
func (m *Model) settle() {
	if m.items == 0 {
		m.top, m.offset, m.cursor = 0, 0, 0
		return
	}
	m.cursor = min(max(m.cursor, 0), m.items-1)
	m.top = min(max(m.top, 0), m.items-1)
	m.offset = min(max(m.offset, 0), m.itemHeight(m.top)-1)
	if m.pastEnd() {
		m.toBottom()
	}
}

// pastEnd reports whether the screen shows blank lines below the last item
// that lines above could fill.
func (m *Model) pastEnd() bool {
	return m.linesFromTop(m.height) < m.height && !m.AtTop()
}

// linesFromTop counts the lines from the screen's first line to the end,
// stopping once it has counted limit.
func (m *Model) linesFromTop(limit int) int {
	if m.items == 0 {
		return 0
	}
	n := m.itemHeight(m.top) - m.offset
	for i := m.top + 1; i < m.items && n < limit; i++ {
		n += m.itemHeight(i)
	}
	return n
}

// toBottom puts the last line of the last item at the foot of the screen,
// or shows everything from the top when it all fits.
func (m *Model) toBottom() {
	m.top, m.offset = 0, 0
	need := m.height
	for i := m.items - 1; i >= 0; i-- {
		h := m.itemHeight(i)
		if h >= need {
			m.top, m.offset = i, h-need
			return
		}
		need -= h
	}
}
