package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// frame holds the parts of the screen that change only with the state
// Update changes, drawn there once, so View is mostly joining strings.
type frame struct {
	statusOwnLine bool

	headerKey headerKey
	header    string

	ruleWidth int
	rule      string

	tabBarKey tabBarKey
	tabBar    string

	footerKey  footerKey
	footerHelp string
	footer     string
}

type headerKey struct {
	account string
	width   int
}

type tabBarKey struct {
	data    *leadData
	version int
	active  tabKind
	width   int
}

type footerKey struct {
	enabled  uint32 // which short-help bindings are on
	helpOpen bool
	room     int // columns left beside the scroll position
}

// relayout brings everything drawn ahead of View up to date: key bindings,
// the chrome, the summary and the visible tab.
func (m *Model) relayout() {
	m.syncKeys()
	m.frame.statusOwnLine = m.statusOnOwnLine()
	m.syncActivePane()
	m.syncChrome()
}

func (m *Model) syncChrome() {
	f := &m.frame
	if hk := (headerKey{m.accountLabel(), m.width}); hk != f.headerKey || f.header == "" {
		f.headerKey, f.header = hk, m.headerView()
	}
	if m.width != f.ruleWidth || f.rule == "" {
		f.ruleWidth, f.rule = m.width, rule(m.sh.st, m.width)
	}
	if m.current != nil {
		tk := tabBarKey{m.current, m.current.version, m.active, m.width}
		if tk != f.tabBarKey {
			f.tabBarKey, f.tabBar = tk, renderTabBar(m.sh, m.current, m.active, m.width)
		}
	}
	position := ""
	if m.current != nil && !m.showHelp {
		position = m.panes[m.active].position()
	}
	// Scrolling changes only the position; the help beside it is kept.
	fk := footerKey{m.shortHelpMask(), m.showHelp, max(0, m.width-lipgloss.Width(position)-2)}
	if fk != f.footerKey || f.footerHelp == "" {
		f.footerKey, f.footerHelp = fk, m.footerHelp(fk.room)
	}
	f.footer = spread(f.footerHelp, m.sh.st.Position.Render(position), m.width)
}

// shortHelpMask is a fingerprint of which footer keys are enabled, and of
// which quit key the footer names.
func (m *Model) shortHelpMask() uint32 {
	var mask uint32
	if m.keys.Quit.Enabled() {
		mask |= 1 << 31
	}
	for i, b := range m.keys.ShortHelp() {
		if b.Enabled() {
			mask |= 1 << i
		}
	}
	return mask
}

// joinLines is strings.Join with the size known up front.
func joinLines(lines []string) string {
	n := len(lines)
	for _, l := range lines {
		n += len(l)
	}
	var b strings.Builder
	b.Grow(n)
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	return b.String()
}
