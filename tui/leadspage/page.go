// Package leadspage is the leads list: views as tabs ("My open leads",
// "All open", "Updated today", "Closest task overdue" and the ones in
// config.json), each with its own search, filters, sort, rows and cursor.
// The find box searches the view on screen (the page is a
// common.Searcher); enter opens the lead under the cursor.
package leadspage

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/views"
)

// Page is the leads list. It fetches nothing until it is first shown.
type Page struct {
	id    common.PageID
	c     *common.Context
	keys  keyMap
	views []*view

	active        int
	width, height int
	onScreen      bool

	feature    filterFeature
	probe      *flight
	accountErr error // why the account data could not be loaded, until it is

	picker *picker
	status common.StatusLine
	seq    uint64
	frame  frame
}

// frame is the page's lines as relayout drew them.
type frame struct {
	tabs, scope, hint string
	body              []string // in place of the table: a message or the picker
}

// New returns the page with vs as its tabs (views.All gives the built-in
// ones and the configured ones); an empty vs lists every lead.
func New(c *common.Context, id common.PageID, vs []views.View) *Page {
	if len(vs) == 0 {
		vs = []views.View{{Name: "All leads"}}
	}
	p := &Page{id: id, c: c, keys: newKeyMap()}
	for _, def := range vs {
		p.views = append(p.views, newView(c, def))
	}
	return p
}

// ID names the page.
func (p *Page) ID() common.PageID { return p.id }

// Title names the page in the header.
func (p *Page) Title() string { return "Leads" }

// Query is the find box's text for the view on screen.
func (p *Page) Query() string { return p.views[p.active].text }

// Capturing is true while the filter picker is open: it takes every key.
func (p *Page) Capturing() bool { return p.picker != nil }

// Activate shows the page: the view on screen fetches what it lacks.
func (p *Page) Activate() tea.Cmd {
	p.onScreen = true
	p.relayout()
	return p.ensure()
}

// Deactivate calls off the fetches; the next visit resumes them.
func (p *Page) Deactivate() {
	p.onScreen = false
	p.interruptProbe()
	for _, v := range p.views {
		v.interrupt()
	}
}

// Close stops everything for good.
func (p *Page) Close() { p.Deactivate() }

// SetSize lays the page out for its area.
func (p *Page) SetSize(width, height int) {
	p.width, p.height = width, height
	p.relayout()
}

// Status is the page's last message.
func (p *Page) Status() common.Status { return p.status.Status }

// Busy says what the view on screen is loading.
func (p *Page) Busy() string {
	v := p.views[p.active]
	switch {
	case v.list.flight == nil && v.list.parked == nil:
		return ""
	case v.list.loaded > 0:
		return "Loading more leads…"
	case v.applied != "":
		return "Searching…"
	}
	return "Loading leads…"
}

// WebURL is the selected lead's page in Kommo.
func (p *Page) WebURL() string {
	if l, ok := p.views[p.active].table.Selected(); ok && p.c.Client != nil {
		return p.c.Client.LeadWebURL(l.ID)
	}
	return ""
}

// Position is the cursor's row, "+" while more rows exist.
func (p *Page) Position() string {
	v := p.views[p.active]
	pos := v.table.Position()
	if pos != "" && v.list.hasNext {
		pos += "+"
	}
	return pos
}

// ShortHelp is the page's part of the footer.
func (p *Page) ShortHelp() []key.Binding {
	if p.picker != nil {
		return p.picker.keys.short()
	}
	return p.keys.short()
}

// FullHelp is the page's part of the help screen.
func (p *Page) FullHelp() [][]key.Binding {
	if p.picker != nil {
		return p.picker.keys.full()
	}
	return p.keys.full()
}

func (p *Page) say(kind common.StatusKind, text string) tea.Cmd {
	return p.status.Set(p.c, p.id, kind, text)
}

func (p *Page) viewAt(i int) *view {
	if i < 0 || i >= len(p.views) {
		return nil
	}
	return p.views[i]
}

// Update handles the page's keys and answers.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyMsg:
		cmd = p.onKey(msg)
	case tea.MouseMsg:
		if p.picker == nil && p.views[p.active].table.Update(msg, &p.keys.ScrollKeys) {
			cmd = p.ensure()
		}
	case common.QueryMsg:
		cmd = p.onQuery(msg)
	case common.AccountMsg:
		cmd = p.onAccount(msg)
	case debounceMsg:
		cmd = p.onDebounce(msg)
	case pageMsg:
		cmd = p.onPage(msg)
	case contactsMsg:
		cmd = p.onNames(msg)
	case probeMsg:
		cmd = p.onProbe(msg)
	case common.FadeMsg:
		p.status.Faded(msg)
	}
	p.relayout()
	return cmd
}

// onAccount resumes a view that waited for the account data, or says why
// it still cannot list.
func (p *Page) onAccount(msg common.AccountMsg) tea.Cmd {
	p.accountErr = msg.Err
	if msg.Err != nil {
		return nil
	}
	return p.ensure()
}

func (p *Page) onKey(msg tea.KeyMsg) tea.Cmd {
	if p.picker != nil {
		return p.onPickerKey(msg)
	}
	k := &p.keys
	v := p.views[p.active]
	switch {
	case key.Matches(msg, k.Open):
		if l, ok := v.table.Selected(); ok {
			return common.Navigate(common.Target{Kind: common.TargetLead, ID: l.ID})
		}
	case key.Matches(msg, k.NextView):
		return p.show((p.active + 1) % len(p.views))
	case key.Matches(msg, k.PrevView):
		return p.show((p.active + len(p.views) - 1) % len(p.views))
	case key.Matches(msg, k.GotoView):
		if i := int(msg.Runes[0] - '1'); i < len(p.views) {
			return p.show(i)
		}
	case key.Matches(msg, k.Filters):
		p.openPicker()
	case key.Matches(msg, k.Sort):
		return p.cycleSort()
	case key.Matches(msg, k.Reload):
		return p.reload()
	case v.table.Update(msg, &k.ScrollKeys):
		return p.ensure()
	}
	return nil
}

// show puts view i on screen with its rows and cursor as they were left.
func (p *Page) show(i int) tea.Cmd {
	if i == p.active {
		return nil
	}
	p.active = i
	p.relayout()
	return p.ensure()
}

// reload reads the view again from page 1, the cursor back on its lead;
// after a failed later page it asks for that page only. It also asks the
// root for the account data when that failed.
func (p *Page) reload() tea.Cmd {
	v := p.views[p.active]
	if p.c.NamesVersion == 0 {
		p.accountErr = nil
		return common.NeedAccount()
	}
	if v.list.err != nil && v.list.loaded > 0 {
		v.list.err = nil
		return p.ensure()
	}
	reselect := int64(0)
	if l, ok := v.table.Selected(); ok {
		reselect = l.ID
	}
	v.reset()
	v.reselect = reselect
	v.names.failed = false
	return p.ensure()
}

// cycleSort moves to the next order: Kommo sorts by update and creation
// (page 1 again), price is sorted here over the loaded rows.
func (p *Page) cycleSort() tea.Cmd {
	v := p.views[p.active]
	next := v.sort.next()
	kommoChanged := next.kommo != v.sort.kommo
	v.sort = next
	if kommoChanged || (!next.price && v.list.loaded > 0) {
		v.reset()
		return tea.Batch(p.ensure(), p.sortNote(v))
	}
	v.table.SetLeads(byPrice(v.table.Leads())) // the cursor starts at the top of the new order
	return p.sortNote(v)
}

func (p *Page) sortNote(v *view) tea.Cmd {
	if v.sort.price {
		over := "the leads loaded so far"
		if n := v.table.Len(); n > 0 {
			over = "the " + common.Money(float64(n), "") + " leads loaded so far"
		}
		return p.say(common.StatusInfo, "Sorted by price on this computer, over "+over+": Kommo cannot sort by price")
	}
	return p.say(common.StatusInfo, "Sorted by "+v.sort.label())
}
