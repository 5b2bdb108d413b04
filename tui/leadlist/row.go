package leadlist

import (
	"strconv"
	"strings"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// renderRow draws lead i as one line; the selected row is marked and its
// name bold, which reads with or without colour.
func (m *Model) renderRow(i, width int, selected bool) []string {
	if i >= len(m.leads) {
		return nil
	}
	st := m.c.Styles
	l := &m.leads[i]
	c := m.cols
	mark := "  "
	nameStyle := st.Value
	if selected {
		mark = st.Marker.Render("▌") + " "
		if st.Plain {
			mark = "> "
		}
		nameStyle = st.Heading
	}
	cells := make([]string, 0, len(c))
	for _, col := range c {
		switch col.kind {
		case colName:
			cells = append(cells, nameStyle.Render(col.cell(leadName(l))))
		case colStage:
			cells = append(cells, m.stageCell(col, l))
		default:
			cells = append(cells, m.cell(col, l))
		}
	}
	return []string{common.Truncate(mark+strings.Join(cells, strings.Repeat(" ", gap)), width)}
}

func leadName(l *api.Lead) string {
	name := strings.TrimSpace(sanitize.Line(l.Name))
	if name == "" {
		return "Lead #" + strconv.FormatInt(l.ID, 10)
	}
	return name
}

// stageCell is the stage as a chip in its Kommo colour, after the
// pipeline's name when the account has several.
func (m *Model) stageCell(col column, l *api.Lead) string {
	st := m.c.Styles
	width := col.width
	s, _ := m.c.Names.Stage(l.PipelineID, l.StatusID)
	name := s.Name
	prefix := ""
	if m.c.Names.PipelineCount() > 1 {
		prefix = common.Truncate(m.c.Names.Pipeline(l.PipelineID), max(4, width/3)) + " ▸ "
	}
	chipRoom := max(1, width-len([]rune(prefix))-2)
	text := st.Muted.Render(prefix) + common.Chip(st, common.Truncate(name, chipRoom), s.Color)
	return common.Fit(text, width)
}

func (m *Model) cell(col column, l *api.Lead) string {
	st := m.c.Styles
	now := m.c.Now()
	switch col.kind {
	case colPrice:
		amount := float64(l.Price)
		if l.PriceWithMinorUnits != nil {
			amount = *l.PriceWithMinorUnits
		}
		return st.Value.Render(col.cell(common.Money(amount, m.c.Currency())))
	case colResponsible:
		return st.Muted.Render(col.cell(m.c.Names.User(l.ResponsibleUserID)))
	case colTask:
		return m.taskCell(col, l)
	case colUpdated:
		t := api.UnixTime(&l.UpdatedAt, m.c.Loc())
		if t.IsZero() {
			return col.cell("")
		}
		return st.Muted.Render(col.cell(common.Relative(t, now, true)))
	case colContact:
		return st.Value.Render(col.cell(m.contact[l.ID]))
	}
	return col.cell("")
}

// taskCell is when the next task is due; an overdue one says so in the
// warning colour.
func (m *Model) taskCell(col column, l *api.Lead) string {
	st := m.c.Styles
	t := api.UnixTime(l.ClosestTaskAt, m.c.Loc())
	if t.IsZero() {
		return st.Faint.Render(col.cell("—"))
	}
	now := m.c.Now()
	if t.Before(now) {
		late := strings.TrimSuffix(common.Relative(t, now, true), " ago")
		return st.Warning.Render(col.cell("overdue " + late))
	}
	return st.Value.Render(col.cell(common.Relative(t, now, true)))
}
