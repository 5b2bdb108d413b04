package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// loggedOutView explains how to get going instead of dumping an error.
// Narrow terminals get each way on two lines rather than cut words.
func (m Model) loggedOutView() string {
	st := m.c.Styles
	width := m.width - 4
	const cmdWidth = 26
	var lines []string
	add := func(style lipgloss.Style, text string) {
		for _, l := range common.Wrap(text, width) {
			lines = append(lines, style.Render(l))
		}
	}
	way := func(cmd, what string) {
		if width >= cmdWidth+2+len(what) {
			lines = append(lines, "  "+st.HelpKey.Render(common.PadRight(cmd, cmdWidth))+st.Value.Render(what))
			return
		}
		lines = append(lines, "  "+st.HelpKey.Render(cmd))
		for _, l := range common.Wrap(what, width-4) {
			lines = append(lines, "    "+st.Value.Render(l))
		}
	}
	lines = append(lines, st.App.Render("leadscope")+st.Muted.Render(" · not logged in"), "")
	add(st.Value, "leadscope needs access to a Kommo account. Any of these will do:")
	lines = append(lines, "")
	way("leadscope login", "log in through the browser")
	way("KOMMO_TOKEN=… leadscope", "use a long-lived token (set KOMMO_BASE_URL too)")
	way("leadscope --demo", "try it on built-in sample data")
	if hint := strings.TrimSpace(m.opts.LoginHint); hint != "" {
		lines = append(lines, "")
		add(st.Warning, sanitize.Block(hint))
	}
	lines = append(lines, "")
	add(st.Muted, "Press q to quit.")
	for i := range lines {
		lines[i] = common.Truncate(lines[i], m.width-2)
	}
	// Left-aligned as a block, the block centred on the screen.
	body := st.Renderer.NewStyle().Align(lipgloss.Left).Render(strings.Join(lines, "\n"))
	return st.Renderer.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, body)
}
