package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// loggedOutView explains how to get going instead of dumping an error.
func (m Model) loggedOutView() string {
	st := m.sh.st
	cmd := func(c, what string) string {
		return "  " + st.HelpKey.Render(padRight(c, 26)) + st.Value.Render(what)
	}
	lines := []string{
		st.App.Render("leadscope") + st.Muted.Render(" · not logged in"),
		"",
		st.Value.Render("leadscope needs access to a Kommo account. Any of these will do:"),
		"",
		cmd("leadscope login", "log in through the browser"),
		cmd("KOMMO_TOKEN=… leadscope", "use a long-lived token (set KOMMO_BASE_URL too)"),
		cmd("leadscope --demo", "try it on built-in sample data"),
	}
	if hint := strings.TrimSpace(m.opts.LoginHint); hint != "" {
		lines = append(lines, "")
		for _, l := range wrap(sanitize.Block(hint), m.width-4) {
			lines = append(lines, st.Warning.Render(l))
		}
	}
	lines = append(lines, "", st.Muted.Render("Press q to quit."))
	for i := range lines {
		lines[i] = truncate(lines[i], m.width-2)
	}
	// Left-aligned as a block, the block centred on the screen.
	body := st.Renderer.NewStyle().Align(lipgloss.Left).Render(strings.Join(lines, "\n"))
	return st.Renderer.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, body)
}
