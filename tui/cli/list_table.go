package cli

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/theme"
)

// The table's columns, in order.
const (
	colID = iota
	colName
	colStage
	colPrice
	colResponsible
	colUpdated
	columns
)

var headers = [columns]string{"ID", "NAME", "STAGE", "PRICE", "RESPONSIBLE", "UPDATED"}

// Columns give way in this order when the terminal is narrow, down to
// these widths, the name last: it is what people read. The rest keep their
// natural width.
var shrinkOrder = []struct{ col, min int }{{colResponsible, 12}, {colStage, 18}, {colName, 16}, {colStage, 10}, {colResponsible, 8}}

const columnGap = "  "

// tableWriter prints an aligned table, gh style, once every row is known.
type tableWriter struct {
	out   io.Writer
	names leadNames
	style tableStyle
	width int
	rows  []tableRow
}

type tableRow struct {
	cells      [columns]string
	stageColor string
	closed     int64 // api.StatusWon, api.StatusLost or 0
}

func (w *tableWriter) write(l *api.Lead) error {
	pipeline, stage, color := w.names.stage(l)
	if w.names.pipelines > 1 {
		stage = pipeline + " › " + stage
	}
	r := tableRow{stageColor: color}
	if l.StatusID == api.StatusWon || l.StatusID == api.StatusLost {
		r.closed = l.StatusID
	}
	if !w.style.plain && validHex(color) {
		stage = "● " + stage
	}
	r.cells = [columns]string{
		strconv.FormatInt(l.ID, 10), cleanLine(l.Name), stage, w.names.price(l),
		w.names.user(l.ResponsibleUserID), ago(time.Unix(l.UpdatedAt, 0), w.names.now),
	}
	w.rows = append(w.rows, r)
	return nil
}

func (w *tableWriter) flush() error {
	if len(w.rows) == 0 {
		return nil
	}
	widths := w.columnWidths()
	var b strings.Builder
	for c := range columns {
		b.WriteString(w.style.header.Render(pad(headers[c], widths[c], c == colPrice)))
		b.WriteString(gapAfter(c))
	}
	b.WriteString("\n")
	for _, r := range w.rows {
		for c := range columns {
			b.WriteString(w.style.cell(c, r, pad(fit(r.cells[c], widths[c]), widths[c], c == colPrice)))
			b.WriteString(gapAfter(c))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w.out, trimLineEnds(b.String()))
	return err
}

func gapAfter(c int) string {
	if c == columns-1 {
		return ""
	}
	return columnGap
}

// columnWidths: each column's widest value, then the shrinkable ones
// narrowed until the table fits the terminal.
func (w *tableWriter) columnWidths() [columns]int {
	var widths [columns]int
	for c := range columns {
		widths[c] = ansi.StringWidth(headers[c])
	}
	for _, r := range w.rows {
		for c := range columns {
			widths[c] = max(widths[c], ansi.StringWidth(r.cells[c]))
		}
	}
	total := len(columnGap) * (columns - 1)
	for _, n := range widths {
		total += n
	}
	for _, s := range shrinkOrder {
		if over := total - w.width; over > 0 && widths[s.col] > s.min {
			cut := min(over, widths[s.col]-s.min)
			widths[s.col] -= cut
			total -= cut
		}
	}
	return widths
}

// fit truncates s to width display columns with an ellipsis.
func fit(s string, width int) string {
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

func pad(s string, width int, right bool) string {
	gap := width - ansi.StringWidth(s)
	if gap <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", gap) + s
	}
	return s + strings.Repeat(" ", gap)
}

func trimLineEnds(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// ago says how long ago t was, compactly: "just now", "5m ago", "3h ago",
// "2d ago", "4mo ago", "1y ago", or "in 3h" for the future.
func ago(t, now time.Time) string {
	d := now.Sub(t)
	future := d < 0
	if future {
		d = -d
	}
	var amount string
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		amount = fmt.Sprintf("%dm", d/time.Minute)
	case d < 24*time.Hour:
		amount = fmt.Sprintf("%dh", d/time.Hour)
	case d < 30*24*time.Hour:
		amount = fmt.Sprintf("%dd", d/(24*time.Hour))
	case d < 365*24*time.Hour:
		amount = fmt.Sprintf("%dmo", d/(30*24*time.Hour))
	default:
		amount = fmt.Sprintf("%dy", d/(365*24*time.Hour))
	}
	if future {
		return "in " + amount
	}
	return amount + " ago"
}

// tableStyle colours the table on a terminal that shows colour, unless NO_COLOR is set.
type tableStyle struct {
	plain                        bool
	r                            *lipgloss.Renderer
	header, id, muted, won, lost lipgloss.Style
	palette                      theme.Palette
}

func newTableStyle(e *Env) tableStyle {
	if !e.OutIsTTY || e.Getenv("NO_COLOR") != "" {
		return tableStyle{plain: true}
	}
	return styleFor(lipgloss.NewRenderer(e.Stdout))
}

func styleFor(r *lipgloss.Renderer) tableStyle {
	if r.ColorProfile() == termenv.Ascii {
		return tableStyle{plain: true}
	}
	p := theme.Default
	return tableStyle{
		r: r, palette: p,
		header: r.NewStyle().Bold(true).Foreground(p.Muted),
		id:     r.NewStyle().Foreground(p.Faint),
		muted:  r.NewStyle().Foreground(p.Muted),
		won:    r.NewStyle().Foreground(p.Success),
		lost:   r.NewStyle().Foreground(p.Error),
	}
}

// cell colours one padded cell of r.
func (s tableStyle) cell(c int, r tableRow, text string) string {
	if s.plain {
		return text
	}
	switch c {
	case colID:
		return s.id.Render(text)
	case colStage:
		return s.stage(r, text)
	case colResponsible, colUpdated:
		return s.muted.Render(text)
	}
	return text
}

// stage draws the bullet in the stage's Kommo colour, the name in green
// or red once the lead is won or lost.
func (s tableStyle) stage(r tableRow, text string) string {
	name := text
	var bullet string
	if rest, ok := strings.CutPrefix(text, "● "); ok && validHex(r.stageColor) {
		bullet, name = s.r.NewStyle().Foreground(lipgloss.Color(r.stageColor)).Render("●")+" ", rest
	}
	switch r.closed {
	case api.StatusWon:
		name = s.won.Render(name)
	case api.StatusLost:
		name = s.lost.Render(name)
	}
	return bullet + name
}

var hexColor = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// validHex accepts only Kommo's "#rgb"/"#rrggbb": the colour comes from the server.
func validHex(s string) bool { return hexColor.MatchString(s) }

// terminalWidth is COLUMNS when set, else the terminal's width, else 120.
func terminalWidth(e *Env) int {
	if n, err := strconv.Atoi(strings.TrimSpace(e.Getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	if f, ok := e.Stdout.(*os.File); ok {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return w
		}
	}
	return 120
}
