package recordpage

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// ElementPage shows one list (catalog) element: its name, its list, and
// every field formatted by type (price in the account's currency, SKU,
// unit…). Kommo has no web page for one element, so o and y are off here.
type ElementPage struct {
	id    common.PageID
	c     *common.Context
	cache *Cache
	key   cacheKey
	el    *api.CatalogElement
	keys  keyMap

	width, height int
	head          []string
	fields        *common.ListView
	drawn         tabKey
	version       int // counts elements shown, for drawn

	refreshing *request
	seq        uint64
	status     common.StatusLine
}

func newElementPage(c *common.Context, cache *Cache, id common.PageID, k cacheKey, e *api.CatalogElement) *ElementPage {
	return &ElementPage{id: id, c: c, cache: cache, key: k, el: e, keys: newKeyMap(1, "refresh element"), fields: common.NewListView()}
}

// ID names the page.
func (p *ElementPage) ID() common.PageID { return p.id }

// Target is what the page shows.
func (p *ElementPage) Target() common.Target {
	return common.Target{Kind: common.TargetCatalogElement, ID: p.key.id, CatalogID: p.key.catalogID}
}

// Title is the element's name, or its number.
func (p *ElementPage) Title() string {
	if name := strings.TrimSpace(sanitize.Line(p.el.Name)); name != "" {
		return name
	}
	return "Element " + strconv.FormatInt(p.el.ID, 10)
}

// WebURL is empty: Kommo shows an element only inside its list.
func (p *ElementPage) WebURL() string { return "" }

// Activate lays the page out; the element is at hand.
func (p *ElementPage) Activate() tea.Cmd { p.relayout(); return nil }

// Deactivate stops a refresh in flight.
func (p *ElementPage) Deactivate() { p.stopRefresh() }

// Close stops a refresh in flight.
func (p *ElementPage) Close() { p.stopRefresh() }

func (p *ElementPage) stopRefresh() {
	if p.refreshing != nil {
		p.refreshing.cancel()
		p.refreshing = nil
	}
}

// Status is the page's last message.
func (p *ElementPage) Status() common.Status { return p.status.Status }

// Busy says what is loading.
func (p *ElementPage) Busy() string {
	if p.refreshing != nil {
		return "Refreshing element " + strconv.FormatInt(p.el.ID, 10) + "…"
	}
	return ""
}

// SetSize lays the page out for its area.
func (p *ElementPage) SetSize(width, height int) {
	p.width, p.height = width, height
	p.relayout()
}

// Update handles the page's keys and answers.
func (p *ElementPage) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if key.Matches(msg, p.keys.Refresh) {
			cmd = p.refresh()
		} else {
			p.keys.HandleScroll(msg, p.fields.Scroll())
		}
	case tea.MouseMsg:
		if p.c.Mouse {
			p.fields.Scroll().HandleMouse(msg)
		}
	case FetchedMsg:
		cmd = p.onRefreshed(msg)
	case common.FadeMsg:
		p.status.Faded(msg)
	}
	p.relayout()
	return cmd
}

func (p *ElementPage) refresh() tea.Cmd {
	p.stopRefresh()
	p.status.Clear(p.c) // the last refresh's "Refreshed" must not stand meanwhile
	p.seq++
	ctx, cancel := contextFor(p.c)
	p.refreshing = &request{seq: p.seq, cancel: cancel}
	return FetchRecord(ctx, p.c.Client, p.id, p.seq, p.Target())
}

func (p *ElementPage) onRefreshed(msg FetchedMsg) tea.Cmd {
	if p.refreshing == nil || p.refreshing.seq != msg.Seq {
		return nil
	}
	p.stopRefresh()
	if msg.Err != nil {
		return p.say(common.StatusError, openError(msg))
	}
	if msg.element == nil {
		return nil
	}
	p.el = msg.element
	p.version++
	p.cache.putElement(p.key, msg.element)
	return p.say(common.StatusInfo, "Refreshed")
}

func (p *ElementPage) say(kind common.StatusKind, text string) tea.Cmd {
	return p.status.Set(p.c, p.id, kind, text)
}

// ShortHelp is the page's part of the footer.
func (p *ElementPage) ShortHelp() []key.Binding { return p.keys.short() }

// FullHelp is the page's part of the help screen.
func (p *ElementPage) FullHelp() [][]key.Binding { return p.keys.full() }

// Position is where the fields are scrolled.
func (p *ElementPage) Position() string { return p.fields.Scroll().Position() }

func (p *ElementPage) relayout() {
	if p.width <= 0 || p.height <= 0 {
		return
	}
	p.keys.Open.SetEnabled(false)
	key := tabKey{version: p.version, namesVersion: p.c.NamesVersion, width: p.width}
	if p.drawn != key {
		p.head = elementHead(p.c, p.el, p.width)
		body := common.Items(common.WrappedLines(p.c.Styles.Muted, "This element has no fields.", p.width))
		if len(p.el.CustomFields) > 0 {
			body = common.NewFieldItems(p.c, p.c.Formatter(), p.el.CustomFields, p.width)
		}
		p.fields.Scroll().SetSize(p.width, max(0, p.height-len(p.head)))
		p.fields.Show(body, p.drawn.width != 0)
		p.drawn = key
	}
	p.fields.Scroll().SetSize(p.width, max(0, p.height-len(p.head)))
}

// elementHead is the element's name and its list above a rule.
func elementHead(c *common.Context, e *api.CatalogElement, width int) []string {
	st := c.Styles
	name := strings.TrimSpace(sanitize.Line(e.Name))
	if name == "" {
		name = "(unnamed element)"
	}
	title := st.Title.Render(name) + "  " + st.LeadID.Render("#"+strconv.FormatInt(e.ID, 10)) + "  " + st.Muted.Render("list element")
	list := common.RenderFact(c, common.Fact{Label: "List", Value: st.Value.Render(c.Names.Catalog(e.CatalogID))}, width)
	fields := st.Label.Render("Fields " + strconv.Itoa(len(e.CustomFields)))
	return []string{common.Truncate(title, width), list, "", common.Truncate(fields, width), common.Rule(st, width)}
}

// View draws the page from what relayout prepared.
func (p *ElementPage) View() string {
	if p.height <= 0 {
		return ""
	}
	out := append(append(make([]string, 0, p.height), p.head...), p.fields.Scroll().View()...)
	return common.JoinLines(common.FillLines(out, p.height))
}
