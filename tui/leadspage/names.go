package leadspage

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// namesState is a view's main contact names: which leads' contacts were
// asked for, and the one request in flight.
type namesState struct {
	asked   map[int64]struct{} // lead IDs whose main contact was asked for (or has none)
	flight  *flight
	pending []int64 // the leads the flight asks for
	failed  bool    // the last request failed; not retried until a reload
}

// interrupt calls the request off; its leads are asked for again later.
func (n *namesState) interrupt() {
	if n.flight == nil {
		return
	}
	n.flight.stop()
	n.flight = nil
	for _, id := range n.pending {
		delete(n.asked, id)
	}
	n.pending = nil
}

// fetchNames asks, in one batched request, for the main contacts of the
// view's loaded leads not asked for yet, when the table shows them.
func (p *Page) fetchNames(vi int) tea.Cmd {
	v := p.views[vi]
	n := &v.names
	if !p.onScreen || n.flight != nil || n.failed || !v.table.ShowsContacts() {
		return nil
	}
	leads := v.table.Leads()
	var leadIDs, contactIDs []int64
	byContact := map[int64][]int64{}
	for i := range leads {
		l := &leads[i]
		if _, done := n.asked[l.ID]; done {
			continue
		}
		n.asked[l.ID] = struct{}{}
		contact := l.MainContactID()
		if contact == 0 {
			continue
		}
		leadIDs = append(leadIDs, l.ID)
		if _, dup := byContact[contact]; !dup {
			contactIDs = append(contactIDs, contact)
		}
		byContact[contact] = append(byContact[contact], l.ID)
		if len(contactIDs) == api.MaxLeadPageSize {
			break // one request's worth; the rest go in the next one
		}
	}
	if len(contactIDs) == 0 {
		return nil
	}
	f := p.newFlight()
	n.flight, n.pending = f, leadIDs
	return fetchContactNames(p.namesContext(f), p.c.Client, p.id, vi, f.seq, leadIDs, contactIDs, byContact)
}

// namesContext is a background request's context: a person waits for the
// rows, not for the names beside them, so a lead or a page asked for
// meanwhile goes first.
func (p *Page) namesContext(f *flight) context.Context {
	ctx, cancel := context.WithCancel(p.c.Lifetime)
	f.cancel = cancel
	return api.WithPriority(ctx, api.Background)
}

func fetchContactNames(ctx context.Context, client *api.Client, page common.PageID, vi int, seq uint64,
	leadIDs, contactIDs []int64, byContact map[int64][]int64) tea.Cmd {
	return func() tea.Msg {
		contacts, err := client.Contacts(ctx, contactIDs)
		msg := contactsMsg{page: page, view: vi, seq: seq, asked: leadIDs, err: err}
		if err != nil {
			return msg
		}
		msg.names = make(map[int64]string, len(leadIDs))
		for _, c := range contacts {
			name := sanitize.Line(clip(c.Name, maxNameBytes))
			for _, lead := range byContact[c.ID] {
				msg.names[lead] = name
			}
		}
		return msg
	}
}

// onNames shows the names that arrived and asks for the next batch.
func (p *Page) onNames(msg contactsMsg) tea.Cmd {
	v := p.viewAt(msg.view)
	if v == nil || v.names.flight == nil || v.names.flight.seq != msg.seq {
		return nil
	}
	v.names.flight.stop()
	v.names.flight, v.names.pending = nil, nil
	if msg.err != nil {
		v.names.failed = true
		return p.say(common.StatusWarn, "Could not load the main contacts' names: "+common.ErrorText(msg.err))
	}
	v.table.SetContactNames(msg.names)
	return p.fetchNames(msg.view)
}
