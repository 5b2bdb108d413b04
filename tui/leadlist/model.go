// Package leadlist is a table of leads with a cursor: name, stage, price,
// responsible, next task, last update and main contact, in columns that
// adapt to the width. The leads page and the contact and company pages
// show their leads with it; it fetches nothing itself.
package leadlist

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/vscroll"
)

// nearEnd is how close to the last loaded row the cursor gets before the
// owner should fetch the next page.
const nearEnd = 10

// Model is the table. Rows are drawn only while on screen.
type Model struct {
	c       *common.Context
	leads   []api.Lead
	index   map[int64]int    // lead ID -> row, to drop repeats across pages
	contact map[int64]string // lead ID -> main contact's name, once known
	scroll  *vscroll.Model
	cols    columns
	drawn   layoutKey
	version uint64

	width, height int
}

type layoutKey struct {
	width        int
	namesVersion int
	pipelines    int
}

// New returns an empty table.
func New(c *common.Context) *Model {
	m := &Model{c: c, index: map[int64]int{}, contact: map[int64]string{}, cols: layout(0, false)}
	m.scroll = vscroll.New(m.renderRow)
	m.scroll.SetCursorMode(true)
	return m
}

// SetLeads replaces the rows; the cursor goes back to the top.
func (m *Model) SetLeads(leads []api.Lead) {
	m.leads = m.leads[:0]
	clear(m.index)
	m.version++
	m.add(leads)
	m.scroll.SetItems(len(m.leads), m.version)
	m.scroll.Top()
}

// Append adds a page of rows below the others, leaving out leads already
// shown (a list that changes while it is paged repeats some); it returns
// how many were new.
func (m *Model) Append(leads []api.Lead) int {
	n := m.add(leads)
	m.scroll.SetItems(len(m.leads), m.version)
	return n
}

func (m *Model) add(leads []api.Lead) int {
	n := 0
	for _, l := range leads {
		if _, dup := m.index[l.ID]; dup {
			continue
		}
		m.index[l.ID] = len(m.leads)
		l.Raw = nil // the table never shows it; a page of bodies need not stay
		m.leads = append(m.leads, l)
		n++
	}
	return n
}

// SetContactNames records main contacts' names by lead ID as they arrive.
func (m *Model) SetContactNames(names map[int64]string) {
	for id, name := range names {
		m.contact[id] = name
	}
	m.scroll.Invalidate()
}

// Len is how many rows are loaded.
func (m *Model) Len() int { return len(m.leads) }

// Selected is the lead under the cursor.
func (m *Model) Selected() (api.Lead, bool) {
	i := m.scroll.Cursor()
	if i < 0 || i >= len(m.leads) {
		return api.Lead{}, false
	}
	return m.leads[i], true
}

// NearEnd says the cursor is close enough to the last row that the next
// page should be on its way.
func (m *Model) NearEnd() bool {
	return len(m.leads) > 0 && m.scroll.Cursor() >= len(m.leads)-nearEnd
}

// SetSize gives the table its area; the first line is the column titles.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.scroll.SetSize(width, max(0, height-1))
	m.relayout()
}

func (m *Model) relayout() {
	key := layoutKey{m.width, m.c.NamesVersion, m.c.Names.PipelineCount()}
	if key == m.drawn {
		return
	}
	m.drawn = key
	m.cols = layout(m.width, key.pipelines > 1)
	m.scroll.Invalidate()
}

// Update moves the cursor; it reports whether msg was one of its keys.
func (m *Model) Update(msg tea.Msg, keys *common.ScrollKeys) bool {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return keys.HandleScroll(msg, cursorScroller{m.scroll})
	case tea.MouseMsg:
		return m.c.Mouse && m.scroll.HandleMouse(msg)
	}
	return false
}

// Position is the cursor's row of the loaded ones.
func (m *Model) Position() string { return m.scroll.Position() }

// View draws the titles and the visible rows, exactly the table's height.
func (m *Model) View() []string {
	if m.height <= 0 {
		return nil
	}
	m.relayout()
	out := make([]string, 0, m.height)
	out = append(out, m.c.Styles.Label.Render(common.Truncate(m.cols.titles(), m.width)))
	return append(out, m.scroll.View()...)
}

// cursorScroller makes the scroll keys move the cursor a row (or a page)
// at a time instead of the view a line at a time.
type cursorScroller struct{ s *vscroll.Model }

func (c cursorScroller) LineUp(n int) {
	for range n {
		c.s.CursorUp()
	}
}

func (c cursorScroller) LineDown(n int) {
	for range n {
		c.s.CursorDown()
	}
}

func (c cursorScroller) PageUp()   { c.s.PageUp() }
func (c cursorScroller) PageDown() { c.s.PageDown() }
func (c cursorScroller) Top()      { c.s.Top() }
func (c cursorScroller) Bottom()   { c.s.Bottom() }
