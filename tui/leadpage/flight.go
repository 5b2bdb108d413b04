package leadpage

import (
	"context"
	"errors"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// flight is the page's work in progress: a refresh of the lead, or the
// parts (contacts, companies, catalog elements) being resolved.
type flight struct {
	seq     uint64
	cancel  context.CancelFunc
	pending map[partKey]bool // parts asked for and not yet answered; nil while the lead itself is refreshed
	refresh bool
	failed  []string // parts that failed, for the status line
	cut     []string // parts a bound cut short
}

// partKey names one request of a flight: a kind, and for catalog elements
// the catalog.
type partKey struct {
	kind      tabKind
	catalogID int64
}

// fetchParts sends one batched request per pending or failed kind (and per
// catalog) of the lead, in parallel; each fills its tab as it lands.
func (p *Page) fetchParts(refresh bool) tea.Cmd {
	d := p.data
	if d.busy != 0 && d.busy != uint64(p.id) {
		return nil // another page showing this lead is already asking
	}
	p.seq++
	ctx, cancel := context.WithCancel(p.c.Lifetime)
	f := &flight{seq: p.seq, cancel: cancel, pending: map[partKey]bool{}, refresh: refresh}
	// One budget for the whole lookup: a lead linking a hundred endless
	// lists costs a bounded number of requests and bytes, not a hundred times.
	client := p.c.Client.WithBudget(api.NewBudget(api.LookupMaxBytes, api.LookupMaxPages))
	var cmds []tea.Cmd
	if d.contacts.wanted() {
		d.contacts.state = partPending
		f.pending[partKey{kind: tabContacts}] = true
		cmds = append(cmds, fetchContacts(ctx, client, p.id, f.seq, contactIDs(d.Lead)))
	}
	if d.companies.wanted() {
		d.companies.state = partPending
		f.pending[partKey{kind: tabCompanies}] = true
		cmds = append(cmds, fetchCompanies(ctx, client, p.id, f.seq, companyIDs(d.Lead)))
	}
	for _, catalogID := range d.catalogIDs() {
		part := d.catalogs[catalogID]
		if part.wanted() {
			part.state = partPending
			f.pending[partKey{kind: tabCatalog, catalogID: catalogID}] = true
			cmds = append(cmds, fetchCatalog(ctx, client, p.id, f.seq, catalogID, catalogElementIDs(d.Lead, catalogID)))
		}
	}
	if len(cmds) == 0 {
		cancel()
		return p.finished(refresh, nil, nil)
	}
	d.busy = uint64(p.id)
	d.version++
	p.flight = f
	return tea.Batch(cmds...)
}

// refresh refetches the lead and then its parts, bypassing the cache; the
// lead on screen stays until the new one arrives.
func (p *Page) refresh() tea.Cmd {
	p.cancelFlight()
	// The last refresh's "Refreshed" must not stand while this one runs.
	p.status.Clear(p.c)
	p.seq++
	ctx, cancel := context.WithCancel(p.c.Lifetime)
	p.flight = &flight{seq: p.seq, cancel: cancel, refresh: true}
	return FetchLead(ctx, p.c.Client, p.id, p.seq, p.data.ID)
}

// cancelFlight stops what is in flight; parts it was resolving show as
// not loaded, and the next visit fetches them.
func (p *Page) cancelFlight() {
	f := p.flight
	if f == nil {
		return
	}
	f.cancel()
	p.flight = nil
	d := p.data
	if d.busy == uint64(p.id) {
		d.busy = 0
	}
	if len(f.pending) == 0 {
		return
	}
	for key := range f.pending {
		switch key.kind {
		case tabContacts:
			d.contacts.settle(nil, errInterrupted, nil)
		case tabCompanies:
			d.companies.settle(nil, errInterrupted, nil)
		case tabCatalog:
			d.catalogs[key.catalogID].settle(nil, errInterrupted, nil)
		}
	}
	d.version++
}

func (p *Page) inFlight(seq uint64) bool {
	return p.flight != nil && p.flight.seq == seq
}

// onRefreshed takes the refetched lead: it replaces the cached one and its
// parts are resolved anew.
func (p *Page) onRefreshed(msg FetchedMsg) tea.Cmd {
	if !p.inFlight(msg.Seq) || p.flight.pending != nil {
		return nil
	}
	p.flight.cancel()
	p.flight = nil
	if msg.Err != nil {
		return p.say(common.StatusError, "Lead "+strconv.FormatInt(msg.ID, 10)+": "+common.ErrorText(msg.Err))
	}
	p.data = p.cache.Put(msg.Lead)
	return p.fetchParts(true)
}

// finished settles the status once every part of a flight has answered.
func (p *Page) finished(refresh bool, failed, cut []string) tea.Cmd {
	switch {
	case len(failed) > 0:
		return p.say(common.StatusError, strings.Join(append(failed, cut...), "; "))
	case len(cut) > 0:
		return p.say(common.StatusWarn, strings.Join(cut, "; "))
	case refresh:
		return p.say(common.StatusInfo, "Refreshed")
	}
	p.status.Clear(p.c)
	return nil
}

// onPart records one kind of related data. An answer the flight is not
// waiting for (stale, or a duplicate) is dropped.
func (p *Page) onPart(seq uint64, key partKey, settle func(d *Data) (what string, err error)) tea.Cmd {
	if !p.inFlight(seq) || !p.flight.pending[key] {
		return nil
	}
	f := p.flight
	delete(f.pending, key)
	what, err := settle(p.data)
	p.data.version++
	var cut *api.Cut
	switch {
	case errors.As(err, &cut):
		f.cut = append(f.cut, cutNote(p.c, cut))
	case err != nil:
		f.failed = append(f.failed, "Could not load "+what+": "+common.ErrorText(err))
	}
	if len(f.pending) > 0 {
		return nil
	}
	f.cancel()
	p.flight = nil
	p.data.busy = 0
	return p.finished(f.refresh, f.failed, f.cut)
}

func (p *Page) onContacts(msg contactsMsg) tea.Cmd {
	return p.onPart(msg.seq, partKey{kind: tabContacts}, func(d *Data) (string, error) {
		d.contacts.settle(msg.contacts, msg.err, p.cutNote)
		return "contacts", msg.err
	})
}

func (p *Page) onCompanies(msg companiesMsg) tea.Cmd {
	return p.onPart(msg.seq, partKey{kind: tabCompanies}, func(d *Data) (string, error) {
		d.companies.settle(msg.companies, msg.err, p.cutNote)
		return "companies", msg.err
	})
}

func (p *Page) onCatalog(msg catalogMsg) tea.Cmd {
	return p.onPart(msg.seq, partKey{kind: tabCatalog, catalogID: msg.catalogID}, func(d *Data) (string, error) {
		d.catalogs[msg.catalogID].settle(msg.elements, msg.err, p.cutNote)
		return catalogLabel(p.c.Names, msg.catalogID), msg.err
	})
}

func (p *Page) cutNote(cut *api.Cut) string { return cutNote(p.c, cut) }

// cutNote says what a bound left out, naming the list when it is known.
func cutNote(c *common.Context, cut *api.Cut) string {
	name, _ := c.Names.CatalogName(cut.CatalogID)
	return sanitize.Line(cut.Note(name))
}
