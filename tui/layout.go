package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/leadscope/leadscope/theme"
)

// shared is what every part of the screen needs to draw itself: one value
// held by the root model, in the spirit of gh-dash's program context.
type shared struct {
	st    theme.Styles
	loc   *time.Location
	now   func() time.Time
	names *names // nil until the start-up directory arrives
}

const ellipsis = "…"

// truncate cuts s (which may hold styles) to width columns.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	// A string has at least as many bytes as columns.
	if len(s) <= width || ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, ellipsis)
}

// wrap breaks plain text into lines of at most width columns, at spaces
// when it can and anywhere when a word is longer than the line.
func wrap(text string, width int) []string {
	if width <= 0 {
		return nil
	}
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if len(line) <= width || ansi.StringWidth(line) <= width {
			out = append(out, line)
			continue
		}
		out = append(out, strings.Split(ansi.Wrap(line, width, ""), "\n")...)
	}
	return out
}

// padRight fills s with spaces to width columns.
func padRight(s string, width int) string {
	if w := lipgloss.Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// labelled renders "label  value" rows with the label in a fixed column and
// the value wrapped beside it, continuation lines aligned under the value.
func labelled(st theme.Styles, label, value string, labelWidth, width int) []string {
	valueWidth := max(1, width-labelWidth-2)
	lines := wrap(value, valueWidth)
	if len(lines) == 0 {
		lines = []string{""}
	}
	out := make([]string, 0, len(lines))
	gutter := strings.Repeat(" ", labelWidth+2)
	for i, l := range lines {
		prefix := gutter
		if i == 0 {
			prefix = st.Label.Render(padRight(truncate(label, labelWidth), labelWidth)) + "  "
		}
		out = append(out, prefix+st.Value.Render(l))
	}
	return out
}

// rule is a horizontal line across the screen.
func rule(st theme.Styles, width int) string {
	return st.Rule.Render(strings.Repeat("─", max(0, width)))
}
