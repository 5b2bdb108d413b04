package tui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/leadspage"
	"github.com/leadscope/leadscope/tui/views"
)

// newListPage builds the leads list with the built-in views and config.json's.
func (m *Model) newListPage() *leadspage.Page {
	p := leadspage.New(m.c, m.newPageID(), views.All(m.opts.Views))
	m.listPage = p.ID()
	m.listShown = false
	return p
}

// openList shows the leads list searching for query. There is one list:
// the one in history moves to the end of it, as if newly visited, so back
// returns to the page the search was typed on. The query is set before
// the list comes on screen, so it fetches only the search.
func (m *Model) openList(query string) tea.Cmd {
	search := common.QueryMsg{Text: query, Submitted: true}
	i := m.hist.index(m.listPage)
	if i >= 0 && i == m.hist.pos {
		m.input.setValue(query)
		return m.hist.current().Update(search)
	}
	var p common.Page
	if i >= 0 {
		p = m.hist.take(i)
	} else {
		p = m.newListPage()
	}
	cmd := p.Update(search)
	return tea.Batch(cmd, m.pushPage(p))
}

// showListUnder shows the list a lead was opened over at start, when that
// lead could not be shown: the list then fetches for the first time.
func (m *Model) showListUnder() tea.Cmd {
	if m.listShown || m.hist.current() == nil || m.hist.current().ID() != m.listPage {
		return nil
	}
	return m.activate()
}
