package story

import (
	"bytes"
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Note params and event values are JSON of any shape. These helpers read
// them leniently: a number where a string was expected is its digits, a
// one-element list stands for its element, PHP's {"0":..} is a list, and
// anything else is simply absent. Nothing here fails.

// object is a decoded JSON object; nil when the value was not one.
type object map[string]any

// parseValue decodes raw JSON keeping numbers exact (phone numbers, IDs).
func parseValue(raw []byte) any {
	switch string(bytes.TrimSpace(raw)) {
	case "", "null", "[]", "{}":
		// Most events carry an empty side: no decoder needed.
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil
	}
	return v
}

// asObject reads an object, or the only element of a list holding one.
func asObject(v any) object {
	switch x := v.(type) {
	case map[string]any:
		if items, ok := indexedList(x); ok && len(items) == 1 {
			return asObject(items[0])
		}
		return x
	case []any:
		if len(x) == 1 {
			return asObject(x[0])
		}
	}
	return nil
}

// asList reads a list; an object keyed "0", "1"... is a list in key order,
// any other object a list of one, null or a scalar no list.
func asList(v any) []any {
	switch x := v.(type) {
	case []any:
		return x
	case map[string]any:
		if items, ok := indexedList(x); ok {
			return items
		}
		return []any{x}
	}
	return nil
}

func indexedList(m map[string]any) ([]any, bool) {
	if len(m) == 0 {
		return nil, false
	}
	keys := make([]int, 0, len(m))
	for k := range m {
		n, err := strconv.Atoi(k)
		if err != nil || n < 0 {
			return nil, false
		}
		keys = append(keys, n)
	}
	sort.Ints(keys)
	out := make([]any, 0, len(keys))
	for _, k := range keys {
		out = append(out, m[strconv.Itoa(k)])
	}
	return out, true
}

// obj is the member key as an object.
func (o object) obj(key string) object { return asObject(o[key]) }

// str is the member key as text: strings as they are, numbers as their
// digits, booleans as true/false; "" for anything else.
func (o object) str(key string) string { return scalarText(o[key]) }

func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

// int is the member key as an integer (a number or numeric string).
func (o object) int(key string) (int64, bool) {
	f, ok := o.num(key)
	if !ok || f >= math.MaxInt64 || f <= math.MinInt64 {
		return 0, false
	}
	return int64(f), true
}

func (o object) num(key string) (float64, bool) {
	text := strings.TrimSpace(scalarText(o[key]))
	if text == "" || text == "true" || text == "false" {
		return 0, false
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// bool is the member key as a boolean: true/false, non-zero numbers, "1".
func (o object) bool(key string) (value, ok bool) {
	switch x := o[key].(type) {
	case bool:
		return x, true
	case json.Number, string:
		if f, isNum := o.num(key); isNum {
			return f != 0, true
		}
		switch strings.ToLower(scalarText(x)) {
		case "true", "yes":
			return true, true
		case "false", "no", "":
			return false, true
		}
	}
	return false, false
}

// compactDepth and compactRunes bound the rendering of unknown shapes.
const (
	compactDepth = 4
	compactRunes = 300
)

// compact renders any JSON value on one bounded line, objects as
// "key: value, key: value" in key order, e.g. for note types nobody knows
// yet. Deeper levels than compactDepth show as "…".
func compact(v any) string {
	var b strings.Builder
	writeCompact(&b, v, 0)
	return line(b.String(), compactRunes)
}

func writeCompact(b *strings.Builder, v any, depth int) {
	if b.Len() > compactRunes*4 {
		return
	}
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case map[string]any:
		if depth >= compactDepth {
			b.WriteString("{…}")
			return
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if depth > 0 {
			b.WriteByte('{')
		}
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(k)
			b.WriteString(": ")
			writeCompact(b, x[k], depth+1)
			if b.Len() > compactRunes*4 {
				return
			}
		}
		if depth > 0 {
			b.WriteByte('}')
		}
	case []any:
		if depth >= compactDepth {
			b.WriteString("[…]")
			return
		}
		b.WriteByte('[')
		for i, item := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			writeCompact(b, item, depth+1)
			if b.Len() > compactRunes*4 {
				return
			}
		}
		b.WriteByte(']')
	default:
		b.WriteString(scalarText(x))
	}
}
