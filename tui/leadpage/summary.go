package leadpage

import (
	"strconv"
	"strings"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// fact is one labelled value of the summary; value may carry styles.
type fact struct {
	label string
	value string
}

// factRow is what shares one line when the screen is wide enough: facts
// that belong together (created and updated, created by and updated by)
// stay side by side.
type factRow []fact

const (
	summaryLabelWidth = 11 // the longest label, "Responsible"
	summaryGap        = 3
	twoColumnMinWidth = 76
)

// renderSummary draws the lead's name and its facts. Rows are in order of
// importance, so a short terminal that cuts them loses the least useful.
func renderSummary(c *common.Context, d *Data, link string, width int) []string {
	if d == nil || d.Lead == nil {
		return nil
	}
	twoColumns := width >= twoColumnMinWidth
	cellWidth := width
	if twoColumns {
		cellWidth = (width - summaryGap) / 2
	}
	valueWidth := cellWidth - summaryLabelWidth - 2
	lines := []string{common.Truncate(titleLine(c, d.Lead), width)}
	for _, row := range summaryRows(c, d.Lead, stageStay(c, d), link, valueWidth, width-summaryLabelWidth-2) {
		var cells []string
		if twoColumns && len(row) == 2 {
			cells = []string{
				common.PadRight(renderFact(c, row[0], cellWidth), cellWidth) + strings.Repeat(" ", summaryGap) +
					renderFact(c, row[1], cellWidth),
			}
		} else {
			for _, f := range row {
				cells = append(cells, renderFact(c, f, width))
			}
		}
		lines = append(lines, cells...)
	}
	return lines
}

func titleLine(c *common.Context, l *api.Lead) string {
	st := c.Styles
	name := sanitize.Line(l.Name)
	if strings.TrimSpace(name) == "" {
		name = "(unnamed lead)"
	}
	line := st.Title.Render(name) + "  " + st.LeadID.Render("#"+strconv.FormatInt(l.ID, 10))
	if l.IsDeleted {
		line += "  " + st.Error.Render("[deleted]")
	}
	return line
}

func renderFact(c *common.Context, f fact, width int) string {
	label := c.Styles.Label.Render(common.PadRight(f.label, summaryLabelWidth))
	return common.Truncate(label+"  "+f.value, width)
}

// summaryRows lists the facts the lead has, in order of importance,
// leaving out those it lacks rather than showing them blank.
func summaryRows(c *common.Context, l *api.Lead, stay, link string, valueWidth, wideValueWidth int) []factRow {
	f := factMaker{c: c, now: c.Now(), valueWidth: valueWidth}
	rows := []factRow{
		pair(f.text("Price", price(c, l)), f.text("Responsible", c.Names.User(l.ResponsibleUserID))),
		{{"Stage", stageValue(c, l)}},
		f.text("History", stay),
		pair(f.when("Created", &l.CreatedAt), f.when("Updated", &l.UpdatedAt)),
		pair(f.when("Closed", l.ClosedAt), f.due("Next task", l.ClosestTaskAt)),
		pair(f.text("Created by", c.Names.User(l.CreatedBy)), f.text("Updated by", c.Names.User(l.UpdatedBy))),
		pair(f.number("Score", l.Score), f.text("Labor cost", laborCost(l))),
		pair(f.styled("Loss reason", lossReason(l), c.Styles.Warning.Render), f.text("Source", source(l))),
		f.text("Price set", priceSetBy(l)),
		f.styled("Link", common.Truncate(link, wideValueWidth), c.Styles.Link.Render),
	}
	kept := rows[:0]
	for _, r := range rows {
		if len(r) > 0 {
			kept = append(kept, r)
		}
	}
	return kept
}

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

func (f factMaker) number(label string, n *int64) factRow {
	if n == nil {
		return nil
	}
	return f.text(label, strconv.FormatInt(*n, 10))
}

func pair(a, b factRow) factRow { return append(a, b...) }

func price(c *common.Context, l *api.Lead) string {
	currency := c.Currency()
	amount := float64(l.Price)
	if l.PriceWithMinorUnits != nil {
		amount = *l.PriceWithMinorUnits
	}
	return common.Money(amount, currency)
}

func laborCost(l *api.Lead) string {
	if l.LaborCost == nil {
		return ""
	}
	return common.LaborCost(*l.LaborCost)
}

func priceSetBy(l *api.Lead) string {
	switch {
	case l.IsPriceModifiedByRobot == nil:
		return ""
	case *l.IsPriceModifiedByRobot:
		return "by a robot"
	}
	return "by a user"
}

// stageValue is "Pipeline ▸ Stage" with the stage in its Kommo colour.
// Before the stage names arrive, won and lost are still said in words.
func stageValue(c *common.Context, l *api.Lead) string {
	s, known := c.Names.Stage(l.PipelineID, l.StatusID)
	outcome := ""
	switch {
	case known:
	case l.StatusID == api.StatusWon:
		outcome = "  " + c.Styles.Success.Render("won")
	case l.StatusID == api.StatusLost:
		outcome = "  " + c.Styles.Error.Render("lost")
	}
	return c.Styles.Value.Render(c.Names.Pipeline(l.PipelineID)) + c.Styles.Muted.Render(" ▸ ") +
		common.Chip(c.Styles, s.Name, s.Color) + outcome
}

func lossReason(l *api.Lead) string {
	if r := l.Embedded.LossReason; r != nil && r.Name != "" {
		return sanitize.Line(r.Name)
	}
	if l.LossReasonID != nil && *l.LossReasonID != 0 {
		return "#" + strconv.FormatInt(*l.LossReasonID, 10)
	}
	return ""
}

func source(l *api.Lead) string {
	if s := l.Embedded.Source; s != nil && s.Name != "" {
		return sanitize.Line(s.Name)
	}
	if l.SourceID != nil && *l.SourceID != 0 {
		return "#" + strconv.FormatInt(*l.SourceID, 10)
	}
	return ""
}
