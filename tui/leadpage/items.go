package leadpage

import (
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/vscroll"
)

// items is a tab's content as a list of entries (fields, contacts, JSON
// lines...), each rendered on demand, only while it is (nearly) on screen.
type items interface {
	Len() int
	Render(i, width int, selected bool) []string
}

// openable items are entries that lead to a page of their own (a contact,
// a company, a list element): the tab selects them with a cursor.
type openable interface {
	items
	Target(i int) (common.Target, bool)
}

// view scrolls over one tab's items; memory follows the screen, not the
// number of items.
type view struct {
	src     items
	scroll  *vscroll.Model
	version uint64
}

func newView() *view {
	v := &view{}
	v.scroll = vscroll.New(func(i, width int, selected bool) []string {
		if v.src == nil || i >= v.src.Len() {
			return nil
		}
		return v.src.Render(i, width, selected)
	})
	return v
}

// show replaces the items; the position stays when keep is true (the same
// lead, refreshed or resized), else the view starts at the top. Entries
// that open a page get a cursor; messages and fields do not.
func (v *view) show(src items, keep bool) {
	v.src = src
	v.version++
	v.scroll.SetItems(src.Len(), v.version)
	if !keep {
		v.scroll.Top()
	}
	_, selectable := src.(openable)
	v.scroll.SetCursorMode(selectable)
}

// keys is what the scroll keys move: the cursor, entry by entry, in a view
// with one, else the view line by line.
func (v *view) keys() common.Scroller {
	if v.scroll.CursorMode() {
		return vscroll.CursorKeys{Model: v.scroll}
	}
	return v.scroll
}

// canOpen reports whether enter opens something here.
func (v *view) canOpen() bool {
	_, ok := v.selected()
	return ok
}

// selected is what the entry under the cursor opens, when it opens anything.
func (v *view) selected() (common.Target, bool) {
	src, ok := v.src.(openable)
	i := v.scroll.Cursor()
	if !ok || i < 0 || i >= src.Len() {
		return common.Target{}, false
	}
	return src.Target(i)
}

// selectionMark is the gutter of a selectable entry's lines: a bar beside
// the selected one in colour, ">" on its first line without colour, blank
// for the others. It is two columns wide.
func selectionMark(c *common.Context, selected, first bool) string {
	switch {
	case !selected:
		return "  "
	case c.Styles.Plain && first:
		return "> "
	case c.Styles.Plain:
		return "  "
	}
	return c.Styles.Marker.Render("▌") + " "
}
