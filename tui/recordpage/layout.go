package recordpage

import (
	"strconv"

	"github.com/leadscope/leadscope/tui/common"
)

// summaryState keeps the rendered summary until its inputs change.
type summaryState struct {
	drawn tabKey
	lines []string // every fact
	shown []string // what fits above the tabs
}

// barLines are the tab bar and the rule under it.
const barLines = 2

// relayout brings the summary and the tab on screen up to date with the
// data and the size; only here, never in View, is anything rendered anew.
func (p *Page) relayout() {
	if p.width <= 0 || p.height <= 0 {
		return
	}
	p.syncSummary()
	contentHeight := p.height - len(p.summary.shown) - p.spacerLines() - barLines
	if p.active == tabLeads {
		p.syncLeads(contentHeight)
	} else {
		p.syncTab(contentHeight)
	}
	_, canOpen := p.selected()
	p.keys.Open.SetEnabled(canOpen)
}

func (p *Page) syncSummary() {
	s := &p.summary
	key := tabKey{data: p.data, version: p.data.version, namesVersion: p.c.NamesVersion, width: p.width}
	if s.drawn != key {
		s.lines = renderSummary(p.c, p.data, p.WebURL(), p.width)
		s.drawn = key
	}
	// The tabs keep at least two fifths of the page (and 5 lines); facts
	// that do not fit are cut from the least important.
	maxLines := max(1, p.height-barLines-max(5, p.height*2/5))
	s.shown = s.lines
	if len(s.lines) > maxLines {
		keep := max(1, maxLines-1)
		more := p.c.Styles.Muted.Render("… " + strconv.Itoa(len(s.lines)-keep) + " more lines on a taller terminal")
		s.shown = append(s.lines[:keep:keep], common.Truncate(more, p.width))
	}
}

// spacerLines is the blank line between the summary and the tabs that tall
// screens can afford.
func (p *Page) spacerLines() int {
	if p.height-len(p.summary.shown) > 16 {
		return 1
	}
	return 0
}

// syncLeads feeds the table what arrived since it was last drawn: a new
// record replaces its rows, another batch is appended below them.
func (p *Page) syncLeads(height int) {
	lv, d := &p.leads, p.data
	switch {
	case lv.data != d:
		lv.table.SetLeads(d.leads.items)
		lv.data, lv.shown = d, len(d.leads.items)
	case len(d.leads.items) > lv.shown:
		lv.table.Append(d.leads.items[lv.shown:])
		lv.shown = len(d.leads.items)
	}
	key := tabKey{data: d, version: d.version, namesVersion: p.c.NamesVersion, width: p.width}
	if lv.drawn != key {
		lv.head = leadsHead(p.c, d, p.width)
		if len(d.rec.leadIDs) == 0 {
			lv.head = noLeads(p.c, d, p.width)
		}
		lv.drawn = key
	}
	lv.table.SetSize(p.width, max(0, height-len(lv.head)))
}

func (p *Page) syncTab(height int) {
	t := &p.tabs[p.active]
	key := tabKey{data: p.data, version: p.data.version, namesVersion: p.c.NamesVersion, width: p.width}
	if p.active == tabJSON {
		key.doc = p.json.Version
	}
	if t.drawn != key {
		sameRecord := t.drawn.data != nil && t.drawn.data.rec.id == p.data.rec.id
		content := p.renderTab(p.active)
		t.head = content.head
		t.view.Scroll().SetSize(p.width, max(0, height-len(t.head)))
		t.view.Show(content.body, sameRecord)
		t.drawn = key
	}
	t.view.Scroll().SetSize(p.width, max(0, height-len(t.head)))
}

func (p *Page) renderTab(t tabKind) tabContent {
	r := p.data.rec
	switch t {
	case tabFields:
		return fieldsTab(p.c, r.fields, noun(r.kind), p.width)
	case tabLinked:
		return linkedTab(p.c, p.data, p.width)
	case tabTags:
		return tagsTab(p.c, r.tags, noun(r.kind), p.width)
	}
	return tabContent{body: common.JSONBody(p.c, p.json.Doc, p.width)}
}

// View draws the page from what relayout prepared.
func (p *Page) View() string {
	if p.height <= 0 {
		return ""
	}
	out := make([]string, 0, p.height)
	out = append(out, p.summary.shown...)
	for range p.spacerLines() {
		out = append(out, "")
	}
	out = append(out, renderTabBar(p.c, p.data, p.active, p.width), common.Rule(p.c.Styles, p.width))
	if p.active == tabLeads {
		out = append(out, p.leads.head...)
		if p.leads.table.Len() > 0 {
			out = append(out, p.leads.table.View()...)
		}
	} else {
		t := &p.tabs[p.active]
		out = append(out, t.head...)
		out = append(out, t.view.Scroll().View()...)
	}
	return common.JoinLines(common.FillLines(out, p.height))
}
