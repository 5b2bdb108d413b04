package tui

import (
	"context"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/leadpage"
	"github.com/leadscope/leadscope/tui/recordpage"
)

// opening is a page whose record is being fetched: it is shown once the
// record arrives, so a failure leaves the page on screen as it was.
type opening struct {
	seq    uint64
	target common.Target
	cancel context.CancelFunc
	typed  bool // typed into the find box, so a failure offers the text again
}

// openTarget shows t: at once when its record is at hand, else once it
// has arrived. Whatever was being opened before is dropped.
func (m *Model) openTarget(t common.Target, typed bool) tea.Cmd {
	m.cancelOpening()
	switch t.Kind {
	case common.TargetLead:
		if d, ok := m.leads.Get(t.ID); ok {
			m.status.Clear(m.c)
			return m.pushPage(leadpage.New(m.c, m.leads, m.newPageID(), d))
		}
		ctx, cancel := context.WithCancel(m.c.Lifetime)
		seq := m.c.NextSeq()
		m.opening = &opening{seq: seq, target: t, cancel: cancel, typed: typed}
		return tea.Batch(leadpage.FetchLead(ctx, m.c.Client, 0, seq, t.ID), m.retryDirectory())
	case common.TargetLeads:
		return m.openList(t.Query)
	case common.TargetContact, common.TargetCompany, common.TargetCatalogElement:
		return m.openRecord(t, typed)
	}
	return nil
}

// openRecord shows a contact, company or list element like a lead: at once
// from the run's cache, else once it has arrived.
func (m *Model) openRecord(t common.Target, typed bool) tea.Cmd {
	if p, ok := recordpage.Open(m.c, m.records, m.newPageID(), t); ok {
		m.status.Clear(m.c)
		return m.pushPage(p)
	}
	ctx, cancel := context.WithCancel(m.c.Lifetime)
	seq := m.c.NextSeq()
	m.opening = &opening{seq: seq, target: t, cancel: cancel, typed: typed}
	return tea.Batch(recordpage.FetchRecord(ctx, m.c.Client, 0, seq, t), m.retryDirectory())
}

// onRecordFetched shows the record that was being opened; a failure
// leaves the page on screen and says so.
func (m *Model) onRecordFetched(msg recordpage.FetchedMsg) tea.Cmd {
	o := m.opening
	if o == nil || o.seq != msg.Seq {
		return nil
	}
	o.cancel()
	m.opening = nil
	p, ok := recordpage.Opened(m.c, m.records, m.newPageID(), msg)
	if !ok {
		if o.typed {
			m.input.restore()
			m.setFocus(focusInput)
		}
		return m.say(common.StatusError, recordpage.OpenError(msg))
	}
	m.status.Clear(m.c)
	return m.pushPage(p)
}

func (m *Model) cancelOpening() {
	if m.opening != nil {
		m.opening.cancel()
		m.opening = nil
	}
}

// openingText is the status line while a page is being fetched.
func (o *opening) text() string {
	switch o.target.Kind {
	case common.TargetLead:
		return "Loading lead " + strconv.FormatInt(o.target.ID, 10) + "…"
	case common.TargetContact, common.TargetCompany, common.TargetCatalogElement:
		return "Loading " + strings.ToLower(recordpage.Describe(o.target)[:1]) + recordpage.Describe(o.target)[1:] + "…"
	}
	return "Loading…"
}

// onLeadFetched shows the lead that was being opened; an answer to an
// opening that was dropped is ignored.
func (m *Model) onLeadFetched(msg leadpage.FetchedMsg) tea.Cmd {
	o := m.opening
	if o == nil || o.seq != msg.Seq {
		return nil
	}
	o.cancel()
	m.opening = nil
	if msg.Err != nil {
		if o.typed {
			m.input.restore()
			m.setFocus(focusInput)
		}
		return tea.Batch(m.say(common.StatusError, "Lead "+strconv.FormatInt(msg.ID, 10)+": "+common.ErrorText(msg.Err)),
			m.showListUnder())
	}
	m.status.Clear(m.c)
	d := m.leads.Put(msg.Lead)
	return tea.Batch(m.pushPage(leadpage.New(m.c, m.leads, m.newPageID(), d)), m.completeDirectory(msg.Lead))
}

// pushPage puts p on screen after the current page.
func (m *Model) pushPage(p common.Page) tea.Cmd {
	if cur := m.hist.current(); cur != nil {
		cur.Deactivate()
	}
	for _, dropped := range m.hist.push(p) {
		dropped.Close()
	}
	return m.activate()
}

// stepHistory moves back (-1) or forward (+1) to a page kept with its state.
func (m *Model) stepHistory(delta int) tea.Cmd {
	cur := m.hist.current()
	if !m.hist.step(delta) {
		return nil
	}
	m.cancelOpening()
	cur.Deactivate()
	m.status.Clear(m.c)
	return m.activate()
}

// activate sizes the page on screen and lets it fetch what it lacks.
func (m *Model) activate() tea.Cmd {
	p := m.hist.current()
	p.SetSize(m.width, m.pageHeight())
	if s, ok := p.(common.Searcher); ok && !m.input.focused() {
		m.input.setValue(s.Query())
	}
	if p.ID() == m.listPage {
		m.listShown = true
	}
	// Account data that failed to load is asked for again on each visit.
	return tea.Batch(p.Activate(), m.retryDirectory())
}

// route delivers a page's answer to that page, on screen or not.
func (m *Model) route(msg common.PageMsg) tea.Cmd {
	if p := m.hist.find(msg.ForPage()); p != nil {
		return p.Update(msg)
	}
	return nil
}
