package leadspage

import (
	"strings"

	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// headLines are the tab bar and the scope line above the table.
const headLines = 2

// tableHeight is the table's share of the page: column titles and rows.
func (p *Page) tableHeight() int {
	h := p.height - headLines
	if p.c.Demo {
		h-- // the demo's hint
	}
	return max(0, h)
}

// relayout brings what View joins up to date; only here, in Update time,
// is anything rendered anew.
func (p *Page) relayout() {
	if p.width <= 0 || p.height <= 0 {
		return
	}
	v := p.views[p.active]
	v.table.SetSize(p.width, p.tableHeight())
	_, hasRow := v.table.Selected()
	p.keys.sync(hasRow && p.picker == nil, len(p.views))
	p.frame.tabs = renderTabs(p.c, p.views, p.active, p.width)
	p.frame.scope = p.scopeLine(v)
	p.frame.body = nil
	switch {
	case p.picker != nil:
		p.frame.body = p.picker.render(p.c, p.width, p.tableHeight())
	case v.table.Len() == 0:
		p.frame.body = p.emptyBody(v)
	}
	p.frame.hint = ""
	if p.c.Demo {
		p.frame.hint = demoHint(p.c, p.width)
	}
}

// emptyBody is what stands in for the rows: why there are none yet, or none.
func (p *Page) emptyBody(v *view) []string {
	st := p.c.Styles
	var lines []string
	say := func(style func(...string) string, text string) {
		for _, l := range common.Wrap(text, max(1, p.width-2)) {
			lines = append(lines, "  "+style(l))
		}
	}
	lines = append(lines, "")
	l := &v.list
	switch {
	case v.resolveErr != nil:
		say(st.Error.Render, "This view cannot be listed: "+sanitize.Line(v.resolveErr.Error()))
		say(st.Muted.Render, "Change it with f, or fix config.json.")
	case p.accountErr != nil && !l.started:
		say(st.Error.Render, "The account could not be loaded: "+common.ErrorText(p.accountErr))
		say(st.Muted.Render, "r tries again.")
	case l.err != nil:
		say(st.Error.Render, "Could not load the leads: "+common.ErrorText(l.err))
		say(st.Muted.Render, "r tries again.")
	case !l.started || l.flight != nil || l.parked != nil:
		what := "Loading leads…"
		if v.applied != "" {
			what = "Searching for “" + sanitize.Line(v.applied) + "”…"
		}
		say(st.Muted.Render, what)
	default:
		say(st.Value.Render, p.noneText(v))
		say(st.Muted.Render, "Try another view (tab), other filters (f) or another search (/).")
	}
	return lines
}

// noneText says that nothing matched, and where.
func (p *Page) noneText(v *view) string {
	text := "No leads"
	if v.applied != "" {
		text += " match “" + sanitize.Line(v.applied) + "”"
	}
	text += " in “" + sanitize.Line(strings.TrimSpace(v.def.Name)) + "”"
	if v.list.capped {
		text += " among the " + common.Money(float64(v.list.read), "") + " leads read"
	}
	return text + "."
}

// View draws the page from what relayout prepared.
func (p *Page) View() string {
	if p.height <= 0 {
		return ""
	}
	out := make([]string, 0, p.height)
	out = append(out, p.frame.tabs, p.frame.scope)
	if p.frame.body != nil {
		out = append(out, common.FillLines(p.frame.body, p.tableHeight())...)
	} else {
		out = append(out, p.views[p.active].table.View()...)
	}
	if p.c.Demo {
		out = append(out, p.frame.hint)
	}
	return common.JoinLines(common.FillLines(out, p.height))
}
