package recordpage

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/tui/common"
)

// ensure starts what the tab on screen lacks: the first batch of leads
// whatever the tab (the summary counts them), the next batch when the
// cursor nears the end of the loaded ones, the linked records' names on
// their tab, the JSON document on its. retry asks again for what failed.
func (p *Page) ensure(retry bool) tea.Cmd {
	if p.requests[reqRecord] != nil {
		return nil // the record itself is being replaced
	}
	d := p.data
	var cmds []tea.Cmd
	if p.requests[reqLeads] == nil && p.wantLeads(retry) {
		ids := d.nextLeadIDs()
		d.leads.state = partPending
		d.version++
		ctx, seq := p.start(reqLeads)
		cmds = append(cmds, fetchLeads(ctx, p.c.Client, p.id, seq, d, ids))
	}
	if p.active == tabLinked && p.requests[reqLinked] == nil && wanted(d.linked.state, retry) {
		d.linked.state = partPending
		d.version++
		ctx, seq := p.start(reqLinked)
		cmds = append(cmds, fetchLinked(ctx, p.c.Client, p.id, seq, d, linkedKind(d.rec.kind), d.linkedIDs()))
	}
	if p.active == tabJSON {
		cmds = append(cmds, p.json.Build(p.id, d, d.rec.raw, 0))
	}
	return tea.Batch(cmds...)
}

// wanted reports whether a part in state must be asked for.
func wanted(state partState, retry bool) bool {
	return state == partIdle || retry && state == partFailed
}

// wantLeads: the first batch as soon as the page shows, later ones only
// while the cursor is near the end of the table.
func (p *Page) wantLeads(retry bool) bool {
	d := p.data
	if !d.moreLeads() {
		return false
	}
	if d.leads.asked == 0 {
		return wanted(d.leads.state, retry)
	}
	return wanted(d.leads.state, retry) || d.leads.state == partLoaded &&
		p.active == tabLeads && p.leads.data == d && p.leads.table.NearEnd()
}

func (p *Page) onLeads(msg leadsMsg) tea.Cmd {
	if msg.data != p.data || !p.answered(reqLeads, msg.seq) {
		return nil
	}
	p.data.addLeads(msg.ids, msg.leads, msg.err)
	if msg.err != nil {
		return p.say(common.StatusError, "Could not load leads: "+common.ErrorText(msg.err))
	}
	return nil
}

func (p *Page) onLinked(msg linkedMsg) tea.Cmd {
	if msg.data != p.data || !p.answered(reqLinked, msg.seq) {
		return nil
	}
	p.data.setLinked(msg.found, msg.err)
	if msg.err != nil {
		return p.say(common.StatusError, "Could not load "+linkedNoun(p.data.rec.kind)+": "+common.ErrorText(msg.err))
	}
	return nil
}

// refresh fetches the record again, bypassing the cache, then its leads;
// what is on screen stays until the new record arrives.
func (p *Page) refresh() tea.Cmd {
	p.stopAll()
	p.status.Clear(p.c) // the last refresh's "Refreshed" must not stand meanwhile
	ctx, seq := p.start(reqRecord)
	return FetchRecord(ctx, p.c.Client, p.id, seq, p.Target())
}

// onRefreshed takes the refetched record: it replaces the cached one and
// its leads are loaded anew.
func (p *Page) onRefreshed(msg FetchedMsg) tea.Cmd {
	if !p.answered(reqRecord, msg.Seq) {
		return nil
	}
	if msg.Err != nil {
		return p.say(common.StatusError, openError(msg))
	}
	rec, ok := msg.record()
	if !ok {
		return nil
	}
	p.data = p.cache.putRecord(rec)
	return p.say(common.StatusInfo, "Refreshed")
}
