package jsonview

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// lines returns every line of d as Line gives it.
func lines(d *Doc) []string {
	out := make([]string, d.Len())
	for i := range out {
		out[i] = d.Line(i)
	}
	return out
}

// indentLines is the reference for valid JSON: json.Indent's lines, each
// cleaned as the tab cleans them. Trailing whitespace, which json.Indent
// copies and Build drops, is left out.
func indentLines(t testing.TB, raw []byte) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Indent(&buf, bytes.TrimRight(raw, " \t\r\n"), "", "  "); err != nil {
		t.Fatalf("json.Indent: %v", err)
	}
	out := strings.Split(buf.String(), "\n")
	for i, l := range out {
		out[i] = sanitize.Line(l)
	}
	return out
}

// textLines is the reference for a body that is not JSON: its lines as
// sanitize.Block cleans them, a final line break starting no line.
func textLines(raw []byte) []string {
	out := strings.Split(sanitize.Block(string(raw)), "\n")
	if len(out) > 1 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// nesting is the deepest nesting of containers in valid JSON.
func nesting(raw []byte) int {
	depth, deepest := 0, 0
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '"':
			for i++; i < len(raw) && raw[i] != '"'; i++ {
				if raw[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			depth++
			deepest = max(deepest, depth)
		case ']', '}':
			depth--
		}
	}
	return deepest
}

// fits reports whether Build should keep valid JSON whole under lim: every
// line kept, none cut, none compacted.
func fits(t testing.TB, raw []byte, lim Limits) bool {
	ref := indentLines(t, raw)
	if len(ref) > lim.MaxLines || nesting(raw) > lim.MaxDepth {
		return false
	}
	held := 0
	for i, l := range ref {
		text := strings.TrimLeft(l, " ")
		if len(text) > lim.MaxLineBytes || i > 0 && held >= lim.MaxBytes {
			return false
		}
		held += len(text)
	}
	return true
}

// checkSafe asserts s can go to a terminal: valid UTF-8, no control
// characters, no bidi controls.
func checkSafe(t testing.TB, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("%s is not valid UTF-8: %q", what, s)
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			t.Fatalf("%s holds %U: %q", what, r, s)
		}
	}
}

// checkRendered asserts Render's promises for line i at width: rows no wider
// than width and, where no row had to be cut, the line's text again once the
// indentation is taken off each row.
func checkRendered(t testing.TB, d *Doc, i, width int) {
	t.Helper()
	rows := d.Render(i, width, Palette{})
	if len(rows) == 0 {
		t.Fatalf("line %d rendered no rows at width %d", i, width)
	}
	for _, r := range rows {
		checkSafe(t, "a rendered row", r)
		if w := ansi.StringWidth(r); w > width {
			t.Fatalf("line %d: row %q is %d columns, width %d", i, r, w, width)
		}
	}
	text, pad := d.Line(i), 0
	if i < len(d.starts) {
		text, pad = string(d.lineText(i)), min(d.indent(i), width/2)
	}
	var joined strings.Builder
	for _, r := range rows {
		if !strings.HasPrefix(r, strings.Repeat(" ", pad)) {
			t.Fatalf("line %d: row %q lacks the %d-column indentation", i, r, pad)
		}
		joined.WriteString(r[pad:])
	}
	got := joined.String()
	if i == len(d.starts) { // the summary breaks between words
		got, text = strings.ReplaceAll(got, " ", ""), strings.ReplaceAll(text, " ", "")
	}
	if _, over := rowBreaks([]byte(text), width-pad); !over && got != text {
		t.Fatalf("line %d at width %d: rows %q do not make up %q", i, width, rows, text)
	}
}
