package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Paint is a style reduced to the text around its content, so colouring
// thousands of cells is concatenation instead of a lipgloss render each.
// It suits single-line text without padding or borders.
type Paint struct{ pre, post string }

// NewPaint captures what s writes around its content.
func NewPaint(s lipgloss.Style) Paint {
	const probe = "x" // no escape sequence contains it
	out := s.Render(probe)
	i := strings.Index(out, probe)
	if i < 0 {
		return Paint{}
	}
	return Paint{pre: out[:i], post: out[i+len(probe):]}
}

// Apply colours s.
func (p Paint) Apply(s string) string {
	if s == "" || p.pre == "" {
		return s
	}
	return p.pre + s + p.post
}
