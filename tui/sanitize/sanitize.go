// Package sanitize makes text from the network safe to print to a terminal.
//
// Kommo data is typed by anyone: a lead named "\x1b]52;c;...\a" would write
// the user's clipboard and "\x1b[2J" would wipe the screen. Every control
// character is replaced by a visible stand-in so the text stays readable and
// inert. Bidirectional overrides are removed too: they reorder what the user
// sees (Trojan Source) without being visible themselves.
package sanitize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line returns s as a single inert line: every control character, including
// newlines and tabs, becomes a visible stand-in or a space.
func Line(s string) string {
	return clean(s, false)
}

// Block returns s with its line breaks kept (CR LF and CR become LF), tabs
// expanded to spaces and every other control character made inert.
func Block(s string) string {
	return clean(s, true)
}

const tabWidth = 4

func clean(s string, keepLines bool) string {
	if isPlain(s, keepLines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	column := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune('\uFFFD')
		case r == '\r' && keepLines:
			if i < len(s) && s[i] == '\n' {
				continue
			}
			b.WriteByte('\n')
			column = 0
			continue
		case r == '\n' && keepLines:
			b.WriteByte('\n')
			column = 0
			continue
		case r == '\t' || r == '\n' || r == '\r':
			n := 1
			if r == '\t' && keepLines {
				n = tabWidth - column%tabWidth
			}
			b.WriteString(strings.Repeat(" ", n))
			column += n
			continue
		case isBidiControl(r):
			continue
		case r < 0x20:
			// Control Pictures (U+2400..U+241F) show C0 controls as visible symbols: ESC becomes ␛.
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('\u2421')
		case r >= 0x80 && r < 0xa0:
			b.WriteRune('\uFFFD')
		case unicode.In(r, unicode.Cc, unicode.Co) || r == '\u2028' || r == '\u2029':
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
		column++
	}
	return b.String()
}

// isPlain is the fast path: printable ASCII, and in a block plain line
// breaks, need no work.
func isPlain(s string, keepLines bool) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && !(keepLines && c == '\n')) || c >= 0x7f {
			return false
		}
	}
	return true
}

func isBidiControl(r rune) bool {
	switch {
	case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069', r == '\u200E', r == '\u200F', r == '\u061C':
		return true
	}
	return false
}
