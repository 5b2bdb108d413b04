package leadlist

import (
	"strings"

	"github.com/leadscope/leadscope/tui/common"
)

// columnKind names what a column shows.
type columnKind int

const (
	colName columnKind = iota
	colStage
	colPrice
	colUpdated
	colResponsible
	colTask
	colContact
)

// column is one column of the table; widths are in terminal columns.
type column struct {
	kind  columnKind
	title string
	width int
	right bool // numbers read best right-aligned
}

// columns is the table's layout for one width: the columns that fit, in
// order, the name first taking what the others leave.
type columns []column

const (
	gap        = 2
	markWidth  = 2 // the cursor's marker
	minName    = 16
	maxName    = 48
	stageWidth = 20
)

// optionalColumns leave in reverse order as the terminal narrows: the main
// contact first, then the next task, the responsible, the update time and
// the price; the name and the stage always stay.
var optionalColumns = []column{
	{kind: colPrice, title: "Price", width: 14, right: true},
	{kind: colUpdated, title: "Updated", width: 9},
	{kind: colResponsible, title: "Responsible", width: 16},
	{kind: colTask, title: "Next task", width: 14},
	{kind: colContact, title: "Main contact", width: 18},
}

// layout decides the columns for width.
func layout(width int, severalPipelines bool) columns {
	stage := column{kind: colStage, title: "Stage", width: stageWidth}
	if severalPipelines {
		stage.width = 30
	}
	room := width - markWidth - minName - gap - stage.width
	cols := columns{{kind: colName, title: "Lead"}, stage}
	for _, col := range optionalColumns {
		if room < col.width+gap {
			break
		}
		room -= col.width + gap
		cols = append(cols, col)
	}
	used := markWidth
	for _, col := range cols[1:] {
		used += gap + col.width
	}
	cols[0].width = max(1, min(maxName, width-used))
	// Room beyond the longest useful name goes to the stage.
	if spare := width - used - cols[0].width; spare > 0 {
		cols[1].width += min(spare, 10)
	}
	return cols
}

// titles is the heading line.
func (c columns) titles() string {
	cells := make([]string, len(c))
	for i, col := range c {
		cells[i] = col.cell(col.title)
	}
	return strings.Repeat(" ", markWidth) + strings.Join(cells, strings.Repeat(" ", gap))
}

func (col column) cell(text string) string {
	if col.right {
		return common.PadLeft(common.Truncate(text, col.width), col.width)
	}
	return common.Fit(text, col.width)
}
