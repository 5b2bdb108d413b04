package recordpage

import (
	"strconv"
	"strings"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// renderSummary draws the record's name and its facts, most important
// first, so a short terminal that cuts them loses the least useful.
func renderSummary(c *common.Context, d *Data, link string, width int) []string {
	g := common.NewFactGrid(c, width)
	out := []string{common.Truncate(titleLine(c, d.rec), width)}
	for _, row := range summaryRows(c, d, common.NewFactMaker(c, g.ValueWidth()), link, g.LineValueWidth()) {
		// A pair that does not fit its cells is shown one fact a line
		// rather than losing its ends.
		if g.Fits(row) {
			out = append(out, g.Lines(row)...)
		} else {
			out = append(out, g.Stacked(row)...)
		}
	}
	return out
}

func titleLine(c *common.Context, r *record) string {
	st := c.Styles
	name := strings.TrimSpace(sanitize.Line(r.name))
	if name == "" {
		name = "(unnamed " + noun(r.kind) + ")"
	}
	line := st.Title.Render(name) + "  " + st.LeadID.Render("#"+strconv.FormatInt(r.id, 10)) + "  " + st.Muted.Render(noun(r.kind))
	if r.deleted {
		line += "  " + st.Error.Render("[deleted]")
	}
	return line
}

func summaryRows(c *common.Context, d *Data, f common.FactMaker, link string, wideValueWidth int) []common.FactRow {
	r, pair := d.rec, common.PairFacts
	return common.DropEmptyRows([]common.FactRow{
		f.Styled("Leads", common.Truncate(leadsFact(c, d), wideValueWidth), identity),
		pair(f.Text("Responsible", c.Names.User(r.responsible)), f.Due("Next task", r.closestTaskAt)),
		pair(f.Text("Phone", firstOf(r.phones)), f.Text("E-mail", firstOf(r.emails))),
		pair(f.When("Created", &r.createdAt), f.When("Updated", &r.updatedAt)),
		f.Styled("Tags", common.Truncate(strings.Join(chips(c, r.tags), " "), wideValueWidth), identity),
		pair(f.Text("Created by", c.Names.User(r.createdBy)), f.Text("Updated by", c.Names.User(r.updatedBy))),
		f.Styled("Link", common.Truncate(link, wideValueWidth), c.Styles.Link.Render),
	})
}

func identity(s ...string) string { return strings.Join(s, " ") }

// leadsFact counts the record's leads and, once they are loaded, how many
// are open (and worth how much), won and lost.
func leadsFact(c *common.Context, d *Data) string {
	st := c.Styles
	total := len(d.rec.leadIDs)
	if total == 0 {
		return st.Muted.Render("none")
	}
	text := st.Value.Render(count(total))
	items := d.leads.items
	if len(items) == 0 {
		return text
	}
	var open, won, lost int
	var openValue float64
	for i := range items {
		switch items[i].StatusID {
		case api.StatusWon:
			won++
		case api.StatusLost:
			lost++
		default:
			open++
			openValue += leadPrice(&items[i])
		}
	}
	parts := []string{count(open) + " open"}
	if open > 0 && openValue > 0 {
		parts[0] += " " + common.Money(openValue, c.Currency())
	}
	if won > 0 {
		parts = append(parts, count(won)+" won")
	}
	if lost > 0 {
		parts = append(parts, count(lost)+" lost")
	}
	if len(items) < total {
		parts = append(parts, "of "+count(len(items))+" loaded")
	}
	return text + st.Muted.Render(": ") + st.Value.Render(strings.Join(parts, " · "))
}

func leadPrice(l *api.Lead) float64 {
	if l.PriceWithMinorUnits != nil {
		return *l.PriceWithMinorUnits
	}
	return float64(l.Price)
}

// firstOf is the first of a list and how many more there are.
func firstOf(list []string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return sanitize.Line(list[0])
	}
	return sanitize.Line(list[0]) + " (+" + strconv.Itoa(len(list)-1) + ")"
}

func chips(c *common.Context, tags []api.Tag) []string {
	out := make([]string, 0, min(len(tags), maxSummaryTags))
	for _, t := range tags[:min(len(tags), maxSummaryTags)] {
		out = append(out, common.Chip(c.Styles, common.TagName(t), t.Color))
	}
	return out
}

// maxSummaryTags bounds the chips drawn for one summary line: the Tags tab
// has them all.
const maxSummaryTags = 40
