package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// The smallest screen the layout is designed for.
const (
	minWidth  = 60
	minHeight = 20
)

// chromeLines are the root's lines around a page: header, find box, rule
// and footer.
const chromeLines = 4

// frame holds the parts of the screen that change only with the state
// Update changes, drawn there once, so View is mostly joining strings.
type frame struct {
	statusOwnLine bool
	header        string
	rule          string
	footer        string
}

// View draws the screen from what Update prepared.
func (m Model) View() string {
	switch {
	case m.width < minWidth || m.height < minHeight:
		return m.tooSmallView()
	case m.c.Client == nil:
		return m.loggedOutView()
	}
	f := &m.frame
	lines := make([]string, 0, 8)
	lines = append(lines, f.header)
	if f.statusOwnLine {
		lines = append(lines, m.input.view(), m.statusView(m.width))
	} else {
		lines = append(lines, m.inputLineView())
	}
	lines = append(lines, f.rule)
	switch p := m.hist.current(); {
	case m.showHelp:
		lines = append(lines, m.fullHelpView(m.pageHeight())...)
	case p != nil:
		lines = append(lines, p.View())
	default:
		lines = append(lines, common.FillLines(nil, m.pageHeight())...)
	}
	return common.JoinLines(append(lines, f.footer))
}

// pageHeight is what is left to the page between the root's lines.
func (m *Model) pageHeight() int {
	n := chromeLines
	if m.frame.statusOwnLine {
		n++
	}
	return max(0, m.height-n)
}

// resize re-lays the screen out for a new terminal size.
func (m *Model) resize(w, h int) {
	m.width, m.height = w, h
	m.help.Width = w
	m.input.setWidth(min(40, w/2))
	m.relayout()
}

// relayout brings everything drawn ahead of View up to date: key bindings,
// the header, the page's size and the footer.
func (m *Model) relayout() {
	p := m.hist.current()
	if s, ok := p.(common.Searcher); ok && !m.input.focused() && m.input.value() != s.Query() {
		// The box shows the list's search while it is not being typed in.
		m.input.setValue(s.Query())
	}
	m.keys.setEnabled(keyState{
		inputFocused: m.input.focused(),
		inputEmpty:   m.input.value() == "",
		canBack:      m.hist.canBack(),
		canForward:   m.hist.canForward(),
		hasURL:       p != nil && p.WebURL() != "",
		loggedOut:    m.c.Client == nil,
		helpOpen:     m.showHelp,
	})
	if m.width < minWidth || m.height < minHeight || m.c.Client == nil {
		return
	}
	f := &m.frame
	was := f.statusOwnLine
	f.statusOwnLine = lipgloss.Width(m.statusView(m.width)) > m.width-lipgloss.Width(m.input.view())-2
	f.header = m.headerView()
	f.rule = common.Rule(m.c.Styles, m.width)
	if p != nil {
		p.SetSize(m.width, m.pageHeight())
		_ = was
	}
	f.footer = m.footerView()
}

// accountLabel is the account's name once known, the label given until then.
func (m *Model) accountLabel() string {
	if name := m.c.Names.Account(); name != "" {
		return name
	}
	return sanitize.Line(m.opts.Account)
}

func (m *Model) headerView() string {
	st := m.c.Styles
	left := st.App.Render("leadscope")
	if account := m.accountLabel(); account != "" {
		left += st.Muted.Render(" · ") + st.Account.Render(account)
	}
	if p := m.hist.current(); p != nil && m.hist.pos > 0 {
		left += st.Muted.Render(" · ") + st.Value.Render(p.Title())
	}
	var right []string
	if z := m.c.Zone.Label; z != "" {
		right = append(right, st.Muted.Render("times in "+z))
	}
	if m.opts.Demo {
		if st.Plain {
			right = append(right, "[DEMO]")
		} else {
			right = append(right, st.Badge.Render("DEMO"))
		}
	}
	return common.Spread(left, strings.Join(right, " "), m.width)
}

func (m *Model) inputLineView() string {
	in := m.input.view()
	return common.Truncate(in+"  "+m.statusView(m.width-lipgloss.Width(in)-2), m.width)
}

// statusView is the status line's text, cut to width: the box's own
// complaint first, then what is being opened, then the newest message of
// the root or the page on screen, then what the page is loading.
func (m *Model) statusView(width int) string {
	st := m.c.Styles
	if width <= 0 {
		return ""
	}
	var s string
	busy := ""
	p := m.hist.current()
	if p != nil {
		busy = p.Busy()
	}
	msg := m.status.Status
	if p != nil && p.Status().Seq > msg.Seq {
		msg = p.Status()
	}
	switch {
	case m.input.invalid != "":
		s = st.InputInvalid.Render("✗ " + m.input.invalid)
	case m.opening != nil:
		s = m.spin.View() + " " + st.Status.Render(m.opening.text())
	case msg.Kind == common.StatusInfo:
		s = st.StatusOK.Render("✓ " + msg.Text)
	case msg.Kind == common.StatusWarn:
		s = st.StatusWarn.Render("! " + msg.Text)
	case msg.Kind == common.StatusError:
		s = st.StatusError.Render("✗ " + msg.Text)
	case busy != "":
		s = m.spin.View() + " " + st.Status.Render(busy)
	case m.dirLoading:
		s = m.spin.View() + " " + st.Status.Render("Loading the account…")
	}
	return common.Truncate(s, width)
}

// shortHelp is the footer's keys: the box's or the page's first, then the
// root's, most important first; help and quit always close the line.
func (m *Model) shortHelp() []key.Binding {
	k := m.keys
	var out []key.Binding
	if m.input.focused() {
		out = append(out, k.Submit, k.Leave)
	} else if p := m.hist.current(); p != nil && !m.showHelp {
		out = append(out, p.ShortHelp()...)
	}
	back, open, cp := k.Back, k.Open, k.Copy
	back.SetHelp("[", "back")
	open.SetHelp("o", "open")
	cp.SetHelp("y", "copy")
	out = append(out, k.Find, back, k.Forward, open, cp)
	var enabled []key.Binding
	for _, b := range out {
		if b.Enabled() {
			enabled = append(enabled, b)
		}
	}
	return enabled
}

// footerView is the short help, trimmed from its least important keys
// until it fits beside the page's scroll position, and never without the
// find key, help and quit.
func (m *Model) footerView() string {
	position := ""
	if p := m.hist.current(); p != nil && !m.showHelp {
		position = p.Position()
	}
	room := max(0, m.width-lipgloss.Width(position)-2)
	h := m.help
	h.Width = 0
	keys := m.shortHelp()
	tail := []key.Binding{}
	if m.keys.Help.Enabled() {
		tail = append(tail, m.keys.Help)
	}
	tail = append(tail, m.keys.quitKey())
	text := h.ShortHelpView(append(keys, tail...))
	for lipgloss.Width(text) > room && len(keys) > 0 {
		keys = dropLeastImportant(keys, m.keys.Find)
		text = h.ShortHelpView(append(keys, tail...))
	}
	return common.Spread(common.Truncate(text, room), m.c.Styles.Position.Render(position), m.width)
}

// dropLeastImportant removes the last binding that is not keep.
func dropLeastImportant(keys []key.Binding, keep key.Binding) []key.Binding {
	for i := len(keys) - 1; i >= 0; i-- {
		if keys[i].Help() != keep.Help() {
			return append(keys[:i:i], keys[i+1:]...)
		}
	}
	return keys[:len(keys)-1]
}

func (m Model) tooSmallView() string {
	msg := []string{
		"Make the terminal larger",
		fmt.Sprintf("leadscope needs %d×%d, this is %d×%d", minWidth, minHeight, m.width, m.height),
	}
	msg = msg[:min(len(msg), max(0, m.height))]
	for i := range msg {
		msg[i] = common.Truncate(msg[i], m.width)
	}
	return m.c.Styles.Renderer.Place(max(0, m.width), max(0, m.height), lipgloss.Center, lipgloss.Center, strings.Join(msg, "\n"))
}
