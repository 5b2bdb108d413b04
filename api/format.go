package api

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Output bounds: a field with thousands of values or a megabyte of text
// still renders as a line a screen can hold.
const (
	maxFieldText = 2000
	maxValueText = 500
)

// FieldFormatter renders custom field values with what the field alone
// does not say: the time zones, the account's currency and the names of
// lists and list elements. The zero value works: times in time.Local,
// money without a currency, list references as IDs.
type FieldFormatter struct {
	// Location shows timestamps (date_time fields); nil means time.Local.
	Location *time.Location
	// DateLocation shows calendar dates (date, birthday), which Kommo stores
	// as midnight in the account's time zone: give that zone here. nil
	// means Location.
	DateLocation *time.Location
	// Currency follows price and monetary amounts, e.g. the account's "USD".
	Currency string
	// CatalogName names a list (catalog) by ID; nil or false shows "list #ID".
	CatalogName func(id int64) (string, bool)
	// ElementName names a list element; nil or false shows "element #ID".
	ElementName func(catalogID, elementID int64) (string, bool)
}

// FormatField renders a custom field with FieldFormatter{Location: loc}:
// dates and times in loc (time.Local when nil), money without a currency.
func FormatField(f CustomField, loc *time.Location) string {
	return FieldFormatter{Location: loc}.Format(f)
}

// Format renders a custom field's values as readable text, one piece per
// value joined by ", ". It never fails: a value whose shape does not match
// its type, and any type Kommo adds later, shows as compact JSON.
func (ff FieldFormatter) Format(f CustomField) string {
	if ff.Location == nil {
		ff.Location = time.Local
	}
	if ff.DateLocation == nil {
		ff.DateLocation = ff.Location
	}
	ff.Currency = strings.TrimSpace(ff.Currency)
	typ := strings.ToLower(strings.TrimSpace(f.FieldType))
	var b strings.Builder
	for _, v := range f.Values {
		s := ff.formatValue(typ, v)
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s)
		if b.Len() > maxFieldText {
			break
		}
	}
	// Compact JSON copies bytes verbatim, and JSON tolerates invalid UTF-8
	// inside strings; the result is made valid for whoever renders it.
	return strings.ToValidUTF8(truncateText(b.String(), maxFieldText), "\uFFFD")
}

// formatValue renders one value by type, falling back to compact JSON.
func (ff FieldFormatter) formatValue(typ string, v FieldValue) string {
	var s string
	var ok bool
	switch typ {
	case "text", "textarea", "url", "streetaddress", "tracking_data":
		s, ok = textValue(v.Value)
	case "numeric":
		s, ok = numberValue(v.Value)
	case "price", "monetary":
		s, ok = moneyValue(v.Value, ff.Currency)
	case "checkbox":
		s, ok = checkboxValue(v.Value)
	case "select", "multiselect", "radiobutton", "category":
		s, ok = enumValue(v)
	case "date", "birthday":
		s, ok = dateValue(v.Value, ff.DateLocation, "2006-01-02")
	case "date_time":
		s, ok = dateValue(v.Value, ff.Location, "2006-01-02 15:04")
	case "smart_address":
		s, ok = labelledValue(v, humanizeCode(v.EnumCode))
	case "multitext":
		s, ok = labelledValue(v, v.EnumCode)
	case "legal_entity", "payer", "supplier":
		s, ok = partyValue(v.Value)
	case "items":
		s, ok = itemValue(v.Value, ff.Currency)
	case "linked_entity":
		s, ok = linkedEntityValue(v.Value)
	case "file":
		s, ok = fileValue(v.Value)
	case "chained_list":
		s, ok = ff.chainedListValue(v)
	}
	if !ok {
		s = fallbackValue(v)
	}
	return truncateText(s, maxValueText)
}

// fallbackValue shows a scalar as its text and anything else as compact
// JSON; with no value key at all, the whole value object is shown.
func fallbackValue(v FieldValue) string {
	raw := v.Value
	if len(bytes.TrimSpace(raw)) == 0 {
		raw = v.Raw
	}
	if isNull(raw) {
		return ""
	}
	if s, ok := looseString(raw); ok {
		return s
	}
	return compactJSON(raw)
}

func compactJSON(raw []byte) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return truncateText(string(bytes.TrimSpace(raw)), maxValueText)
	}
	return truncateText(buf.String(), maxValueText)
}

// scalarText is a value's text when it is a string, number or boolean, "" otherwise.
func scalarText(raw []byte) string {
	s, _ := looseString(raw)
	return s
}

// textValue accepts strings and, leniently, numbers and booleans; null is empty.
func textValue(raw []byte) (string, bool) {
	if isNull(raw) {
		return "", true
	}
	return looseString(raw)
}

// numberValue shows a number as written, without exponent noise: 1e6 and
// "1.5E+3" become 1000000 and 1500. A non-numeric string is shown as is.
func numberValue(raw []byte) (string, bool) { return numeric(raw, plainNumber) }

// moneyValue shows an amount like the lead's price: "12,500.50 USD".
// Kommo sends amounts as numbers or numeric strings ("999.12"); other
// text is shown as written.
func moneyValue(raw []byte, currency string) (string, bool) {
	return numeric(raw, func(text string) string { return moneyFromText(text, currency) })
}

// numeric shows a number, or a string holding one, as show writes its
// text; null is nothing, other text is shown as written, anything else is
// not a number (false).
func numeric(raw []byte, show func(text string) string) (string, bool) {
	if isNull(raw) {
		return "", true
	}
	text, ok := numberText(raw)
	if !ok {
		if firstByte(raw) == '"' {
			return looseString(raw)
		}
		return "", false
	}
	return show(text), true
}

// moneyFromText formats a JSON number's text as money. Amounts beyond what
// a float64 holds to the cent keep their own digits, grouped.
func moneyFromText(text, currency string) string {
	if f, err := strconv.ParseFloat(text, 64); err == nil && math.Abs(f) < 1e15 {
		return FormatMoney(f, currency)
	}
	plain := plainNumber(text)
	if !isDecimal(plain) || strings.ContainsAny(plain, "eE") {
		return strings.TrimSpace(plain + " " + currency)
	}
	return strings.TrimSpace(groupDecimal(plain) + " " + currency)
}

func plainNumber(text string) string {
	text = strings.TrimPrefix(text, "+")
	if !strings.ContainsAny(text, "eE") {
		return text
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || math.Abs(f) >= 1e21 {
		return text
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func checkboxValue(raw []byte) (string, bool) {
	if isNull(raw) {
		return "no", true
	}
	b, ok := looseBool(raw)
	if !ok {
		return "", false
	}
	if b {
		return "yes", true
	}
	return "no", true
}

// enumValue shows the option's label; without one, its code or ID.
func enumValue(v FieldValue) (string, bool) {
	if !isNull(v.Value) {
		return textValue(v.Value)
	}
	switch {
	case v.EnumCode != "":
		return v.EnumCode, true
	case v.EnumID != nil:
		return "option #" + strconv.FormatInt(*v.EnumID, 10), true
	}
	return "", true
}

// Unix seconds that format as a four-digit year; anything beyond is shown raw.
const (
	minUnixSeconds = -62135596800 // 0001-01-01
	maxUnixSeconds = 253402300799 // 9999-12-31
)

// dateValue formats unix seconds in loc. Old data holds "2020-05-08"
// strings, which are kept as written; RFC 3339 strings are converted.
func dateValue(raw []byte, loc *time.Location, layout string) (string, bool) {
	if isNull(raw) {
		return "", true
	}
	if text, ok := numberText(raw); ok {
		sec, ok := looseInt(raw)
		if !ok || sec < minUnixSeconds || sec > maxUnixSeconds {
			return plainNumber(text), true
		}
		return time.Unix(sec, 0).In(loc).Format(layout), true
	}
	s, ok := looseString(raw)
	if !ok {
		return "", false
	}
	if t, err := time.Parse(time.RFC3339, strings.TrimSpace(s)); err == nil {
		return t.In(loc).Format(layout), true
	}
	return s, true
}

// labelledValue shows "value (label)" when a label is known.
func labelledValue(v FieldValue, label string) (string, bool) {
	s, ok := textValue(v.Value)
	if !ok || s == "" || label == "" {
		return s, ok
	}
	return s + " (" + label + ")", true
}

// humanizeCode turns codes such as "address_line_1" into "address line 1".
func humanizeCode(code string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(code), "_", " "))
}

// truncateText cuts s to at most max bytes on a rune boundary, marking the cut.
func truncateText(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
