package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// The smallest screen the layout is designed for.
const (
	minWidth  = 60
	minHeight = 20
)

// chromeLines are the fixed lines around the summary and the tab content:
// header, input, rule, tab bar, rule and footer.
const chromeLines = 6

// View draws the screen from what Update prepared.
func (m Model) View() string {
	switch {
	case m.width < minWidth || m.height < minHeight:
		return m.tooSmallView()
	case m.client == nil:
		return m.loggedOutView()
	}
	f := &m.frame
	lines := make([]string, 0, m.height)
	lines = append(lines, f.header)
	if f.statusOwnLine {
		lines = append(lines, m.input.view(), m.statusView(m.width))
	} else {
		lines = append(lines, m.inputLineView())
	}
	lines = append(lines, f.rule)
	if m.current == nil {
		lines = append(lines, m.emptyView(m.height-len(lines)-1)...)
		return joinLines(append(lines, f.footer))
	}
	lines = append(lines, m.summary.lines...)
	for i := 0; i < m.spacerLines(m.height-m.chrome()); i++ {
		lines = append(lines, "")
	}
	lines = append(lines, f.tabBar, f.rule)
	p := &m.panes[m.active]
	if m.showHelp {
		lines = append(lines, m.fullHelpView(p.height)...)
	} else {
		lines = append(lines, p.view())
	}
	return joinLines(append(lines, f.footer))
}

// accountLabel is the account's name once known, the label given until then.
func (m Model) accountLabel() string {
	if m.sh.names != nil && m.sh.names.account != "" {
		return m.sh.names.account
	}
	return sanitize.Line(m.opts.Account)
}

func (m Model) headerView() string {
	st := m.sh.st
	account := m.accountLabel()
	left := st.App.Render("leadscope")
	if account != "" {
		left += st.Muted.Render(" · ") + st.Account.Render(account)
	}
	right := ""
	if m.opts.Demo {
		if st.Plain {
			right = "[DEMO]"
		} else {
			right = st.Badge.Render("DEMO")
		}
	}
	return spread(left, right, m.width)
}

// spread puts left and right at the two ends of a line of width columns,
// cutting left if they do not both fit.
func spread(left, right string, width int) string {
	rw := lipgloss.Width(right)
	left = truncate(left, max(0, width-rw-1))
	gap := width - lipgloss.Width(left) - rw
	if right == "" {
		return left
	}
	return left + strings.Repeat(" ", max(1, gap)) + right
}

func (m Model) inputLineView() string {
	in := m.input.view()
	return truncate(in+"  "+m.statusView(m.width-lipgloss.Width(in)-2), m.width)
}

// statusView is the status line's text, cut to width.
func (m Model) statusView(width int) string {
	st := m.sh.st
	if width <= 0 {
		return ""
	}
	var s string
	switch {
	case m.input.invalid != "":
		s = st.InputInvalid.Render("✗ " + m.input.invalid)
	case m.status.kind == statusLoading && m.flight != nil:
		s = m.spin.View() + " " + st.Status.Render(m.status.text)
	case m.status.kind == statusInfo:
		s = st.StatusOK.Render("✓ " + m.status.text)
	case m.status.kind == statusWarn:
		s = st.StatusWarn.Render("! " + m.status.text)
	case m.status.kind == statusError:
		s = st.StatusError.Render("✗ " + m.status.text)
	case m.dirLoading:
		s = m.spin.View() + " " + st.Status.Render("Loading the account…")
	}
	return truncate(s, width)
}

// footerHelp is the short help, trimmed from its least important keys
// until it fits in room columns.
func (m Model) footerHelp(room int) string {
	h := m.help
	h.Width = 0
	var bindings []key.Binding
	for _, b := range m.keys.ShortHelp() {
		if b.Enabled() {
			bindings = append(bindings, b)
		}
	}
	text := h.ShortHelpView(bindings)
	for lipgloss.Width(text) > room && len(bindings) > 2 {
		bindings = append(bindings[:len(bindings)-3], bindings[len(bindings)-2:]...)
		text = h.ShortHelpView(bindings)
	}
	return truncate(text, room)
}

func (m Model) fullHelpView(height int) []string {
	h := m.help
	h.Width = m.width
	lines := strings.Split(h.FullHelpView(m.keys.FullHelp()), "\n")
	for i := range lines {
		lines[i] = truncate(lines[i], m.width)
	}
	return fillLines(lines, height)
}

// fillLines pads or cuts lines to exactly height.
func fillLines(lines []string, height int) []string {
	if len(lines) > height {
		return lines[:height]
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return lines
}

func (m Model) emptyView(height int) []string {
	st := m.sh.st
	lines := []string{
		"",
		"  " + st.Heading.Render("Look up a lead"),
		"",
		"  " + st.Value.Render("Type a lead ID, or paste a lead's URL from Kommo, and press enter."),
		"  " + st.Muted.Render("For example 12345 or https://yourcompany.kommo.com/leads/detail/12345"),
	}
	if m.opts.Demo {
		lines = append(lines, "",
			"  "+st.Warning.Render("Demo: a built-in sample account on this computer, no Kommo needed."),
			"  "+st.Muted.Render("Leads to try:"))
		for _, l := range demoLeads {
			lines = append(lines, "    "+st.HelpKey.Render(strconv.FormatInt(l.id, 10))+"  "+st.Value.Render(l.what))
		}
	}
	for i := range lines {
		lines[i] = truncate(lines[i], m.width)
	}
	return fillLines(lines, height)
}

// demoLeads are the sandbox's notable leads, so a first look at --demo
// does not start with guessing IDs.
var demoLeads = []struct {
	id   int64
	what string
}{
	{sandbox.LeadBasic, "a typical lead: contacts, company, products, tags"},
	{sandbox.LeadHuge, "a huge one: 520 fields, 250 contacts, 250 products"},
	{sandbox.LeadAllFieldTypes, "every custom field type"},
	{sandbox.LeadLost, "lost, with a reason and a source"},
	{sandbox.LeadEscapes, "hostile escape sequences, shown harmless"},
}

func (m Model) tooSmallView() string {
	msg := []string{
		"Make the terminal larger",
		fmt.Sprintf("leadscope needs %d×%d, this is %d×%d", minWidth, minHeight, m.width, m.height),
	}
	msg = msg[:min(len(msg), max(0, m.height))]
	for i := range msg {
		msg[i] = truncate(msg[i], m.width)
	}
	return m.sh.st.Renderer.Place(max(0, m.width), max(0, m.height), lipgloss.Center, lipgloss.Center, strings.Join(msg, "\n"))
}
