package api

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// A minimal JSON scanner for the lenient decoder. encoding/json validates
// its whole input on every Unmarshal call, so decoding a nested document
// level by level re-validates every subtree once per level; on the huge
// lead that was most of the time. These functions only find where members
// and elements start and end, returning sub-slices without copying. They
// rely on the document having been validated once (json.Unmarshal does
// that before calling UnmarshalJSON), and on anything else (FieldValues
// built by hand, fuzzed bytes) they never panic or loop: they stop and
// report a malformed shape.

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(data []byte, i int) int {
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	return i
}

// skipString returns the index just past the string starting at data[i]
// (which must be '"'), or -1 when it does not end.
func skipString(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// skipValue returns the index just past the value starting at data[i], or
// -1 when there is no complete value there.
func skipValue(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{', '[':
		return skipNested(data, i)
	case '}', ']', ',', ':':
		return -1
	}
	j := i
	for j < len(data) && !isSpace(data[j]) && data[j] != ',' && data[j] != '}' && data[j] != ']' && data[j] != ':' && data[j] != '"' {
		j++
	}
	return j
}

// skipNested skips an object or array by counting brackets outside strings.
func skipNested(data []byte, i int) int {
	depth := 0
	for i < len(data) {
		switch data[i] {
		case '"':
			j := skipString(data, i)
			if j < 0 {
				return -1
			}
			i = j
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
		i++
	}
	return -1
}

// eachMember calls fn with the key (unquoted and unescaped) and
// the raw value of every member of the object in data. It reports false
// when data is not an object or is malformed; fn may have been called for
// the members before the fault.
func eachMember(data []byte, fn func(key, value []byte)) bool {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return skipSpace(data, i+1) == len(data)
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return false
		}
		keyEnd := skipString(data, i)
		if keyEnd < 0 {
			return false
		}
		key := data[i+1 : keyEnd-1]
		if bytes.IndexByte(key, '\\') >= 0 || !utf8.Valid(key) {
			var unescaped string
			if json.Unmarshal(data[i:keyEnd], &unescaped) != nil {
				return false
			}
			key = []byte(unescaped)
		}
		i = skipSpace(data, keyEnd)
		if i >= len(data) || data[i] != ':' {
			return false
		}
		start := skipSpace(data, i+1)
		end := skipValue(data, start)
		if end < 0 {
			return false
		}
		fn(key, data[start:end])
		i = skipSpace(data, end)
		if i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
			continue
		}
		return i < len(data) && data[i] == '}' && skipSpace(data, i+1) == len(data)
	}
}

// eachElement calls fn with every element of the array in data, reporting
// false when data is not an array or is malformed.
func eachElement(data []byte, fn func(value []byte)) bool {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '[' {
		return false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return skipSpace(data, i+1) == len(data)
	}
	for {
		end := skipValue(data, i)
		if end < 0 {
			return false
		}
		fn(data[i:end])
		i = skipSpace(data, end)
		if i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
			continue
		}
		return i < len(data) && data[i] == ']' && skipSpace(data, i+1) == len(data)
	}
}
