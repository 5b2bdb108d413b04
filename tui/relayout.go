package tui

import "github.com/charmbracelet/lipgloss"

// statusOnOwnLine is true when the status does not fit beside the input:
// an error is worth a line of content rather than being cut short.
func (m *Model) statusOnOwnLine() bool {
	return lipgloss.Width(m.statusView(m.width)) > m.width-lipgloss.Width(m.input.view())-2
}

// chrome is how many lines the header, input, status, rules, tab bar and
// footer take together.
func (m *Model) chrome() int {
	if m.frame.statusOwnLine {
		return chromeLines + 1
	}
	return chromeLines
}

// summaryCache keeps the rendered summary until its inputs change.
type summaryCache struct {
	key   summaryKey
	lines []string
}

type summaryKey struct {
	data         *leadData
	version      int
	namesVersion int
	width        int
	maxLines     int
}

// resize re-lays the screen out for a new terminal size.
func (m *Model) resize(w, h int) {
	m.width, m.height = w, h
	m.help.Width = w
	m.input.setWidth(min(36, w/2))
	m.relayout()
}

// syncActivePane brings the summary and the visible tab up to date with the
// data and the size. Only here, never in View, is anything rendered anew.
func (m *Model) syncActivePane() {
	if m.width < minWidth || m.height < minHeight || m.current == nil {
		return
	}
	avail := m.height - m.chrome()
	minContent := max(5, avail*2/5)
	key := summaryKey{m.current, m.current.version, m.namesVersion, m.width, avail - minContent}
	if m.summary.key != key {
		m.summary = summaryCache{key: key, lines: renderSummary(m.sh, m.current, m.client.LeadWebURL(m.current.id), m.width, key.maxLines)}
	}
	contentHeight := avail - len(m.summary.lines) - m.spacerLines(avail)
	for i := range m.panes {
		m.panes[i].setSize(m.width, contentHeight)
	}
	d := m.current
	p := &m.panes[m.active]
	p.sync(paneKey{d, d.version, m.namesVersion, m.width}, func() tabContent {
		return renderTab(m.sh, d, m.active, m.width)
	})
	p.setSize(m.width, contentHeight)
}

// spacerLines is the blank line between the summary and the tabs that tall
// screens can afford.
func (m *Model) spacerLines(avail int) int {
	if avail-len(m.summary.lines) > 16 {
		return 1
	}
	return 0
}

func renderTab(sh *shared, d *leadData, t tabKind, width int) tabContent {
	switch t {
	case tabFields:
		return tabContent{body: renderFields(sh, d, width)}
	case tabTags:
		return tabContent{body: renderTags(sh, d, width)}
	case tabContacts:
		return tabContent{body: renderContacts(sh, d, width)}
	case tabCompanies:
		return tabContent{body: renderCompanies(sh, d, width)}
	case tabCatalog:
		return renderCatalog(sh, d, width)
	}
	return tabContent{body: renderJSON(sh, d, width)}
}
