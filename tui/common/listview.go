package common

import "github.com/leadscope/leadscope/tui/vscroll"

// Items is a list's content as entries (fields, contacts, JSON lines...),
// each rendered on demand, only while it is (nearly) on screen.
type Items interface {
	Len() int
	Render(i, width int, selected bool) []string
}

// Openable items are entries that lead to a page of their own (a contact,
// a company, a list element): a ListView selects them with a cursor and
// enter opens the selected one.
type Openable interface {
	Items
	Target(i int) (Target, bool)
}

// ListView scrolls over one tab's items; memory follows the screen, not
// the number of items. The lead page and the record pages draw every tab
// but their tables through one.
type ListView struct {
	src     Items
	scroll  *vscroll.Model
	version uint64
}

// NewListView returns an empty view; Show gives it items.
func NewListView() *ListView {
	v := &ListView{}
	v.scroll = vscroll.New(func(i, width int, selected bool) []string {
		if v.src == nil || i >= v.src.Len() {
			return nil
		}
		return v.src.Render(i, width, selected)
	})
	return v
}

// Scroll is the scroller under the view, for its size, drawing, position
// and the mouse.
func (v *ListView) Scroll() *vscroll.Model { return v.scroll }

// Show replaces the items; the position stays when keep is true (the same
// record, refreshed or resized), else the view starts at the top. Entries
// that open a page get a cursor; messages and fields do not.
func (v *ListView) Show(src Items, keep bool) {
	v.src = src
	v.version++
	v.scroll.SetItems(src.Len(), v.version)
	if !keep {
		v.scroll.Top()
	}
	_, selectable := src.(Openable)
	v.scroll.SetCursorMode(selectable)
}

// Keys is what the scroll keys move: the cursor, entry by entry, in a view
// with one, else the view line by line.
func (v *ListView) Keys() Scroller {
	if v.scroll.CursorMode() {
		return vscroll.CursorKeys{Model: v.scroll}
	}
	return v.scroll
}

// CanOpen reports whether enter opens something here.
func (v *ListView) CanOpen() bool {
	_, ok := v.Selected()
	return ok
}

// Selected is what the entry under the cursor opens, when it opens anything.
func (v *ListView) Selected() (Target, bool) {
	src, ok := v.src.(Openable)
	i := v.scroll.Cursor()
	if !ok || i < 0 || i >= src.Len() {
		return Target{}, false
	}
	return src.Target(i)
}
