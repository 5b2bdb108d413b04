package leadpage

import "github.com/leadscope/leadscope/tui/vscroll"

// items is a tab's content as a list of entries (fields, contacts, JSON
// lines...), each rendered on demand, only while it is (nearly) on screen.
type items interface {
	Len() int
	Render(i, width int, selected bool) []string
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
// lead, refreshed or resized), else the view starts at the top.
func (v *view) show(src items, keep bool) {
	v.src = src
	v.version++
	v.scroll.SetItems(src.Len(), v.version)
	if !keep {
		v.scroll.Top()
	}
}
