package tui

import (
	"strconv"
	"strings"
	"time"

	"github.com/leadscope/leadscope/api"
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

// renderSummary draws the lead's name and its facts in at most maxLines
// lines. Rows are in order of importance, so a short terminal loses the
// least useful ones.
func renderSummary(sh *shared, d *leadData, link string, width, maxLines int) []string {
	if d == nil || d.lead == nil || maxLines <= 0 {
		return nil
	}
	twoColumns := width >= twoColumnMinWidth
	cellWidth := width
	if twoColumns {
		cellWidth = (width - summaryGap) / 2
	}
	valueWidth := cellWidth - summaryLabelWidth - 2
	lines := []string{truncate(titleLine(sh, d.lead), width)}
	for _, row := range summaryRows(sh, d.lead, link, valueWidth, width-summaryLabelWidth-2) {
		var cells []string
		if twoColumns && len(row) == 2 {
			cells = []string{
				padRight(renderFact(sh, row[0], cellWidth), cellWidth) + strings.Repeat(" ", summaryGap) +
					renderFact(sh, row[1], cellWidth),
			}
		} else {
			for _, f := range row {
				cells = append(cells, renderFact(sh, f, width))
			}
		}
		lines = append(lines, cells...)
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
	}
	return lines
}

func titleLine(sh *shared, l *api.Lead) string {
	st := sh.st
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

func renderFact(sh *shared, f fact, width int) string {
	label := sh.st.Label.Render(padRight(f.label, summaryLabelWidth))
	return truncate(label+"  "+f.value, width)
}

// summaryRows lists the facts the lead has, in order of importance,
// leaving out those it lacks rather than showing them blank.
func summaryRows(sh *shared, l *api.Lead, link string, valueWidth, wideValueWidth int) []factRow {
	f := factMaker{sh: sh, now: sh.now(), valueWidth: valueWidth}
	rows := []factRow{
		pair(f.text("Price", price(sh, l)), f.text("Responsible", sh.names.user(l.ResponsibleUserID))),
		{{"Stage", stageValue(sh, l)}},
		pair(f.when("Created", &l.CreatedAt), f.when("Updated", &l.UpdatedAt)),
		pair(f.when("Closed", l.ClosedAt), f.when("Next task", l.ClosestTaskAt)),
		pair(f.text("Created by", sh.names.user(l.CreatedBy)), f.text("Updated by", sh.names.user(l.UpdatedBy))),
		pair(f.number("Score", l.Score), f.text("Labor cost", laborCost(l))),
		pair(f.styled("Loss reason", lossReason(l), sh.st.Warning.Render), f.text("Source", source(l))),
		f.text("Price set", priceSetBy(l)),
		f.styled("Link", truncate(link, wideValueWidth), sh.st.Link.Render),
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
	sh         *shared
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
	return f.styled(label, value, f.sh.st.Value.Render)
}

func (f factMaker) when(label string, sec *int64) factRow {
	return f.text(label, formatWhen(api.UnixTime(sec, f.sh.loc), f.now, f.sh.loc, f.valueWidth))
}

func (f factMaker) number(label string, n *int64) factRow {
	if n == nil {
		return nil
	}
	return f.text(label, strconv.FormatInt(*n, 10))
}

func pair(a, b factRow) factRow { return append(a, b...) }

func price(sh *shared, l *api.Lead) string {
	currency := ""
	if sh.names != nil {
		currency = sh.names.currency
	}
	amount := float64(l.Price)
	if l.PriceWithMinorUnits != nil {
		amount = *l.PriceWithMinorUnits
	}
	return formatMoney(amount, currency)
}

func laborCost(l *api.Lead) string {
	if l.LaborCost == nil {
		return ""
	}
	return formatLaborCost(*l.LaborCost)
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
func stageValue(sh *shared, l *api.Lead) string {
	s, known := sh.names.stage(l.PipelineID, l.StatusID)
	outcome := ""
	switch {
	case known:
	case l.StatusID == api.StatusWon:
		outcome = "  " + sh.st.Success.Render("won")
	case l.StatusID == api.StatusLost:
		outcome = "  " + sh.st.Error.Render("lost")
	}
	return sh.st.Value.Render(sh.names.pipeline(l.PipelineID)) + sh.st.Muted.Render(" ▸ ") +
		chip(sh.st, s.name, s.color) + outcome
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
