package api

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Kommo's data is messy: numbers arrive as numeric strings or floats, PHP
// encodes an empty object as [] and a sparse array as {"0":..,"3":..}, and
// nullable fields turn up everywhere. The standard decoder fails the whole
// document on the first such surprise, so the models decode through
// fillStruct instead: it reads every field it can, coerces scalars, and
// leaves a field at its zero value when the shape makes no sense. Only
// syntactically invalid JSON is an error, and json.Unmarshal rejects that
// before any of this runs.

var (
	unmarshalerType  = reflect.TypeFor[json.Unmarshaler]()
	looseDecoderType = reflect.TypeFor[looseDecoder]()
	bareValueType    = reflect.TypeFor[bareValueKeeper]()
	rawMessageType   = reflect.TypeFor[json.RawMessage]()
)

// looseDecoder is implemented by models with their own lenient decoding;
// the walker calls it directly instead of going through json.Unmarshal,
// which would validate the subtree again. It reports whether data had a
// usable shape.
type looseDecoder interface{ decodeLooseJSON(data []byte) bool }

// bareValueKeeper marks list members that make sense even when they are
// not JSON objects.
type bareValueKeeper interface{ keepsBareValues() }

// decodeLoose fills the struct v points to from the JSON object data. A
// value that is not an object leaves v untouched. v must not be a
// looseDecoder itself (pass a method-less alias), or it would recurse.
func decodeLoose(data []byte, v any) bool {
	return fillStruct(data, reflect.ValueOf(v).Elem())
}

// objectFields splits a JSON object into its members (sub-slices of data,
// not copies); ok is false for anything that is not a well-formed object.
func objectFields(data []byte) (map[string]json.RawMessage, bool) {
	if firstByte(data) != '{' {
		return nil, false
	}
	fields := make(map[string]json.RawMessage)
	ok := eachMember(data, func(key, value []byte) { fields[string(key)] = value })
	if !ok {
		return nil, false
	}
	return fields, true
}

func firstByte(data []byte) byte {
	i := skipSpace(data, 0)
	if i >= len(data) {
		return 0
	}
	return data[i]
}

func isNull(data []byte) bool {
	return len(data) == 0 || string(bytes.TrimSpace(data)) == "null"
}

// fieldPlan is how one struct field is decoded, worked out once per type.
type fieldPlan struct {
	index int
	kind  planKind
	short bool // a string tagged lenient:"short": kept to MaxNameBytes (see clip.go)
}

type planKind uint8

const (
	planReflect planKind = iota // by kind: scalars, slices, structs, pointers
	planLoose                   // the field's type is a looseDecoder
	planRaw                     // json.RawMessage: copied as is
	planStd                     // another json.Unmarshaler: encoding/json
)

var planCache sync.Map // reflect.Type -> map[string]fieldPlan

func structPlan(t reflect.Type) map[string]fieldPlan {
	if cached, ok := planCache.Load(t); ok {
		return cached.(map[string]fieldPlan)
	}
	plan := make(map[string]fieldPlan)
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Anonymous {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		plan[name] = fieldPlan{index: i, kind: planFor(f.Type),
			short: f.Tag.Get("lenient") == "short" && f.Type.Kind() == reflect.String}
	}
	planCache.Store(t, plan)
	return plan
}

var kindCache sync.Map // reflect.Type -> planKind

func planFor(t reflect.Type) planKind {
	if k, ok := kindCache.Load(t); ok {
		return k.(planKind)
	}
	k := computePlan(t)
	kindCache.Store(t, k)
	return k
}

func computePlan(t reflect.Type) planKind {
	switch {
	case t == rawMessageType:
		return planRaw
	case reflect.PointerTo(t).Implements(looseDecoderType):
		return planLoose
	case t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(unmarshalerType):
		return planStd
	}
	return planReflect
}

// fillStruct sets the fields of v from the members of the object in data;
// members without a field are ignored, and a repeated member wins last as
// in encoding/json. It reports whether data is an object.
func fillStruct(data []byte, v reflect.Value) bool {
	if firstByte(data) != '{' {
		return false
	}
	plan := structPlan(v.Type())
	eachMember(data, func(key, value []byte) {
		p, ok := plan[string(key)]
		switch {
		case ok && p.short:
			setShortString(v.Field(p.index), value)
		case ok:
			setPlanned(v.Field(p.index), p.kind, value)
		}
	})
	return true
}

func setPlanned(v reflect.Value, kind planKind, raw []byte) bool {
	switch kind {
	case planRaw:
		v.SetBytes(append([]byte(nil), bytes.TrimSpace(raw)...))
		return true
	case planLoose:
		target := reflect.New(v.Type())
		ok := target.Interface().(looseDecoder).decodeLooseJSON(raw)
		v.Set(target.Elem())
		return ok
	case planStd:
		target := reflect.New(v.Type())
		if err := json.Unmarshal(raw, target.Interface()); err != nil {
			return false
		}
		v.Set(target.Elem())
		return true
	}
	return setLoose(v, raw)
}

// setLoose decodes raw into v as well as the shape allows and never fails;
// it reports whether raw had a usable shape for v.
func setLoose(v reflect.Value, raw []byte) bool {
	if kind := planFor(v.Type()); kind != planReflect {
		return setPlanned(v, kind, raw)
	}
	switch v.Kind() {
	case reflect.Pointer:
		return setLoosePointer(v, raw)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := looseInt(raw)
		if !ok || v.OverflowInt(n) {
			return false
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := looseInt(raw)
		if !ok || n < 0 || v.OverflowUint(uint64(n)) {
			return false
		}
		v.SetUint(uint64(n))
	case reflect.Float32, reflect.Float64:
		f, ok := looseFloat(raw)
		if !ok || v.OverflowFloat(f) {
			return false
		}
		v.SetFloat(f)
	case reflect.Bool:
		b, ok := looseBool(raw)
		if !ok {
			return false
		}
		v.SetBool(b)
	case reflect.String:
		s, ok := looseString(raw)
		if !ok {
			return false
		}
		v.SetString(s)
	case reflect.Slice:
		return setLooseSlice(v, raw)
	case reflect.Struct:
		return fillStruct(raw, v)
	default:
		target := reflect.New(v.Type())
		if err := json.Unmarshal(raw, target.Interface()); err != nil {
			return false
		}
		v.Set(target.Elem())
	}
	return true
}

// setLoosePointer leaves nil for null, for a value that cannot be coerced
// and for an empty object (PHP's [] or {} where an object is documented).
func setLoosePointer(v reflect.Value, raw []byte) bool {
	if isNull(raw) {
		return true
	}
	elem := reflect.New(v.Type().Elem())
	if !setLoose(elem.Elem(), raw) {
		return false
	}
	if elem.Elem().Kind() == reflect.Struct && elem.Elem().IsZero() {
		return true
	}
	v.Set(elem)
	return true
}

func setLooseSlice(v reflect.Value, raw []byte) bool {
	if isNull(raw) {
		return true
	}
	items := looseItems(raw)
	if items == nil {
		return false
	}
	// A list of objects skips members that are not objects (null, stray
	// strings) rather than inventing empty entities for them, except for
	// types that keep bare values (FieldValue).
	et := v.Type().Elem()
	wantObjects := et.Kind() == reflect.Struct && !reflect.PointerTo(et).Implements(bareValueType)
	out := reflect.MakeSlice(v.Type(), 0, len(items))
	elem := reflect.New(v.Type().Elem()).Elem()
	for _, item := range items {
		if wantObjects && firstByte(item) != '{' {
			continue
		}
		elem.SetZero()
		if setLoose(elem, item) || !wantObjects {
			out = reflect.Append(out, elem)
		}
	}
	v.Set(out)
	return true
}

// looseItems returns the elements of a JSON list. PHP turns sparse arrays
// into objects keyed "0", "1", ...: those are read as lists in key order. Any
// other object is taken as a list of one, a scalar or null as no list.
func looseItems(raw []byte) []json.RawMessage {
	switch firstByte(raw) {
	case '[':
		items := []json.RawMessage{}
		if !eachElement(raw, func(v []byte) { items = append(items, v) }) {
			return nil
		}
		return items
	case '{':
		fields, ok := objectFields(raw)
		if !ok {
			return nil
		}
		if keys, ok := indexKeys(fields); ok {
			items := make([]json.RawMessage, 0, len(keys))
			for _, k := range keys {
				items = append(items, fields[k])
			}
			return items
		}
		return []json.RawMessage{raw}
	}
	return nil
}

// indexKeys returns the keys in numeric order when every key is a small
// non-negative integer, as PHP writes sparse arrays.
func indexKeys(fields map[string]json.RawMessage) ([]string, bool) {
	if len(fields) == 0 {
		return nil, true
	}
	keys := make([]string, 0, len(fields))
	nums := make(map[string]int64, len(fields))
	for k := range fields {
		n, err := strconv.ParseInt(k, 10, 64)
		if err != nil || n < 0 {
			return nil, false
		}
		keys = append(keys, k)
		nums[k] = n
	}
	sort.Slice(keys, func(i, j int) bool { return nums[keys[i]] < nums[keys[j]] })
	return keys, true
}

// looseInt reads an integer from a number (fractions truncated) or a
// numeric string; ok is false for anything else or out of int64 range.
func looseInt(raw []byte) (int64, bool) {
	text, ok := numberText(raw)
	if !ok {
		return 0, false
	}
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return n, true
	}
	f, err := strconv.ParseFloat(text, 64)
	// 2^63 itself is not representable, hence >= on the upper side.
	if err != nil || math.IsNaN(f) || f >= math.MaxInt64 || f < math.MinInt64 {
		return 0, false
	}
	return int64(f), true
}

// looseFloat reads a number or a numeric string; infinities and NaN are refused.
func looseFloat(raw []byte) (float64, bool) {
	text, ok := numberText(raw)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// numberText returns the text of a JSON number, or of a string holding one
// (spaces trimmed, a decimal comma accepted).
func numberText(raw []byte) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", false
	}
	switch c := raw[0]; {
	case c == '-' || (c >= '0' && c <= '9'):
		return string(raw), true
	case c == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", false
		}
		s = strings.TrimSpace(s)
		if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
			s = strings.Replace(s, ",", ".", 1)
		}
		if !isDecimal(s) {
			return "", false
		}
		return s, true
	}
	return "", false
}

// isDecimal accepts what strconv accepts minus its extras (hex, "inf",
// underscores), so a string like "Infinity" or "0x10" is not a number here.
func isDecimal(s string) bool {
	if s == "" {
		return false
	}
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == '+':
			if i != 0 && s[i-1] != 'e' && s[i-1] != 'E' {
				return false
			}
		case r == '.' || r == 'e' || r == 'E':
		default:
			return false
		}
	}
	return digits > 0
}

// looseBool reads true/false, numbers (non-zero is true) and the strings
// Kommo and PHP use for booleans.
func looseBool(raw []byte) (bool, bool) {
	raw = bytes.TrimSpace(raw)
	switch string(raw) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	if f, ok := looseFloat(raw); ok {
		return f != 0, true
	}
	var s string
	if firstByte(raw) != '"' || json.Unmarshal(raw, &s) != nil {
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "y", "on":
		return true, true
	case "false", "no", "n", "off", "":
		return false, true
	}
	return false, false
}

// looseString reads a string, or the literal text of a number or boolean.
func looseString(raw []byte) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", false
	}
	switch c := raw[0]; {
	case c == '"':
		return unquote(raw)
	case c == '-' || (c >= '0' && c <= '9'):
		return string(raw), true
	case string(raw) == "true" || string(raw) == "false":
		return string(raw), true
	}
	return "", false
}

// unquote decodes a JSON string literal. Most of Kommo's strings carry no
// escapes and are valid UTF-8; those are taken as they are, the rest go
// through encoding/json (which also replaces invalid UTF-8).
func unquote(raw []byte) (string, bool) {
	if len(raw) >= 2 && raw[len(raw)-1] == '"' {
		inner := raw[1 : len(raw)-1]
		if plainString(inner) {
			return string(inner), true
		}
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false
	}
	return s, true
}

// plainString: no escapes, quotes or control characters, valid UTF-8.
func plainString(b []byte) bool {
	for _, c := range b {
		if c == '\\' || c == '"' || c < 0x20 {
			return false
		}
	}
	return utf8.Valid(b)
}
