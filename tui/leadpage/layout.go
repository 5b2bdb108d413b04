package leadpage

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/tui/common"
)

// summaryState keeps the rendered summary until its inputs change.
type summaryState struct {
	drawn summaryKey
	lines []string         // every fact, uncut
	shown []string         // what fits above the tabs
	cut   int              // facts left out of shown
	all   *common.ListView // every fact, for the expanded view
}

type summaryKey struct {
	data         *Data
	version      int
	namesVersion int
	width        int
}

// barLines are the tab bar and the rule under it.
const barLines = 2

// relayout brings the summary and the visible tab up to date with the data
// and the size; only here, never in View, is anything rendered anew. It
// returns a command when the JSON tab needs building.
func (p *Page) relayout() tea.Cmd {
	if p.width <= 0 || p.height <= 0 {
		return nil
	}
	p.syncSummary()
	p.keys.sync(p.summary.cut > 0, p.expanded)
	if p.expanded {
		p.summary.all.Scroll().SetSize(p.width, p.height)
		return nil
	}
	contentHeight := p.height - len(p.summary.shown) - p.spacerLines() - barLines
	t := &p.tabs[p.active]
	cmd := p.ensureJSON()
	key := tabKey{data: p.data, version: p.data.version, namesVersion: p.c.NamesVersion, width: p.width}
	switch p.active {
	case tabJSON:
		key.doc = p.json.Version
	case tabFeed:
		key.filter = p.story.drawn
	}
	if t.drawn != key {
		sameLead := t.drawn.data != nil && t.drawn.data.ID == p.data.ID
		content := p.renderTab(p.active)
		t.head = content.head
		t.view.Scroll().SetSize(p.width, max(0, contentHeight-len(t.head)))
		t.view.Show(content.body, sameLead)
		t.drawn = key
	}
	t.view.Scroll().SetSize(p.width, max(0, contentHeight-len(t.head)))
	p.keys.Open.SetEnabled(t.view.CanOpen())
	return cmd
}

func (p *Page) syncSummary() {
	s := &p.summary
	key := summaryKey{p.data, p.data.version, p.c.NamesVersion, p.width}
	if s.drawn != key {
		s.lines = renderSummary(p.c, p.data, p.WebURL(), p.width)
		s.all.Show(common.Lines(s.lines), s.drawn.data == p.data)
		s.drawn = key
	}
	// The tabs keep at least two fifths of the page (and 5 lines).
	maxLines := p.height - barLines - max(5, p.height*2/5)
	s.shown, s.cut = s.lines, 0
	if len(s.lines) > maxLines {
		keep := max(1, maxLines-1)
		s.cut = len(s.lines) - keep
		s.shown = append(s.lines[:keep:keep], p.moreFacts(s.cut))
	}
	if s.cut == 0 && p.expanded {
		p.expanded = false
	}
}

func (p *Page) moreFacts(n int) string {
	st := p.c.Styles
	text := st.Muted.Render("… "+strconv.Itoa(n)+" more lines: ") + st.HelpKey.Render("i") + st.Muted.Render(" shows all")
	return common.Truncate(text, p.width)
}

// spacerLines is the blank line between the summary and the tabs that tall
// screens can afford.
func (p *Page) spacerLines() int {
	if p.height-len(p.summary.shown) > 16 {
		return 1
	}
	return 0
}

// ensureJSON starts building the JSON tab the first time it is shown for
// this lead; the build runs off the Update loop.
func (p *Page) ensureJSON() tea.Cmd {
	if p.active != tabJSON {
		return nil
	}
	return p.json.Build(p.id, p.data, p.data.Lead.Raw, p.data.ID)
}

func (p *Page) renderTab(t tabKind) tabContent {
	switch t {
	case tabFields:
		return fieldsTab(p.c, p.data, p.width)
	case tabTags:
		return tagsTab(p.c, p.data, p.width)
	case tabContacts:
		return contactsTab(p.c, p.data, p.width)
	case tabCompanies:
		return companiesTab(p.c, p.data, p.width)
	case tabCatalog:
		return catalogTab(p.c, p.data, p.width)
	case tabFeed:
		return p.feedTab()
	case tabTasks:
		return p.tasksTab()
	}
	return tabContent{body: common.JSONBody(p.c, p.json.Doc, p.width)}
}

// View draws the page from what relayout prepared.
func (p *Page) View() string {
	if p.height <= 0 {
		return ""
	}
	if p.expanded {
		return p.summary.all.Scroll().String()
	}
	out := make([]string, 0, p.height)
	out = append(out, p.summary.shown...)
	for range p.spacerLines() {
		out = append(out, "")
	}
	t := &p.tabs[p.active]
	out = append(out, renderTabBar(p.c, p.data, p.active, p.width), common.Rule(p.c.Styles, p.width))
	out = append(out, t.head...)
	out = append(out, t.view.Scroll().View()...)
	return common.JoinLines(common.FillLines(out, p.height))
}
