package tui

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/leadpage"
	"github.com/leadscope/leadscope/tui/recordpage"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// Update is the state machine: keys, answers, timers and resizes. Keys go
// to the root first (global keys, the find box), then to the page on
// screen; answers go to the page that asked for them.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
	case tea.KeyMsg:
		var quit bool
		cmd, quit = m.onKeys(msg)
		if quit {
			m.shutdown()
			return m, tea.Quit
		}
	case tea.MouseMsg:
		if p := m.hist.current(); p != nil && m.opts.Mouse {
			cmd = p.Update(msg)
		}
	case spinner.TickMsg:
		// Ticks stop when nothing loads; keepSpinning starts a new chain
		// when something does again.
		if m.loading() {
			m.spin, cmd = m.spin.Update(msg)
		}
	case directoryMsg:
		cmd = m.onDirectory(msg)
	case common.NavigateMsg:
		cmd = m.openTarget(msg.Target, false)
	case common.NeedAccountMsg:
		cmd = m.retryDirectory()
	case leadpage.FetchedMsg:
		if msg.Page == 0 {
			cmd = m.onLeadFetched(msg)
		} else {
			cmd = m.route(msg)
		}
	case recordpage.FetchedMsg:
		if msg.Page == 0 {
			cmd = m.onRecordFetched(msg)
		} else {
			cmd = m.route(msg)
		}
	case common.FadeMsg:
		if msg.Page == 0 {
			m.status.Faded(msg)
		} else {
			cmd = m.route(msg)
		}
	case common.PageMsg:
		cmd = m.route(msg)
	case openedMsg:
		if msg.err != nil {
			cmd = m.say(common.StatusWarn, "No browser to open; it is at "+sanitize.Line(msg.url))
		} else {
			cmd = m.say(common.StatusInfo, "Opened in the browser")
		}
	case copiedMsg:
		cmd = m.onCopied(msg)
	}
	m.relayout()
	return m, tea.Batch(cmd, m.maybeRevalidate(), m.keepSpinning())
}

// keepSpinning starts the spinner when something loads and no tick chain
// runs: whatever started the load (a key, an answer, a page), the spinner
// turns while it lasts, and only one chain ever runs.
func (m *Model) keepSpinning() tea.Cmd {
	if !m.loading() {
		// The running chain ends at its next tick; a load starting before
		// then starts another, and the spinner's tag drops the older one.
		m.spinning = false
		return nil
	}
	if m.spinning {
		return nil
	}
	m.spinning = true
	return m.spin.Tick
}

func (m *Model) say(kind common.StatusKind, text string) tea.Cmd {
	return m.status.Set(m.c, 0, kind, text)
}

// onKeys takes one key message. Keys that arrived together as one message
// (fast typing, Bubble Tea v1 bundles them) are handled one by one, so
// "/123" typed fast acts like "/", "1", "2", "3"; a paste goes to the box.
func (m *Model) onKeys(msg tea.KeyMsg) (tea.Cmd, bool) {
	if msg.Type != tea.KeyRunes || len(msg.Runes) <= 1 || msg.Paste || m.input.focused() || m.capturing() {
		return m.onKey(msg)
	}
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		cmd, quit := m.onKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
		cmds = append(cmds, cmd)
		if quit {
			return tea.Batch(cmds...), true
		}
		m.relayout()
	}
	return tea.Batch(cmds...), false
}

// capturing is true while the page on screen takes every key.
func (m *Model) capturing() bool {
	mp, ok := m.hist.current().(common.Modal)
	return ok && mp.Capturing()
}

// onKey handles one key press; it reports whether to quit.
func (m *Model) onKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := &m.keys
	switch {
	case key.Matches(msg, k.ForceQuit):
		return nil, true
	case m.c.Client == nil:
		return nil, key.Matches(msg, k.Quit)
	case m.capturing():
		return m.hist.current().Update(msg), false
	case m.showHelp:
		// Help closes on ? and esc, and on any other key, which then does
		// what it always does.
		m.showHelp = false
		if key.Matches(msg, k.Help) || msg.Type == tea.KeyEsc {
			return nil, false
		}
	}
	if m.input.focused() {
		return m.onInputKey(msg), false
	}
	return m.onContentKey(msg)
}

// pageKeysWhileTyping reach the page even while the box has focus: they
// do not type anything.
var pageKeysWhileTyping = map[tea.KeyType]bool{
	tea.KeyUp: true, tea.KeyDown: true, tea.KeyPgUp: true, tea.KeyPgDown: true,
	tea.KeyTab: true, tea.KeyShiftTab: true,
}

func (m *Model) onInputKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Submit):
		return m.submit()
	case key.Matches(msg, m.keys.Leave):
		m.input.invalid = ""
		m.setFocus(focusContent)
		return nil
	case key.Matches(msg, m.keys.Help) && m.input.value() == "":
		// No lead or search starts with "?": in an empty box it asks for help.
		m.showHelp = true
		return nil
	case pageKeysWhileTyping[msg.Type]:
		return m.pageKeyWhileTyping(msg)
	}
	cmd, changed := m.input.update(msg, m.parseLeadRef)
	if !changed {
		return cmd
	}
	if m.status.Kind == common.StatusError {
		// The complaint was about the text being corrected.
		m.status.Clear(m.c)
	}
	return tea.Batch(cmd, m.queryChanged(false))
}

// pageKeyWhileTyping passes a key that types nothing to the page; one that
// switches a searcher's view shows that view's text in the box.
func (m *Model) pageKeyWhileTyping(msg tea.KeyMsg) tea.Cmd {
	p := m.hist.current()
	if p == nil {
		return nil
	}
	s, searcher := p.(common.Searcher)
	before := ""
	if searcher {
		before = s.Query()
	}
	cmd := p.Update(msg)
	if searcher && s.Query() != before {
		m.input.setValue(s.Query())
	}
	return cmd
}

// submit opens the lead the box names (an ID or a lead URL); other text is
// a search: of the leads list on screen at once, else in the leads list.
// Another account's lead URL is neither: the box says whose it is.
func (m *Model) submit() tea.Cmd {
	text := m.input.value()
	switch _, err := m.parseLeadRef(text); {
	case err == nil:
		id, _ := m.input.parse(m.parseLeadRef)
		m.input.consume()
		m.setFocus(focusContent)
		return m.openTarget(common.Target{Kind: common.TargetLead, ID: id}, true)
	case errors.Is(err, api.ErrForeignAccount):
		m.input.parse(m.parseLeadRef)
		return nil
	}
	if t, ok, cmd := m.recordURL(text); ok {
		if cmd != nil {
			return cmd
		}
		m.input.consume()
		m.setFocus(focusContent)
		return m.openTarget(t, true)
	}
	if _, ok := m.hist.current().(common.Searcher); ok {
		m.setFocus(focusContent)
		return m.queryChanged(true)
	}
	if strings.TrimSpace(text) == "" {
		m.input.parse(m.parseLeadRef) // explains what the box takes
		return nil
	}
	m.setFocus(focusContent)
	return m.openTarget(common.Target{Kind: common.TargetLeads, Query: text}, true)
}

// recordURL reads a contact's or company's web address pasted into the box:
// ok says it is one; cmd is set when it is refused (another account's).
func (m *Model) recordURL(text string) (common.Target, bool, tea.Cmd) {
	kind := map[string]common.TargetKind{api.SectionContacts: common.TargetContact, api.SectionCompanies: common.TargetCompany}
	section := api.RecordURLSection(text)
	if section == "" {
		return common.Target{}, false, nil
	}
	id, err := m.c.Client.ParseRecordRef(section, text)
	if err != nil {
		m.input.invalid = sanitize.Line(err.Error())
		return common.Target{}, true, func() tea.Msg { return nil }
	}
	return common.Target{Kind: kind[section], ID: id}, true, nil
}

// parseLeadRef reads a lead ID or a lead URL of this account: another
// account's URL names a different lead here, so it is refused.
func (m *Model) parseLeadRef(s string) (int64, error) {
	return m.c.Client.ParseLeadRef(s)
}

// queryChanged tells a page driven by the box what it now says.
func (m *Model) queryChanged(submitted bool) tea.Cmd {
	if p, ok := m.hist.current().(common.Searcher); ok {
		return p.(common.Page).Update(common.QueryMsg{Text: m.input.value(), Submitted: submitted})
	}
	return nil
}

func (m *Model) onContentKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := &m.keys
	p := m.hist.current()
	switch {
	case key.Matches(msg, k.Quit):
		return nil, true
	case key.Matches(msg, k.Help):
		m.showHelp = true
	case key.Matches(msg, k.Find):
		m.setFocus(focusInput)
	case startsLookup(msg):
		// Digits and pasted text anywhere go to the box, a new text: a
		// search shown in it stays the list's, put back on leaving.
		if _, ok := p.(common.Searcher); ok {
			m.input.setValue("")
		}
		m.setFocus(focusInput)
		return m.onInputKey(msg), false
	case key.Matches(msg, k.Back):
		return m.stepHistory(-1), false
	case key.Matches(msg, k.Forward):
		return m.stepHistory(1), false
	case key.Matches(msg, k.Open):
		return openCmd(m.open, p.WebURL()), false
	case key.Matches(msg, k.Copy):
		return copyCmd(m.clipboard, p.WebURL()), false
	case key.Matches(msg, k.RefreshAccount):
		return m.refreshDirectory(), false
	case p != nil:
		return p.Update(msg), false
	}
	return nil, false
}

// startsLookup is a key that begins typing a lead: a digit, or a paste.
func startsLookup(msg tea.KeyMsg) bool {
	if msg.Type != tea.KeyRunes || msg.Alt || len(msg.Runes) == 0 {
		return false
	}
	return msg.Paste || (len(msg.Runes) == 1 && msg.Runes[0] >= '0' && msg.Runes[0] <= '9')
}

func (m *Model) setFocus(f focusArea) {
	m.focus = f
	if f == focusInput {
		m.input.focus()
	} else {
		m.input.blur()
	}
}
