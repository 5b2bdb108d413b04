package tui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// Update is the state machine: keys, fetch answers, timers and resizes.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
	case tea.KeyMsg:
		var quit bool
		cmd, quit = m.onKey(msg)
		if quit {
			m.shutdown()
			return m, tea.Quit
		}
	case tea.MouseMsg:
		if m.opts.Mouse && m.current != nil {
			p := &m.panes[m.active]
			p.vp, cmd = p.vp.Update(msg)
		}
	case spinner.TickMsg:
		// Ticks stop when nothing loads; the next load starts a new chain
		// and the spinner's tag drops any duplicate.
		if m.loading() {
			m.spin, cmd = m.spin.Update(msg)
		}
	case statusFadeMsg:
		if msg.seq == m.status.seq {
			m.status.clear()
		}
	case directoryMsg:
		cmd = m.onDirectory(msg)
	case leadMsg:
		cmd = m.onLead(msg)
	case contactsMsg:
		cmd = m.onContacts(msg)
	case companiesMsg:
		cmd = m.onCompanies(msg)
	case catalogMsg:
		cmd = m.onCatalog(msg)
	case openedMsg:
		if msg.err != nil {
			cmd = m.say(statusWarn, "No browser to open; the lead is at "+sanitize.Line(msg.url))
		} else {
			cmd = m.say(statusInfo, "Opened in the browser")
		}
	case copiedMsg:
		if msg.err != nil {
			cmd = m.say(statusWarn, "Could not copy; the lead is at "+sanitize.Line(msg.url))
		} else {
			cmd = m.say(statusInfo, "Copied "+sanitize.Line(msg.url))
		}
	}
	m.relayout()
	return m, cmd
}

// onKey handles one key press; it reports whether to quit.
func (m *Model) onKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := &m.keys
	switch {
	case key.Matches(msg, k.ForceQuit), key.Matches(msg, k.Quit):
		return nil, true
	case m.client == nil:
		return nil, false
	case key.Matches(msg, k.Help):
		m.showHelp = !m.showHelp
		return nil, false
	case m.showHelp && msg.Type == tea.KeyEsc:
		m.showHelp = false
		return nil, false
	}
	if cmd, ok := m.onCommonKey(msg); ok {
		return cmd, false
	}
	if m.focus == focusInput {
		return m.onInputKey(msg), false
	}
	return m.onContentKey(msg), false
}

// onCommonKey handles tabs and scrolling, which work in both focus areas.
func (m *Model) onCommonKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := &m.keys
	vp := &m.panes[m.active].vp
	switch {
	case key.Matches(msg, k.NextTab):
		m.active = (m.active + 1) % tabCount
	case key.Matches(msg, k.PrevTab):
		m.active = (m.active + tabCount - 1) % tabCount
	case key.Matches(msg, k.Up):
		vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		vp.PageUp()
	case key.Matches(msg, k.PageDown):
		vp.PageDown()
	case key.Matches(msg, k.Top):
		vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		vp.GotoBottom()
	default:
		return nil, false
	}
	return nil, true
}

func (m *Model) onInputKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Lookup):
		id, ok := m.input.submit()
		if !ok {
			return nil
		}
		m.setFocus(focusContent)
		cmd := m.lookup(id, false, -1)
		if m.flight != nil {
			m.flight.typed = true
		}
		return cmd
	case key.Matches(msg, m.keys.Leave):
		m.input.invalid = ""
		m.setFocus(focusContent)
		return nil
	}
	return m.input.update(msg)
}

func (m *Model) onContentKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys
	switch {
	case key.Matches(msg, k.FocusInput):
		m.setFocus(focusInput)
	case key.Matches(msg, k.GotoTab) && len(msg.Runes) == 1:
		m.active = tabKind(msg.Runes[0] - '1')
	case key.Matches(msg, k.Refresh):
		return m.lookup(m.current.id, true, m.hist.pos)
	case key.Matches(msg, k.Back):
		if i, id, ok := m.hist.step(-1); ok {
			return m.lookup(id, false, i)
		}
	case key.Matches(msg, k.Forward):
		if i, id, ok := m.hist.step(1); ok {
			return m.lookup(id, false, i)
		}
	case key.Matches(msg, k.Open):
		return openCmd(m.open, m.client.LeadWebURL(m.current.id))
	case key.Matches(msg, k.Copy):
		return copyCmd(m.clipboard, m.client.LeadWebURL(m.current.id))
	}
	return nil
}

func (m *Model) setFocus(f focusArea) {
	m.focus = f
	if f == focusInput {
		m.input.focus()
	} else {
		m.input.blur()
	}
}
