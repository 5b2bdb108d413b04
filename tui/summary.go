package tui

import (
	"strconv"
	"strings"

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

// summaryRows lists the facts the lead has, leaving out those it lacks.
func summaryRows(sh *shared, l *api.Lead, link string, valueWidth, wideValueWidth int) []factRow {
	st := sh.st
	now := sh.now()
	when := func(sec *int64) string {
		return formatWhen(api.UnixTime(sec, sh.loc), now, sh.loc, valueWidth)
	}
	plain := func(s string) string { return st.Value.Render(s) }
	currency := ""
	if sh.names != nil {
		currency = sh.names.currency
	}
	price := float64(l.Price)
	if l.PriceWithMinorUnits != nil {
		price = *l.PriceWithMinorUnits
	}

	// Facts with nothing to say (a zero date) are left out, not shown blank.
	known := func(label, value string) factRow {
		if value == "" {
			return nil
		}
		return factRow{{label, plain(value)}}
	}
	pair := func(a, b factRow) factRow { return append(a, b...) }
	rows := []factRow{
		{{"Price", plain(formatMoney(price, currency))}, {"Responsible", plain(sh.names.user(l.ResponsibleUserID))}},
		{{"Stage", stageValue(sh, l)}},
		pair(known("Created", when(&l.CreatedAt)), known("Updated", when(&l.UpdatedAt))),
	}
	timing := pair(known("Closed", when(l.ClosedAt)), known("Next task", when(l.ClosestTaskAt)))
	rows = append(rows, timing,
		factRow{{"Created by", plain(sh.names.user(l.CreatedBy))}, {"Updated by", plain(sh.names.user(l.UpdatedBy))}})

	var effort factRow
	if l.Score != nil {
		effort = append(effort, fact{"Score", plain(strconv.FormatInt(*l.Score, 10))})
	}
	if l.LaborCost != nil {
		effort = append(effort, fact{"Labor cost", plain(formatLaborCost(*l.LaborCost))})
	}
	var origin factRow
	if r := lossReason(l); r != "" {
		origin = append(origin, fact{"Loss reason", st.Warning.Render(r)})
	}
	if s := source(l); s != "" {
		origin = append(origin, fact{"Source", plain(s)})
	}
	rows = append(rows, effort, origin)
	if l.IsPriceModifiedByRobot != nil {
		by := "by a user"
		if *l.IsPriceModifiedByRobot {
			by = "by a robot"
		}
		rows = append(rows, factRow{{"Price set", plain(by)}})
	}
	if link != "" {
		rows = append(rows, factRow{{"Link", st.Link.Render(truncate(link, wideValueWidth))}})
	}
	kept := rows[:0]
	for _, r := range rows {
		if len(r) > 0 {
			kept = append(kept, r)
		}
	}
	return kept
}

// stageValue is "Pipeline ▸ Stage" with the stage in its Kommo colour.
func stageValue(sh *shared, l *api.Lead) string {
	s := sh.names.stage(l.PipelineID, l.StatusID)
	outcome := ""
	switch l.StatusID {
	case api.StatusWon:
		outcome = "  " + sh.st.Success.Render("won")
	case api.StatusLost:
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
