package common

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
)

// Fact is one labelled value of a page's summary; Value may carry styles.
type Fact struct {
	Label string
	Value string
}

// FactRow is what shares one line when the screen is wide enough: facts
// that belong together (created and updated, created by and updated by)
// stay side by side.
type FactRow []Fact

// PairFacts puts two rows on one line; an empty one leaves the other alone.
func PairFacts(a, b FactRow) FactRow { return append(a, b...) }

// DropEmptyRows leaves out the rows a FactMaker found nothing to say in,
// keeping the others in order (of importance).
func DropEmptyRows(rows []FactRow) []FactRow {
	kept := rows[:0]
	for _, r := range rows {
		if len(r) > 0 {
			kept = append(kept, r)
		}
	}
	return kept
}

// The summaries of the lead and record pages share one layout, so that
// their facts line up alike.
const (
	factLabelWidth    = 11 // the longest label, "Responsible"
	factGap           = 3
	twoColumnMinWidth = 76
)

// RenderFact draws one fact: its label in a column, its value beside it,
// cut to width.
func RenderFact(c *Context, f Fact, width int) string {
	label := c.Styles.Label.Render(PadRight(f.Label, factLabelWidth))
	return Truncate(label+"  "+f.Value, width)
}

// FactGrid lays a summary's facts out for a width: from twoColumnMinWidth
// on, the two facts of a pair share a line, one in each half.
type FactGrid struct {
	c          *Context
	width      int
	cellWidth  int
	twoColumns bool
}

// NewFactGrid lays facts out for width columns.
func NewFactGrid(c *Context, width int) FactGrid {
	g := FactGrid{c: c, width: width, cellWidth: width}
	if width >= twoColumnMinWidth {
		g.twoColumns, g.cellWidth = true, (width-factGap)/2
	}
	return g
}

// ValueWidth is the room for a value in a cell.
func (g FactGrid) ValueWidth() int { return g.cellWidth - factLabelWidth - 2 }

// LineValueWidth is the room for a value that has a line to itself.
func (g FactGrid) LineValueWidth() int { return g.width - factLabelWidth - 2 }

// Lines draws a row: a pair side by side when there are two columns, else
// one fact a line.
func (g FactGrid) Lines(row FactRow) []string {
	if !g.twoColumns || len(row) != 2 {
		return g.Stacked(row)
	}
	return []string{PadRight(RenderFact(g.c, row[0], g.cellWidth), g.cellWidth) + strings.Repeat(" ", factGap) +
		RenderFact(g.c, row[1], g.cellWidth)}
}

// Stacked draws a row one fact a line, each as wide as the grid.
func (g FactGrid) Stacked(row FactRow) []string {
	out := make([]string, 0, len(row))
	for _, f := range row {
		out = append(out, RenderFact(g.c, f, g.width))
	}
	return out
}

// Fits reports whether every fact of row fits a cell uncut.
func (g FactGrid) Fits(row FactRow) bool {
	for _, f := range row {
		if factLabelWidth+2+lipgloss.Width(f.Value) > g.cellWidth {
			return false
		}
	}
	return true
}

// FactMaker builds one-fact rows, empty when there is nothing to say, so
// that a summary leaves out what a record lacks rather than showing it blank.
type FactMaker struct {
	c          *Context
	now        time.Time
	valueWidth int
}

// NewFactMaker builds facts whose times are said relative to now and fit
// valueWidth.
func NewFactMaker(c *Context, valueWidth int) FactMaker {
	return FactMaker{c: c, now: c.Now(), valueWidth: valueWidth}
}

// Styled is a fact in a style of its own.
func (f FactMaker) Styled(label, value string, style func(...string) string) FactRow {
	if value == "" {
		return nil
	}
	return FactRow{{label, style(value)}}
}

// Text is a fact in the value style.
func (f FactMaker) Text(label, value string) FactRow {
	return f.Styled(label, value, f.c.Styles.Value.Render)
}

// When is a moment, in the account's zone.
func (f FactMaker) When(label string, sec *int64) FactRow {
	return f.Text(label, When(api.UnixTime(sec, f.c.Loc()), f.now, f.c.Loc(), f.valueWidth))
}

// Due is a deadline: in the warning colour, and saying so, once it is past.
func (f FactMaker) Due(label string, sec *int64) FactRow {
	text, overdue := Due(api.UnixTime(sec, f.c.Loc()), f.now, f.c.Loc(), f.valueWidth)
	if overdue {
		return f.Styled(label, text, f.c.Styles.Warning.Render)
	}
	return f.Text(label, text)
}

// Number is a count or a score, when there is one.
func (f FactMaker) Number(label string, n *int64) FactRow {
	if n == nil {
		return nil
	}
	return f.Text(label, strconv.FormatInt(*n, 10))
}
