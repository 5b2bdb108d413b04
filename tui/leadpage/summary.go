package leadpage

import (
	"strconv"
	"strings"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// renderSummary draws the lead's name and its facts. Rows are in order of
// importance, so a short terminal that cuts them loses the least useful.
func renderSummary(c *common.Context, d *Data, link string, width int) []string {
	if d == nil || d.Lead == nil {
		return nil
	}
	g := common.NewFactGrid(c, width)
	lines := []string{common.Truncate(titleLine(c, d.Lead), width)}
	for _, row := range summaryRows(c, d.Lead, stageStay(c, d), link, g.ValueWidth(), g.LineValueWidth()) {
		lines = append(lines, g.Lines(row)...)
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

// summaryRows lists the facts the lead has, in order of importance,
// leaving out those it lacks rather than showing them blank.
func summaryRows(c *common.Context, l *api.Lead, stay, link string, valueWidth, wideValueWidth int) []common.FactRow {
	f, pair := common.NewFactMaker(c, valueWidth), common.PairFacts
	return common.DropEmptyRows([]common.FactRow{
		pair(f.Text("Price", price(c, l)), f.Text("Responsible", c.Names.User(l.ResponsibleUserID))),
		{{Label: "Stage", Value: stageValue(c, l)}},
		f.Text("History", stay),
		pair(f.When("Created", &l.CreatedAt), f.When("Updated", &l.UpdatedAt)),
		pair(f.When("Closed", l.ClosedAt), f.Due("Next task", l.ClosestTaskAt)),
		pair(f.Text("Created by", c.Names.User(l.CreatedBy)), f.Text("Updated by", c.Names.User(l.UpdatedBy))),
		pair(f.Number("Score", l.Score), f.Text("Labor cost", laborCost(l))),
		pair(f.Styled("Loss reason", lossReason(l), c.Styles.Warning.Render), f.Text("Source", source(l))),
		f.Text("Price set", priceSetBy(l)),
		f.Styled("Link", common.Truncate(link, wideValueWidth), c.Styles.Link.Render),
	})
}

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
