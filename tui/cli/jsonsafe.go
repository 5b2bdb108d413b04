package cli

import (
	"fmt"
	"unicode/utf8"
)

// escapeInvisible rewrites runes that JSON allows raw but a terminal may act
// on or hide (C1 controls, bidi overrides, line/paragraph separators) as \u
// escapes. The JSON value is unchanged, so jq sees exactly Kommo's data; only
// a human reading it on a terminal is protected.
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

// invisible only names runes outside ASCII: inside a JSON text every ASCII
// control character is already escaped, or the decoder refused the body.
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
