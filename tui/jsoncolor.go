package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/theme"
)

// paint is a style reduced to the text around its content, so colouring
// thousands of JSON lines is concatenation instead of a lipgloss render each.
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

func (p paint) apply(s string) string {
	if s == "" || p.pre == "" {
		return s
	}
	return p.pre + s + p.post
}

// jsonPalette colours indented JSON line by line.
type jsonPalette struct {
	key, str, num, lit, punct paint
}

func newJSONPalette(st theme.Styles) jsonPalette {
	return jsonPalette{
		key: newPaint(st.JSONKey), str: newPaint(st.JSONString), num: newPaint(st.JSONNumber),
		lit: newPaint(st.JSONLiteral), punct: newPaint(st.JSONPunct),
	}
}

// line colours one line of json.Indent output: `  "key": value,`. It only
// adds colour around the text, so the line's width does not change.
func (p jsonPalette) line(l string) string {
	body := strings.TrimLeft(l, " ")
	indent := l[:len(l)-len(body)]
	var b strings.Builder
	b.Grow(len(l) + 32)
	b.WriteString(indent)
	if end := stringEnd(body); end > 0 && strings.HasPrefix(body[end:], ": ") {
		b.WriteString(p.key.apply(body[:end]))
		b.WriteString(p.punct.apply(":"))
		b.WriteByte(' ')
		body = body[end+2:]
	}
	value, comma := body, ""
	if strings.HasSuffix(value, ",") {
		value, comma = value[:len(value)-1], ","
	}
	switch {
	case value == "":
	case value[0] == '"':
		b.WriteString(p.str.apply(value))
	case value == "true" || value == "false" || value == "null":
		b.WriteString(p.lit.apply(value))
	case value[0] == '-' || value[0] >= '0' && value[0] <= '9':
		b.WriteString(p.num.apply(value))
	default: // brackets and braces
		b.WriteString(p.punct.apply(value))
	}
	b.WriteString(p.punct.apply(comma))
	return b.String()
}

// stringEnd returns the index just past the JSON string that s starts
// with, or 0 when s does not start with a complete one.
func stringEnd(s string) int {
	if s == "" || s[0] != '"' {
		return 0
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return 0
}
