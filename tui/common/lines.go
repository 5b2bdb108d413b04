package common

import "github.com/charmbracelet/lipgloss"

// Lines are ready-made lines shown as Items, one item each: messages,
// flowed chips.
type Lines []string

// Len is how many lines there are.
func (l Lines) Len() int { return len(l) }

// Render is line i, cut to the width.
func (l Lines) Render(i, width int, _ bool) []string {
	return []string{Truncate(l[i], width)}
}

// WrappedLines is one message wrapped to the width, in a style.
func WrappedLines(style lipgloss.Style, text string, width int) Lines {
	return Lines(StyleLines(Wrap(text, width), style))
}
