package leadspage

import (
	"context"
	"strconv"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/views"
)

// Paging: Kommo's largest page, so scrolling through 2,000 leads costs 8
// requests (each ~5 ms to decode); and bounds that stop a server paging
// forever, or a filter this computer applies that keeps nothing.
const (
	PageSize = api.MaxLeadPageSize
	MaxPages = 40   // 10,000 leads read at most per view
	MaxRows  = 5000 // rows kept per view
)

// ensure fetches what the view on screen lacks: page 1, the next page when
// the cursor nears the end (or the screen is not full), contact names.
// Nothing is fetched before the page is first shown.
func (p *Page) ensure() tea.Cmd {
	if !p.onScreen {
		return nil
	}
	v := p.views[p.active]
	l := &v.list
	switch {
	case l.parked != nil || l.flight != nil:
	case l.loaded == 0 && l.err == nil && v.resolveErr == nil:
		return p.fetchFirst(p.active)
	case l.hasNext && l.err == nil && p.wantsMore(v):
		return tea.Batch(p.fetchPage(p.active), p.fetchNames(p.active))
	}
	return p.fetchNames(p.active)
}

// wantsMore: the cursor is near the last row, or the rows do not fill the
// screen (as when this computer filters out most of a page).
func (p *Page) wantsMore(v *view) bool {
	return v.table.NearEnd() || v.table.Len() < p.tableHeight()
}

// fetchFirst resolves the view into a query and asks for page 1. Without
// the account data "me" and "open" mean nothing: the view waits for the
// root's AccountMsg, which resumes it or explains.
func (p *Page) fetchFirst(vi int) tea.Cmd {
	v := p.views[vi]
	q, err := p.resolve(v)
	if err != nil {
		if p.c.NamesVersion > 0 {
			v.resolveErr = err
		}
		return nil
	}
	v.q = q
	v.list.started = true
	v.list.next = 1
	return tea.Batch(p.probeFilters(q), p.fetchPage(vi))
}

// resolve turns the view, its search and its sort into a Kommo query.
func (p *Page) resolve(v *view) (api.LeadQuery, error) {
	var dir = accountOf(p.c)
	def := v.def
	def.Query = v.applied
	q, err := def.Resolve(dir, p.c.Now(), p.c.Loc())
	q.Sort = v.sort.kommo
	q.Limit = PageSize
	q.WithContacts = true
	return q, err
}

func accountOf(c *common.Context) views.Account {
	if c.Names == nil {
		return views.Account{}
	}
	return views.AccountFrom(c.Names.Dir)
}

// fetchPage asks for the view's next page; a phone or an e-mail on page 1
// also finds the leads of contacts that have it (SearchLeads).
func (p *Page) fetchPage(vi int) tea.Cmd {
	v := p.views[vi]
	f := p.newFlight()
	ctx, cancel := context.WithCancel(p.c.Lifetime)
	f.cancel = cancel
	v.list.flight = f
	client, id, q, number := p.c.Client, p.id, v.q, v.list.next
	return func() tea.Msg {
		page, err := client.SearchLeads(ctx, q, number)
		return pageMsg{page: id, view: vi, seq: f.seq, number: number, result: page, err: err}
	}
}

func (p *Page) newFlight() *flight {
	p.seq++
	return &flight{seq: p.seq, cancel: func() {}}
}

// onPage takes a page the view is waiting for; page 1 waits for the filter
// probe when one is out.
func (p *Page) onPage(msg pageMsg) tea.Cmd {
	v := p.viewAt(msg.view)
	if v == nil || v.list.flight == nil || v.list.flight.seq != msg.seq {
		return nil
	}
	v.list.flight.stop()
	v.list.flight = nil
	if msg.err == nil && msg.number == 1 && p.feature == featureProbing {
		v.list.parked = &msg
		return nil
	}
	return p.takePage(msg.view, msg)
}

// takePage adds a page's leads to the view: repeats dropped, filtered here
// what Kommo did not filter, sorted by price when asked; then the next
// page if the screen wants it.
func (p *Page) takePage(vi int, msg pageMsg) tea.Cmd {
	v := p.views[vi]
	l := &v.list
	if msg.err != nil {
		l.err = msg.err
		if l.loaded == 0 {
			return nil // the page body says it
		}
		return p.say(common.StatusError, "Could not load more leads: "+common.ErrorText(msg.err)+" (r retries)")
	}
	var cmds []tea.Cmd
	page := msg.result
	if p.feature.applied() && v.q.IgnoredBy(page) {
		cmds = append(cmds, p.filtersOff())
	}
	if page.ContactSearchErr != nil {
		cmds = append(cmds, p.say(common.StatusWarn, "Searching contacts failed, showing the lead search only: "+common.ErrorText(page.ContactSearchErr)))
	}
	fresh, kept := p.sift(v, page.Leads)
	l.loaded++
	l.read += len(page.Leads)
	l.next = msg.number + 1
	l.hasNext = page.HasNext && fresh > 0
	p.addRows(v, kept)
	if msg.number == 1 && v.reselect != 0 {
		v.table.Select(v.reselect)
		v.reselect = 0
	}
	if stop := p.capReached(v); stop != "" && l.hasNext {
		l.hasNext, l.capped = false, true
		cmds = append(cmds, p.say(common.StatusWarn, stop))
	}
	if vi == p.active {
		cmds = append(cmds, p.ensure())
	}
	return tea.Batch(cmds...)
}

// sift drops leads already read and, where this computer filters, those
// the view does not allow. fresh counts the leads not read before.
func (p *Page) sift(v *view, leads []api.Lead) (fresh int, kept []api.Lead) {
	local := v.q.LocalFilter(p.feature.applied())
	if local.HasFilters() {
		v.list.localFilter = true
	}
	kept = make([]api.Lead, 0, len(leads))
	for i := range leads {
		ld := &leads[i]
		if _, dup := v.list.seen[ld.ID]; dup {
			continue
		}
		v.list.seen[ld.ID] = struct{}{}
		fresh++
		if local.HasFilters() && !local.Matches(ld) {
			continue
		}
		kept = append(kept, slim(ld))
	}
	return fresh, kept
}

// addRows puts rows under the others, or among them by price.
func (p *Page) addRows(v *view, rows []api.Lead) {
	if room := MaxRows - v.table.Len(); len(rows) > room {
		rows = rows[:max(0, room)]
	}
	if !v.sort.price {
		v.table.Append(rows)
		return
	}
	all := append(append([]api.Lead(nil), v.table.Leads()...), rows...)
	p.replaceRows(v, all)
}

// replaceRows shows rows (in price order when so sorted), keeping the
// cursor on the lead it was on when that lead is still there.
func (p *Page) replaceRows(v *view, rows []api.Lead) {
	sel, had := v.table.Selected()
	if v.sort.price {
		rows = byPrice(rows)
	}
	v.table.SetLeads(rows)
	if had {
		v.table.Select(sel.ID)
	}
}

// capReached says why paging stops early, "" while it may go on.
func (p *Page) capReached(v *view) string {
	switch {
	case v.table.Len() >= MaxRows:
		return "Stopped at " + strconv.Itoa(MaxRows) + " leads: narrow the search or the filters to see the rest"
	case v.list.loaded >= MaxPages:
		return "Stopped after reading " + strconv.Itoa(v.list.read) + " leads: narrow the search or the filters to see the rest"
	}
	return ""
}
