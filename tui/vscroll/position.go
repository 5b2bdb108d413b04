package vscroll

import "strconv"

// Position is the footer's reading of where the view is, in items counted
// from 1, because items are what the user moves through and counting them
// needs no heights:
//
//   - "12 of 450000" in cursor mode: the selected item;
//   - "12–30 of 450000" otherwise: the first and last item with a line on
//     screen ("12 of 450000" when one item fills the screen);
//   - "" when there is nothing to scroll: no cursor and every line visible.
func (m *Model) Position() string {
	if m.items == 0 || m.height == 0 {
		return ""
	}
	total := " of " + strconv.Itoa(m.items)
	if m.cursorMode {
		return strconv.Itoa(m.cursor+1) + total
	}
	if m.AtTop() && m.AtBottom() {
		return ""
	}
	first, last := m.Visible()
	if first == last {
		return strconv.Itoa(first+1) + total
	}
	return strconv.Itoa(first+1) + "–" + strconv.Itoa(last+1) + total
}
