package jsonview

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/theme"
)

// Palette colours the parts of a JSON line. The zero Palette draws plain
// text.
type Palette struct {
	key, str, num, lit, punct, note paint
}

// NewPalette takes the JSON styles of st; the summary of left-out lines is
// drawn Muted.
func NewPalette(st theme.Styles) Palette {
	return Palette{
		key: newPaint(st.JSONKey), str: newPaint(st.JSONString), num: newPaint(st.JSONNumber),
		lit: newPaint(st.JSONLiteral), punct: newPaint(st.JSONPunct), note: newPaint(st.Muted),
	}
}

func (p Palette) of(c class) paint {
	switch c {
	case classKey:
		return p.key
	case classString:
		return p.str
	case classNumber:
		return p.num
	case classLiteral:
		return p.lit
	case classPunct:
		return p.punct
	case classNote:
		return p.note
	}
	return paint{}
}

// paint is a style reduced to the text around its content, so colouring a
// line is concatenation instead of a lipgloss render per token.
type paint struct{ pre, post string }

func newPaint(s lipgloss.Style) paint {
	const probe = "x" // no escape sequence contains it
	out := s.Render(probe)
	i := strings.Index(out, probe)
	if i < 0 {
		return paint{}
	}
	return paint{pre: out[:i], post: out[i+len(probe):]}
}
