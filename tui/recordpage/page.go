// Package recordpage is the pages of the records a lead links to: a
// contact's or a company's page (its facts, its leads as a table with a
// cursor, its custom fields, its companies or contacts, its tags and the
// raw JSON) and a list (catalog) element's page. Enter on a lead, a
// company or a contact opens its page through the root.
package recordpage

import (
	"context"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/leadlist"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// Page shows one contact or company. Its data comes from the shared
// Cache; the page loads the leads when it first comes on screen and the
// linked records when their tab is first shown.
type Page struct {
	id    common.PageID
	c     *common.Context
	cache *Cache
	data  *Data
	keys  keyMap

	width, height int
	active        tabKind
	summary       summaryState
	leads         leadsView
	tabs          [tabCount]tabState // every tab but Leads
	json          common.JSONDoc[*Data]

	requests [requestCount]*request
	seq      uint64
	status   common.StatusLine
}

// leadsView is the Leads tab: the table keeps its cursor while the page is
// in history.
type leadsView struct {
	table *leadlist.Model
	data  *Data // what the table shows
	shown int   // how many of data's leads are in the table
	head  []string
	drawn tabKey
}

// tabState is one tab's rendered content and scroll position; it is
// redrawn only when what it depends on changes.
type tabState struct {
	drawn tabKey
	head  []string
	view  *common.ListView
}

type tabKey struct {
	data         *Data
	version      int
	namesVersion int
	width        int
	doc          int // which build of the JSON tab's content
}

// tabContent is a tab rendered for a width: an optional fixed head and the
// scrolling body.
type tabContent struct {
	head []string
	body common.Items
}

func newPage(c *common.Context, cache *Cache, id common.PageID, d *Data) *Page {
	p := &Page{id: id, c: c, cache: cache, data: d, keys: newKeyMap(int(tabCount), "refresh "+noun(d.rec.kind))}
	p.leads.table = leadlist.New(c)
	for i := range p.tabs {
		p.tabs[i].view = common.NewListView()
	}
	return p
}

// ID names the page.
func (p *Page) ID() common.PageID { return p.id }

// Target is what the page shows.
func (p *Page) Target() common.Target { return common.Target{Kind: p.data.rec.kind, ID: p.data.rec.id} }

// Title is the record's name, or its kind and number.
func (p *Page) Title() string {
	if name := strings.TrimSpace(sanitize.Line(p.data.rec.name)); name != "" {
		return name
	}
	return strings.ToUpper(noun(p.data.rec.kind)[:1]) + noun(p.data.rec.kind)[1:] + " " + strconv.FormatInt(p.data.rec.id, 10)
}

// WebURL is the record's page in Kommo.
func (p *Page) WebURL() string {
	if p.data.rec.kind == common.TargetCompany {
		return p.c.Client.CompanyWebURL(p.data.rec.id)
	}
	return p.c.Client.ContactWebURL(p.data.rec.id)
}

// Activate loads what is missing (or failed) for the tab on screen.
func (p *Page) Activate() tea.Cmd { return p.settle(true) }

// Deactivate stops loading: what was in flight shows as not loaded, and the
// next visit asks again.
func (p *Page) Deactivate() { p.stopAll() }

// Close stops everything for good.
func (p *Page) Close() { p.stopAll() }

// Status is the page's last message.
func (p *Page) Status() common.Status { return p.status.Status }

// Busy says what is loading.
func (p *Page) Busy() string {
	switch {
	case p.requests[reqRecord] != nil:
		return "Refreshing " + noun(p.data.rec.kind) + " " + strconv.FormatInt(p.data.rec.id, 10) + "…"
	case p.requests[reqLeads] != nil:
		return "Loading leads…"
	case p.requests[reqLinked] != nil:
		return "Loading " + linkedNoun(p.data.rec.kind) + "…"
	}
	return ""
}

func (p *Page) say(kind common.StatusKind, text string) tea.Cmd {
	return p.status.Set(p.c, p.id, kind, text)
}

// SetSize lays the page out for its area.
func (p *Page) SetSize(width, height int) {
	p.width, p.height = width, height
	p.relayout()
}

// Update handles the page's keys and answers.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyMsg:
		cmd = p.onKey(msg)
	case tea.MouseMsg:
		p.onMouse(msg)
	case FetchedMsg:
		cmd = p.onRefreshed(msg)
	case leadsMsg:
		cmd = p.onLeads(msg)
	case linkedMsg:
		cmd = p.onLinked(msg)
	case common.JSONBuiltMsg[*Data]:
		p.json.Built(msg)
	case common.FadeMsg:
		p.status.Faded(msg)
	}
	return tea.Batch(cmd, p.settle(false))
}

// settle lays the page out and starts whatever the tab on screen needs;
// retry asks again for what failed.
func (p *Page) settle(retry bool) tea.Cmd {
	p.relayout()
	cmd := p.ensure(retry)
	if cmd != nil {
		p.relayout() // the tab now says what is loading
	}
	return cmd
}

func (p *Page) onKey(msg tea.KeyMsg) tea.Cmd {
	k := &p.keys
	if t, ok := k.SwitchTab(msg, int(p.active), int(tabCount)); ok {
		p.active = tabKind(t)
		return nil
	}
	switch {
	case key.Matches(msg, k.Refresh):
		return p.refresh()
	case key.Matches(msg, k.Open):
		if t, ok := p.selected(); ok {
			return common.Navigate(t)
		}
	case p.active == tabLeads:
		p.leads.table.Update(msg, &k.ScrollKeys)
	default:
		k.HandleScroll(msg, p.tabs[p.active].view.Keys())
	}
	return nil
}

func (p *Page) onMouse(msg tea.MouseMsg) {
	if !p.c.Mouse {
		return
	}
	if p.active == tabLeads {
		p.leads.table.Update(msg, &p.keys.ScrollKeys)
		return
	}
	p.tabs[p.active].view.Scroll().HandleMouse(msg)
}

// selected is what enter opens on the tab on screen: the lead, company or
// contact under the cursor.
func (p *Page) selected() (common.Target, bool) {
	if p.active == tabLeads {
		if len(p.data.rec.leadIDs) == 0 {
			return common.Target{}, false
		}
		l, ok := p.leads.table.Selected()
		return common.Target{Kind: common.TargetLead, ID: l.ID}, ok
	}
	return p.tabs[p.active].view.Selected()
}

// ShortHelp is the page's part of the footer.
func (p *Page) ShortHelp() []key.Binding { return p.keys.short() }

// FullHelp is the page's part of the help screen.
func (p *Page) FullHelp() [][]key.Binding { return p.keys.full() }

// Position is where the tab on screen is scrolled.
func (p *Page) Position() string {
	if p.active == tabLeads {
		if p.leads.table.Len() == 0 {
			return ""
		}
		return p.leads.table.Position()
	}
	return p.tabs[p.active].view.Scroll().Position()
}

// requestKind names what a page may have in flight, one of each at most.
type requestKind int

const (
	reqRecord requestKind = iota // a refresh of the record itself
	reqLeads
	reqLinked
	requestCount
)

type request struct {
	seq    uint64
	cancel context.CancelFunc
}

// start begins a request of kind, replacing one in flight.
func (p *Page) start(kind requestKind) (context.Context, uint64) {
	p.stop(kind)
	p.seq++
	ctx, cancel := context.WithCancel(p.c.Lifetime)
	p.requests[kind] = &request{seq: p.seq, cancel: cancel}
	return ctx, p.seq
}

func (p *Page) stop(kind requestKind) {
	if r := p.requests[kind]; r != nil {
		r.cancel()
		p.requests[kind] = nil
	}
}

// answered reports whether seq is the request of kind in flight, and ends it.
func (p *Page) answered(kind requestKind, seq uint64) bool {
	r := p.requests[kind]
	if r == nil || r.seq != seq {
		return false
	}
	r.cancel()
	p.requests[kind] = nil
	return true
}

// stopAll cancels everything; parts that were loading show as not loaded.
func (p *Page) stopAll() {
	d := p.data
	if p.requests[reqLeads] != nil {
		d.addLeads(nil, nil, errInterrupted)
	}
	if p.requests[reqLinked] != nil {
		d.setLinked(nil, errInterrupted)
	}
	for kind := range requestCount {
		p.stop(kind)
	}
}

// contextFor is a request's context: it ends with the program or when cancelled.
func contextFor(c *common.Context) (context.Context, context.CancelFunc) {
	return context.WithCancel(c.Lifetime)
}
