package recordpage

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/vscroll"
)

// items is a tab's content as a list of entries, each rendered on demand,
// only while it is (nearly) on screen.
type items interface {
	Len() int
	Render(i, width int, selected bool) []string
}

// openable items lead to pages of their own: the tab selects them with a
// cursor and enter opens the selected one.
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
// record, refreshed or resized), else the view starts at the top. Entries
// that open a page get a cursor.
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

// keys is what the scroll keys move: the cursor entry by entry, or the
// view line by line.
func (v *view) keys() common.Scroller {
	if v.scroll.CursorMode() {
		return vscroll.CursorKeys{Model: v.scroll}
	}
	return v.scroll
}

// selected is what the entry under the cursor opens, if anything.
func (v *view) selected() (common.Target, bool) {
	src, ok := v.src.(openable)
	i := v.scroll.Cursor()
	if !ok || i < 0 || i >= src.Len() {
		return common.Target{}, false
	}
	return src.Target(i)
}

// lines are ready-made lines, one item each: messages, flowed chips.
type lines []string

func (l lines) Len() int { return len(l) }
func (l lines) Render(i, width int, _ bool) []string {
	return []string{common.Truncate(l[i], width)}
}

// wrapped is one message wrapped to the width, in a style.
func wrapped(style lipgloss.Style, text string, width int) lines {
	return lines(common.StyleLines(common.Wrap(text, width), style))
}

// selectionMark is the two-column gutter of a selectable entry's lines, as
// on the lead page: a bar beside the selected one in colour, ">" on its
// first line without colour, blank for the others.
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
