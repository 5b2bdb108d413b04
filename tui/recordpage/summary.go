package recordpage

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// fact is one labelled value of the summary; value may carry styles.
type fact struct{ label, value string }

// factRow is what shares one line when the screen is wide enough.
type factRow []fact

// The summary's layout, as on the lead page.
const (
	summaryLabelWidth = 11 // "Responsible"
	summaryGap        = 3
	twoColumnMinWidth = 76
)

// renderSummary draws the record's name and its facts, most important
// first, so a short terminal that cuts them loses the least useful.
func renderSummary(c *common.Context, d *Data, link string, width int) []string {
	twoColumns := width >= twoColumnMinWidth
	cellWidth := width
	if twoColumns {
		cellWidth = (width - summaryGap) / 2
	}
	out := []string{common.Truncate(titleLine(c, d.rec), width)}
	f := factMaker{c: c, now: c.Now(), valueWidth: cellWidth - summaryLabelWidth - 2}
	for _, row := range summaryRows(c, d, f, link, width-summaryLabelWidth-2) {
		if twoColumns && len(row) == 2 && fits(row, cellWidth) {
			out = append(out, common.PadRight(renderFact(c, row[0], cellWidth), cellWidth)+
				strings.Repeat(" ", summaryGap)+renderFact(c, row[1], cellWidth))
			continue
		}
		for _, fc := range row {
			out = append(out, renderFact(c, fc, width))
		}
	}
	return out
}

// fits reports whether every fact of row fits a cell uncut; a pair that
// does not is shown one fact a line rather than losing its ends.
func fits(row factRow, cellWidth int) bool {
	for _, f := range row {
		if summaryLabelWidth+2+lipgloss.Width(f.value) > cellWidth {
			return false
		}
	}
	return true
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

func renderFact(c *common.Context, f fact, width int) string {
	label := c.Styles.Label.Render(common.PadRight(f.label, summaryLabelWidth))
	return common.Truncate(label+"  "+f.value, width)
}

func summaryRows(c *common.Context, d *Data, f factMaker, link string, wideValueWidth int) []factRow {
	r := d.rec
	rows := []factRow{
		f.styled("Leads", common.Truncate(leadsFact(c, d), wideValueWidth), identity),
		pair(f.text("Responsible", c.Names.User(r.responsible)), f.due("Next task", r.closestTaskAt)),
		pair(f.text("Phone", firstOf(r.phones)), f.text("E-mail", firstOf(r.emails))),
		pair(f.when("Created", &r.createdAt), f.when("Updated", &r.updatedAt)),
		f.styled("Tags", common.Truncate(strings.Join(chips(c, r.tags), " "), wideValueWidth), identity),
		pair(f.text("Created by", c.Names.User(r.createdBy)), f.text("Updated by", c.Names.User(r.updatedBy))),
		f.styled("Link", common.Truncate(link, wideValueWidth), c.Styles.Link.Render),
	}
	kept := rows[:0]
	for _, row := range rows {
		if len(row) > 0 {
			kept = append(kept, row)
		}
	}
	return kept
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
		out = append(out, common.Chip(c.Styles, tagName(t), t.Color))
	}
	return out
}

// maxSummaryTags bounds the chips drawn for one summary line: the Tags tab
// has them all.
const maxSummaryTags = 40

// factMaker builds one-fact rows, empty when there is nothing to say.
type factMaker struct {
	c          *common.Context
	now        time.Time
	valueWidth int
}

func (f factMaker) styled(label, value string, style func(...string) string) factRow {
	if value == "" {
		return nil
	}
	return factRow{{label, style(value)}}
}

func (f factMaker) text(label, value string) factRow {
	return f.styled(label, value, f.c.Styles.Value.Render)
}

func (f factMaker) when(label string, sec *int64) factRow {
	return f.text(label, common.When(api.UnixTime(sec, f.c.Loc()), f.now, f.c.Loc(), f.valueWidth))
}

// due is a deadline: in the warning colour, and saying so, once it is past.
func (f factMaker) due(label string, sec *int64) factRow {
	text, overdue := common.Due(api.UnixTime(sec, f.c.Loc()), f.now, f.c.Loc(), f.valueWidth)
	if overdue {
		return f.styled(label, text, f.c.Styles.Warning.Render)
	}
	return f.text(label, text)
}

func pair(a, b factRow) factRow { return append(a, b...) }
