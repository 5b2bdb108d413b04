package tui

import (
	"context"
	"errors"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// lookup shows lead id. A cached, complete lead costs no request; a cached
// one with parts missing fetches only those; refresh refetches everything.
// Whatever was in flight is cancelled. histPos >= 0 when moving in history.
func (m *Model) lookup(id int64, refresh bool, histPos int) tea.Cmd {
	m.cancelFlight()
	if d, ok := m.cache[id]; ok && !refresh {
		m.show(d, histPos)
		if d.complete() {
			m.status.clear()
			return nil
		}
		return m.fetchParts(d, histPos)
	}
	m.seq++
	ctx, cancel := context.WithCancel(m.ctx)
	m.flight = &flight{seq: m.seq, id: id, cancel: cancel, histPos: histPos, refresh: refresh}
	verb := "Loading"
	if refresh {
		verb = "Refreshing"
	}
	m.say(statusLoading, verb+" lead "+strconv.FormatInt(id, 10)+"…")
	cmds := []tea.Cmd{fetchLead(ctx, m.client, m.seq, id), m.spin.Tick}
	if m.namesVersion == 0 && !m.dirLoading {
		// The start-up directory failed; a new lookup is a good time to retry.
		m.dirLoading = true
		cmds = append(cmds, loadDirectory(m.ctx, m.client))
	}
	return tea.Batch(cmds...)
}

// fetchParts sends one batched request per pending or failed kind (and per
// catalog) of d, in parallel; each fills its tab as it lands.
func (m *Model) fetchParts(d *leadData, histPos int) tea.Cmd {
	m.seq++
	ctx, cancel := context.WithCancel(m.ctx)
	f := &flight{seq: m.seq, id: d.id, cancel: cancel, entry: d, histPos: histPos, pending: map[partKey]bool{}}
	var cmds []tea.Cmd
	if d.contacts.state == partPending || d.contacts.state == partFailed {
		d.contacts.state = partPending
		f.pending[partKey{kind: tabContacts}] = true
		cmds = append(cmds, fetchContacts(ctx, m.client, f.seq, contactIDs(d.lead)))
	}
	if d.companies.state == partPending || d.companies.state == partFailed {
		d.companies.state = partPending
		f.pending[partKey{kind: tabCompanies}] = true
		cmds = append(cmds, fetchCompanies(ctx, m.client, f.seq, companyIDs(d.lead)))
	}
	for _, catalogID := range d.catalogIDs() {
		p := d.catalogs[catalogID]
		if p.state == partPending || p.state == partFailed {
			p.state = partPending
			f.pending[partKey{kind: tabCatalog, catalogID: catalogID}] = true
			cmds = append(cmds, fetchCatalog(ctx, m.client, f.seq, catalogID, catalogElementIDs(d.lead, catalogID)))
		}
	}
	if len(cmds) == 0 {
		cancel()
		return nil
	}
	d.version++
	m.flight = f
	m.say(statusLoading, "Loading contacts, companies and products…")
	return tea.Batch(append(cmds, m.spin.Tick)...)
}

// errInterrupted marks parts whose request was cancelled by a newer lookup:
// they show as not loaded, and the next visit fetches them.
var errInterrupted = errors.New("interrupted")

func (m *Model) cancelFlight() {
	f := m.flight
	if f == nil {
		return
	}
	f.cancel()
	m.flight = nil
	if f.entry == nil || len(f.pending) == 0 {
		return
	}
	d := f.entry
	for key := range f.pending {
		switch key.kind {
		case tabContacts:
			d.contacts.settle(nil, errInterrupted)
		case tabCompanies:
			d.companies.settle(nil, errInterrupted)
		case tabCatalog:
			d.catalogs[key.catalogID].settle(nil, errInterrupted)
		}
	}
	d.version++
}

// show puts d on screen and records it in history.
func (m *Model) show(d *leadData, histPos int) {
	m.current = d
	if histPos >= 0 {
		m.hist.moveTo(histPos)
	} else {
		m.hist.visit(d.id)
	}
}

// current reports whether msg answers the lookup in flight; answers to
// cancelled or superseded lookups are dropped.
func (m *Model) inFlight(seq uint64) bool {
	return m.flight != nil && m.flight.seq == seq
}

func (m *Model) onLead(msg leadMsg) tea.Cmd {
	if !m.inFlight(msg.seq) {
		return nil
	}
	f := m.flight
	if msg.err != nil {
		f.cancel()
		m.flight = nil
		// The lead on screen stays; only the status says what happened, and
		// "/" offers the ID again for correcting.
		if f.typed {
			m.input.restore()
		}
		return m.say(statusError, "Lead "+strconv.FormatInt(msg.id, 10)+": "+errorText(msg.err))
	}
	if msg.lead == nil {
		f.cancel()
		m.flight = nil
		return m.say(statusError, "Lead "+strconv.FormatInt(msg.id, 10)+": empty answer")
	}
	d := newLeadData(msg.lead)
	m.cache[msg.id] = d
	m.show(d, f.histPos)
	refresh := f.refresh
	f.cancel()
	m.flight = nil
	if cmd := m.fetchParts(d, f.histPos); cmd != nil {
		m.flight.refresh = refresh
		return cmd
	}
	return m.finished(refresh, nil)
}

// finished settles the status once every part of a lookup has answered.
func (m *Model) finished(refresh bool, failed []string) tea.Cmd {
	if len(failed) > 0 {
		return m.say(statusError, strings.Join(failed, "; "))
	}
	if refresh {
		return m.say(statusInfo, "Refreshed")
	}
	m.status.clear()
	return nil
}

// onPart records one kind of related data for the lead in flight. An
// answer the flight is not waiting for (stale, or a duplicate) is dropped.
func (m *Model) onPart(seq uint64, key partKey, settle func(d *leadData) (what string, err error)) tea.Cmd {
	if !m.inFlight(seq) || !m.flight.pending[key] {
		return nil
	}
	f := m.flight
	delete(f.pending, key)
	what, err := settle(f.entry)
	f.entry.version++
	if err != nil {
		f.failed = append(f.failed, "Could not load "+what+": "+errorText(err))
	}
	if len(f.pending) > 0 {
		return nil
	}
	f.cancel()
	m.flight = nil
	return m.finished(f.refresh, f.failed)
}

func (m *Model) onContacts(msg contactsMsg) tea.Cmd {
	return m.onPart(msg.seq, partKey{kind: tabContacts}, func(d *leadData) (string, error) {
		d.contacts.settle(msg.contacts, msg.err)
		return "contacts", msg.err
	})
}

func (m *Model) onCompanies(msg companiesMsg) tea.Cmd {
	return m.onPart(msg.seq, partKey{kind: tabCompanies}, func(d *leadData) (string, error) {
		d.companies.settle(msg.companies, msg.err)
		return "companies", msg.err
	})
}

func (m *Model) onCatalog(msg catalogMsg) tea.Cmd {
	return m.onPart(msg.seq, partKey{kind: tabCatalog, catalogID: msg.catalogID}, func(d *leadData) (string, error) {
		d.catalogs[msg.catalogID].settle(msg.elements, msg.err)
		return catalogLabel(m.sh.names, msg.catalogID), msg.err
	})
}

func catalogLabel(n *names, id int64) string {
	return "list " + strconv.Quote(n.catalog(id))
}

func (m *Model) onDirectory(msg directoryMsg) tea.Cmd {
	m.dirLoading = false
	if msg.err != nil {
		if m.status.kind == statusError {
			return nil // a lead error says more than the directory's
		}
		return m.say(statusError, "Could not load the account: "+errorText(msg.err))
	}
	d := msg.dir
	m.sh.names = newNames(directoryParts{account: d.Account, pipelines: d.Pipelines, users: d.Users, catalogs: d.Catalogs})
	m.namesVersion++
	return nil
}
