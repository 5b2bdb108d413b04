// Package leadpage is the lead's page: its summary (every field with IDs
// resolved into names) and tabs for custom fields, tags, contacts,
// companies, catalog elements and the raw JSON.
package leadpage

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
	"github.com/leadscope/leadscope/tui/vscroll"
)

// Page shows one lead. Its data comes from the shared Cache; the page
// fetches what the lead links to when it first comes on screen.
type Page struct {
	id    common.PageID
	c     *common.Context
	cache *Cache
	data  *Data
	keys  keyMap

	width, height int
	active        tabKind
	tabs          [tabCount]tabState
	json          common.JSONDoc[*Data]
	summary       summaryState
	expanded      bool // the summary takes the page, for terminals too short for all of it

	flight *flight
	seq    uint64
	status common.StatusLine
	story  storyPage
}

// tabContent is a tab rendered for a width: an optional fixed head (column
// titles, a loading note) and the scrolling body.
type tabContent struct {
	head []string
	body common.Items
}

// tabState is one tab's rendered content and scroll position; it is redrawn
// only when what it depends on changes.
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
	filter       int // which filter of the Feed tab
}

// New returns the page for a lead already in the cache.
func New(c *common.Context, cache *Cache, id common.PageID, d *Data) *Page {
	p := &Page{id: id, c: c, cache: cache, data: d, keys: newKeyMap()}
	for i := range p.tabs {
		p.tabs[i].view = common.NewListView()
	}
	p.summary.all = common.NewListView()
	return p
}

// ID names the page.
func (p *Page) ID() common.PageID { return p.id }

// LeadID is the lead on the page.
func (p *Page) LeadID() int64 { return p.data.ID }

// Title is the lead's name, or its number.
func (p *Page) Title() string {
	if name := sanitize.Line(p.data.Lead.Name); name != "" {
		return name
	}
	return "Lead " + strconv.FormatInt(p.data.ID, 10)
}

// WebURL is the lead's page in Kommo.
func (p *Page) WebURL() string { return p.c.Client.LeadWebURL(p.data.ID) }

// Activate resolves whatever the lead links to that is not known yet.
func (p *Page) Activate() tea.Cmd {
	var cmds []tea.Cmd
	if !p.data.Complete() && p.flight == nil {
		cmds = append(cmds, p.fetchParts(false))
	}
	p.story.onScreen = true
	p.retryStory()
	cmds = append(cmds, p.settle())
	return tea.Batch(cmds...)
}

// Deactivate stops resolving: the next visit asks again for what is missing.
func (p *Page) Deactivate() {
	p.cancelFlight()
	p.cancelStory()
	p.story.onScreen = false
}

// Close stops everything for good.
func (p *Page) Close() {
	p.cancelFlight()
	p.cancelStory()
	p.story.onScreen = false
}

// Status is the page's last message.
func (p *Page) Status() common.Status { return p.status.Status }

// Busy says what is loading.
func (p *Page) Busy() string {
	switch {
	case p.flight != nil && p.flight.pending == nil:
		return "Refreshing lead " + strconv.FormatInt(p.data.ID, 10) + "…"
	case p.flight != nil || (p.data.busy != 0 && !p.data.Complete()):
		return "Loading contacts, companies and products…"
	}
	return p.storyBusy()
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
	case contactsMsg:
		cmd = p.onContacts(msg)
	case companiesMsg:
		cmd = p.onCompanies(msg)
	case catalogMsg:
		cmd = p.onCatalog(msg)
	case storyMsg:
		cmd = p.onStory(msg)
	case common.JSONBuiltMsg[*Data]:
		p.json.Built(msg)
	case common.FadeMsg:
		p.status.Faded(msg)
	}
	return tea.Batch(cmd, p.settle())
}

func (p *Page) onKey(msg tea.KeyMsg) tea.Cmd {
	k := &p.keys
	if p.onStoryKey(msg) {
		return nil
	}
	if t, ok := k.SwitchTab(msg, int(p.active), int(tabCount)); ok {
		p.active = tabKind(t)
		return nil
	}
	switch {
	case key.Matches(msg, k.Summary):
		p.expanded = !p.expanded
	case key.Matches(msg, k.Refresh):
		return p.refresh()
	case key.Matches(msg, k.Open):
		return p.openSelected()
	case p.expanded:
		k.HandleScroll(msg, p.scroller())
	default:
		k.HandleScroll(msg, p.tabs[p.active].view.Keys())
	}
	return nil
}

// openSelected asks the root to open the contact, company or list element
// under the active tab's cursor.
func (p *Page) openSelected() tea.Cmd {
	if p.expanded {
		return nil
	}
	if t, ok := p.tabs[p.active].view.Selected(); ok {
		return common.Navigate(t)
	}
	return nil
}

func (p *Page) onMouse(msg tea.MouseMsg) {
	if p.c.Mouse {
		p.scroller().HandleMouse(msg)
	}
}

// scroller is what the scroll keys move: the whole summary when it is
// expanded, else the active tab.
func (p *Page) scroller() *vscroll.Model {
	if p.expanded {
		return p.summary.all.Scroll()
	}
	return p.tabs[p.active].view.Scroll()
}

// ShortHelp is the page's part of the footer.
func (p *Page) ShortHelp() []key.Binding { return append(p.storyHelp(), p.keys.short()...) }

// FullHelp is the page's part of the help screen.
func (p *Page) FullHelp() [][]key.Binding { return p.withStoryHelp(p.keys.full()) }

// Position is where the visible content is scrolled.
func (p *Page) Position() string { return p.scroller().Position() }
