package jsonview

import "bytes"

// stringEnd returns the index just past the JSON string starting at
// raw[i] ('"'), or -1 when it is not a valid one: unterminated, a control
// character inside, or a bad escape. Like encoding/json it accepts invalid
// UTF-8, which cleaning later shows as U+FFFD.
func stringEnd(raw []byte, i int) int {
	for j := i + 1; j < len(raw); j++ {
		switch c := raw[j]; {
		case c == '"':
			return j + 1
		case c < 0x20:
			return -1
		case c == '\\':
			n := escapeLen(raw[j+1:])
			if n < 0 {
				return -1
			}
			j += n
		}
	}
	return -1
}

// escapeLen returns how many bytes after a backslash its escape takes, or
// -1 for an invalid escape.
func escapeLen(s []byte) int {
	if len(s) == 0 {
		return -1
	}
	switch s[0] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 1
	case 'u':
		if len(s) < 5 {
			return -1
		}
		for _, c := range s[1:5] {
			if !isHex(c) {
				return -1
			}
		}
		return 5
	}
	return -1
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

var literals = [][]byte{[]byte("true"), []byte("false"), []byte("null")}

// scalarEnd returns the index just past the number or literal starting at
// raw[i], or -1 when there is none. What follows is checked by the caller's
// state: "truex" and "01" fail there, as in encoding/json.
func scalarEnd(raw []byte, i int) int {
	for _, lit := range literals {
		if bytes.HasPrefix(raw[i:], lit) {
			return i + len(lit)
		}
	}
	return numberEnd(raw, i)
}

// numberEnd matches -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func numberEnd(raw []byte, i int) int {
	if i < len(raw) && raw[i] == '-' {
		i++
	}
	switch {
	case i < len(raw) && raw[i] == '0':
		i++
	case i < len(raw) && '1' <= raw[i] && raw[i] <= '9':
		i = digitsEnd(raw, i)
	default:
		return -1
	}
	if i < len(raw) && raw[i] == '.' {
		j := digitsEnd(raw, i+1)
		if j == i+1 {
			return -1
		}
		i = j
	}
	if i < len(raw) && (raw[i] == 'e' || raw[i] == 'E') {
		i++
		if i < len(raw) && (raw[i] == '+' || raw[i] == '-') {
			i++
		}
		j := digitsEnd(raw, i)
		if j == i {
			return -1
		}
		i = j
	}
	return i
}

func digitsEnd(raw []byte, i int) int {
	for i < len(raw) && '0' <= raw[i] && raw[i] <= '9' {
		i++
	}
	return i
}
