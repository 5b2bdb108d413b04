package tui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/tui/common"
)

// helpGroup is one column of the help screen.
type helpGroup struct {
	title    string
	bindings []key.Binding
}

// helpGroups are the page's keys, then the ones that work everywhere;
// disabled bindings are left out so help never lies.
func (m *Model) helpGroups() []helpGroup {
	k := m.keys
	var groups []helpGroup
	if p := m.hist.current(); p != nil {
		for i, g := range p.FullHelp() {
			title := ""
			if i == 0 {
				title = "This page"
			}
			groups = append(groups, helpGroup{title: title, bindings: g})
		}
	}
	groups = append(groups,
		helpGroup{title: "Finding", bindings: []key.Binding{k.Find, k.Submit, k.Leave}},
		helpGroup{title: "Moving", bindings: []key.Binding{k.Back, k.Forward, k.Open, k.Copy}},
		helpGroup{title: "General", bindings: []key.Binding{k.RefreshAccount, k.Help, k.Quit, k.ForceQuit}},
	)
	out := groups[:0]
	for _, g := range groups {
		var on []key.Binding
		for _, b := range g.bindings {
			if b.Enabled() {
				on = append(on, b)
			}
		}
		if len(on) > 0 {
			out = append(out, helpGroup{title: g.title, bindings: on})
		}
	}
	return out
}

// fullHelpView lays the groups out in as many columns as fit the width,
// row after row, instead of cutting off the ones that do not fit.
func (m *Model) fullHelpView(height int) []string {
	st := m.c.Styles
	var columns [][]string
	for _, g := range m.helpGroups() {
		keyWidth := 0
		for _, b := range g.bindings {
			keyWidth = max(keyWidth, lipgloss.Width(b.Help().Key))
		}
		col := []string{st.Heading.Render(g.title)}
		for _, b := range g.bindings {
			col = append(col, st.HelpKey.Render(common.PadRight(b.Help().Key, keyWidth))+"  "+st.HelpDesc.Render(b.Help().Desc))
		}
		columns = append(columns, col)
	}
	const gap = 4
	var lines, row []string
	rowWidth := 0
	flush := func() {
		lines = append(lines, row...)
		if len(row) > 0 {
			lines = append(lines, "")
		}
		row, rowWidth = nil, 0
	}
	for _, col := range columns {
		w := 0
		for _, l := range col {
			w = max(w, lipgloss.Width(l))
		}
		if rowWidth > 0 && rowWidth+gap+w > m.width {
			flush()
		}
		row = joinColumn(row, col, rowWidth, gap)
		if rowWidth == 0 {
			rowWidth = w
		} else {
			rowWidth += gap + w
		}
	}
	flush()
	for i := range lines {
		lines[i] = common.Truncate(lines[i], m.width)
	}
	return common.FillLines(lines, height)
}

// joinColumn puts col to the right of the lines of row, which are width wide.
func joinColumn(row, col []string, width, gap int) []string {
	if width == 0 {
		return append(row, col...)
	}
	for len(row) < len(col) {
		row = append(row, "")
	}
	for i, l := range col {
		row[i] = common.PadRight(row[i], width+gap) + l
	}
	return row
}
