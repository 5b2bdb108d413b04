package leadlist

import "github.com/leadscope/leadscope/api"

// Leads is the loaded rows in the order shown. The slice is the table's
// own: callers read it and must not keep or change it.
func (m *Model) Leads() []api.Lead { return m.leads }

// Select puts the cursor on the lead with id; false when it is not loaded.
func (m *Model) Select(id int64) bool {
	i, ok := m.index[id]
	if !ok {
		return false
	}
	m.scroll.SetCursor(i)
	return true
}

// ShowsContacts reports whether the table is wide enough to show the main
// contact column, so the owner fetches contact names only when they show.
func (m *Model) ShowsContacts() bool {
	m.relayout()
	for _, col := range m.cols {
		if col.kind == colContact {
			return true
		}
	}
	return false
}
