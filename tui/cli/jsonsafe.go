package cli

import (
	"fmt"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonFor prepares Kommo's JSON body for stdout. Piped (for jq) it stays
// Kommo's data, only rewritten where a rune is invisible (escapeInvisible);
// on a terminal every byte that is not printable valid UTF-8 is made
// visible (terminalJSON).
func jsonFor(raw []byte, toTerminal bool) []byte {
	if toTerminal {
		return terminalJSON(raw)
	}
	return escapeInvisible(raw)
}

// terminalJSON rewrites a JSON text so that a terminal shows it and acts
// on none of it, in one linear pass (never re-indented: indenting is
// quadratic in nesting depth). Inside strings:
//   - printable valid UTF-8 stays as it is, escape sequences too;
//   - a rune a terminal may act on or hide (C0 and C1 controls, DEL, bidi
//     and other format controls, line and paragraph separators, private
//     use and unassigned code points) becomes its \u escape: the same
//     JSON value;
//   - a byte that is not valid UTF-8 becomes \ufffd\\xHH: the replacement
//     character a decoder would have made of it, then the text \xHH naming
//     the byte. The output stays valid JSON; the value then differs from
//     Kommo's, so scripts read the piped output instead.
//
// Outside strings CR LF and CR become LF and a TAB two spaces; any other
// byte that is not printable ASCII (never there in valid JSON) is written
// as the text \xHH.
func terminalJSON(raw []byte) []byte {
	out := make([]byte, 0, len(raw)+len(raw)/32)
	inString := false
	for i := 0; i < len(raw); {
		c := raw[i]
		if !inString {
			i++
			switch {
			case c == '"':
				inString = true
				out = append(out, c)
			case c == '\r':
				if i < len(raw) && raw[i] == '\n' {
					i++
				}
				out = append(out, '\n')
			case c == '\t':
				out = append(out, "  "...)
			case c == '\n' || (c >= 0x20 && c < 0x7f):
				out = append(out, c)
			default:
				out = fmt.Appendf(out, `\x%02x`, c)
			}
			continue
		}
		switch {
		case c == '\\' && i+1 < len(raw) && raw[i+1] >= 0x20 && raw[i+1] < 0x7f:
			out = append(out, c, raw[i+1])
			i += 2
			continue
		case c == '"':
			inString = false
			out = append(out, c)
			i++
			continue
		case c >= 0x20 && c < 0x7f && c != '\\':
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			out = fmt.Appendf(out, `\ufffd\\x%02x`, c)
		case shownAsIs(r):
			out = append(out, raw[i:i+size]...)
		default:
			out = appendRuneEscape(out, r)
		}
		i += size
	}
	return out
}

// shownAsIs: a rune a terminal draws as itself. Joiners stay, so emoji
// sequences still join.
func shownAsIs(r rune) bool {
	switch {
	case r == '\u200c' || r == '\u200d':
		return true
	case invisible(r) || unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Zl, unicode.Zp):
		return false
	}
	return unicode.IsGraphic(r)
}

// appendRuneEscape writes r as JSON's \uXXXX, as a surrogate pair beyond
// the Basic Multilingual Plane.
func appendRuneEscape(out []byte, r rune) []byte {
	if r > 0xffff {
		hi, lo := utf16.EncodeRune(r)
		return fmt.Appendf(out, `\u%04x\u%04x`, hi, lo)
	}
	return fmt.Appendf(out, `\u%04x`, r)
}

// escapeInvisible rewrites runes that JSON allows raw but a terminal may act
// on or hide (C1 controls, bidi overrides, line/paragraph separators) as \u
// escapes. The JSON value is unchanged, so jq sees exactly Kommo's data.
func escapeInvisible(raw []byte) []byte {
	if !needsEscape(raw) {
		return append([]byte(nil), raw...)
	}
	out := make([]byte, 0, len(raw)+64)
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		if size > 1 && invisible(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, raw[i:i+size]...)
		}
		i += size
	}
	return out
}

func needsEscape(raw []byte) bool {
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if invisible(r) {
			return true
		}
		i += size
	}
	return false
}

// invisible names the runes outside ASCII that escapeInvisible rewrites.
func invisible(r rune) bool {
	switch {
	case r >= 0x80 && r < 0xa0:
		return true
	case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069':
		return true
	case r == '\u200E', r == '\u200F', r == '\u061C', r == '\u2028', r == '\u2029':
		return true
	}
	return false
}
