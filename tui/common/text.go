package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/leadscope/leadscope/theme"
)

// Ellipsis marks text cut short.
const Ellipsis = "…"

// Truncate cuts s (which may hold styles) to width columns, as Width
// counts them.
func Truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	// A string has at least as many bytes as columns.
	if len(s) <= width || Width(s) <= width {
		return s
	}
	cut := ansi.Truncate(s, width, Ellipsis)
	// Where the terminal counts more columns than ansi does, cut more.
	for limit := width - 1; limit > 0 && Width(cut) > width; limit-- {
		cut = ansi.Truncate(s, limit, Ellipsis)
	}
	return cut
}

// Wrap breaks plain text into lines of at most width columns, at spaces
// when it can and anywhere when a word is longer than the line.
func Wrap(text string, width int) []string {
	if width <= 0 {
		return nil
	}
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if len(line) <= width || Width(line) <= width {
			out = append(out, line)
			continue
		}
		out = append(out, strings.Split(ansi.Wrap(line, width, ""), "\n")...)
	}
	return out
}

// PadRight fills s with spaces to width columns.
func PadRight(s string, width int) string {
	if w := Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// PadLeft right-aligns s in width columns.
func PadLeft(s string, width int) string {
	if w := Width(s); w < width {
		return strings.Repeat(" ", width-w) + s
	}
	return s
}

// Fit truncates s to width and pads it to exactly width columns.
func Fit(s string, width int) string { return PadRight(Truncate(s, width), width) }

// Labelled renders "label  value" rows with the label in a fixed column and
// the value wrapped beside it, continuation lines aligned under the value.
func Labelled(st theme.Styles, label, value string, labelWidth, width int) []string {
	valueWidth := max(1, width-labelWidth-2)
	lines := Wrap(value, valueWidth)
	if len(lines) == 0 {
		lines = []string{""}
	}
	out := make([]string, 0, len(lines))
	gutter := strings.Repeat(" ", labelWidth+2)
	for i, l := range lines {
		prefix := gutter
		if i == 0 {
			prefix = st.Label.Render(PadRight(Truncate(label, labelWidth), labelWidth)) + "  "
		}
		out = append(out, prefix+st.Value.Render(l))
	}
	return out
}

// Rule is a horizontal line across the screen.
func Rule(st theme.Styles, width int) string {
	return st.Rule.Render(strings.Repeat("─", max(0, width)))
}

// Spread puts left and right at the two ends of a line of width columns,
// cutting left if they do not both fit.
func Spread(left, right string, width int) string {
	rw := Width(right)
	left = Truncate(left, max(0, width-rw-1))
	gap := width - Width(left) - rw
	if right == "" {
		return left
	}
	return left + strings.Repeat(" ", max(1, gap)) + right
}

// FillLines pads or cuts lines to exactly height.
func FillLines(lines []string, height int) []string {
	if height <= 0 {
		return nil
	}
	if len(lines) > height {
		return lines[:height]
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return lines
}

// JoinLines is strings.Join with the size known up front.
func JoinLines(lines []string) string {
	n := len(lines)
	for _, l := range lines {
		n += len(l)
	}
	var b strings.Builder
	b.Grow(n)
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	return b.String()
}

// StyleLines renders every line with style.
func StyleLines(lines []string, style lipgloss.Style) []string {
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}
