package leadspage

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
)

// filterFeature is whether Kommo applies filter[...] on this account. Some
// accounts have the API filter feature off: Kommo then ignores every
// filter and lists everything, and this side must filter what arrives.
type filterFeature int

const (
	featureUnknown filterFeature = iota // not asked yet
	featureProbing                      // the account is being asked
	featureOn                           // filters apply (or the account did not say and no page contradicted it)
	featureOff                          // the account said so, or a page proved it
)

// FiltersOffNote is the status line's warning on such accounts.
const FiltersOffNote = "This account ignores Kommo's API filters (its filter feature is off): the leads are filtered on this computer"

// applied says whether Kommo can be trusted with filter[...] for now.
func (f filterFeature) applied() bool { return f != featureOff }

// probeFilters settles whether the account applies filters, when q sends
// some and nothing has told yet: the account data's flag when it has one,
// else one request, whose answer holds page 1 of every view until it
// arrives, so no unfiltered row is ever shown as filtered. Either way a
// page that contradicts its filters (IgnoredBy) still turns them off.
func (p *Page) probeFilters(q api.LeadQuery) tea.Cmd {
	if p.feature != featureUnknown || !q.SendsFilters() {
		return nil
	}
	if on := accountFlag(p.c); on != nil {
		if *on {
			p.feature = featureOn
			return nil
		}
		return p.filtersOff()
	}
	p.feature = featureProbing
	ctx, cancel := context.WithCancel(p.c.Lifetime)
	p.probe = &flight{cancel: cancel}
	client, id := p.c.Client, p.id
	return func() tea.Msg {
		_, on, err := client.AccountWithFilterFeature(ctx)
		return probeMsg{page: id, on: on, err: err}
	}
}

// accountFlag is the account data's is_api_filter_enabled, nil when it
// does not say.
func accountFlag(c *common.Context) *bool {
	if c.Names == nil || c.Names.Dir == nil || c.Names.Dir.Account == nil {
		return nil
	}
	return c.Names.Dir.Account.IsAPIFilterEnabled
}

// onProbe settles the feature and lets the pages it held through.
func (p *Page) onProbe(msg probeMsg) tea.Cmd {
	if p.feature != featureProbing {
		return nil
	}
	p.probe.stop()
	p.probe = nil
	p.feature = featureOn
	var cmds []tea.Cmd
	if msg.err == nil && msg.on != nil && !*msg.on {
		cmds = append(cmds, p.filtersOff())
	}
	for i, v := range p.views {
		if parked := v.list.parked; parked != nil {
			v.list.parked = nil
			cmds = append(cmds, p.takePage(i, *parked))
		}
	}
	return tea.Batch(cmds...)
}

// interruptProbe calls the probe off; the next page 1 asks again.
func (p *Page) interruptProbe() {
	if p.feature != featureProbing {
		return
	}
	p.probe.stop()
	p.probe = nil
	p.feature = featureUnknown
	for _, v := range p.views {
		if v.list.parked != nil {
			v.list.parked = nil
			v.list.started = false
		}
	}
}

// filtersOff records that the account ignores filters: every view's rows
// are checked again on this computer, and the status line says so.
func (p *Page) filtersOff() tea.Cmd {
	if p.feature == featureOff {
		return nil
	}
	p.feature = featureOff
	for _, v := range p.views {
		p.refilter(v)
	}
	return p.say(common.StatusWarn, FiltersOffNote)
}

// refilter drops the loaded rows the view's filters do not allow, keeping
// the cursor on its lead when it stays.
func (p *Page) refilter(v *view) {
	local := v.q.LocalFilter(p.feature.applied())
	if v.table.Len() == 0 || !local.HasFilters() {
		return
	}
	v.list.localFilter = true
	var kept []api.Lead
	for _, l := range v.table.Leads() {
		if local.Matches(&l) {
			kept = append(kept, l)
		}
	}
	p.replaceRows(v, kept)
}
