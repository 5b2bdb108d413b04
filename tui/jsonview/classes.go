package jsonview

import "unicode/utf8"

// class is what a stretch of a line is, for its colour.
type class uint8

const (
	classPlain class = iota
	classKey
	classString
	classNumber
	classLiteral
	classPunct // brackets, commas, colons and the "…" of a cut
	classNote  // the summary of left-out lines
)

// span is a stretch of a line's text up to end (exclusive) in one class.
type span struct {
	end   int
	class class
}

// classify splits one line of Build's JSON output into spans. The line holds
// whole tokens, except where a cut ended it with "…": a cut string runs to
// the line's end.
func classify(s []byte, spans []span) []span {
	for i := 0; i < len(s); {
		end, c := token(s, i)
		spans = append(spans, span{end: end, class: c})
		i = end
	}
	return spans
}

// token returns the end and class of the token at s[i].
func token(s []byte, i int) (int, class) {
	switch c := s[i]; {
	case c == '"':
		end := quotedEnd(s, i)
		if end < len(s) && s[end] == ':' {
			return end, classKey
		}
		return end, classString
	case c == '-' || '0' <= c && c <= '9':
		return runEnd(s, i, isNumberByte), classNumber
	case 'a' <= c && c <= 'z':
		return runEnd(s, i, func(c byte) bool { return 'a' <= c && c <= 'z' }), classLiteral
	case c == ' ':
		return runEnd(s, i, func(c byte) bool { return c == ' ' }), classPlain
	}
	_, size := utf8.DecodeRune(s[i:])
	return i + size, classPunct
}

// quotedEnd returns the index past the string starting at s[i], or the
// line's end for a string cut short.
func quotedEnd(s []byte, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(s)
}

func isNumberByte(c byte) bool {
	return '0' <= c && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

func runEnd(s []byte, i int, in func(byte) bool) int {
	for i < len(s) && in(s[i]) {
		i++
	}
	return i
}
