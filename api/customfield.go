package api

import (
	"bytes"
	"encoding/json"
)

// CustomField is one entry of custom_fields_values. Kommo adds field types
// over time, so values stay raw and are formatted per type with a fallback.
type CustomField struct {
	FieldID   int64        `json:"field_id"`
	FieldName string       `json:"field_name"`
	FieldCode string       `json:"field_code"`
	FieldType string       `json:"field_type"`
	Values    []FieldValue `json:"values"`
}

// FieldValue is one value of a custom field. Value is kept as raw JSON because
// its shape depends on the field type (string, number, bool, object, or absent
// as in chained_list); Raw is the whole value object.
type FieldValue struct {
	Value    json.RawMessage `json:"value"`
	EnumID   *int64          `json:"enum_id"`
	EnumCode string          `json:"enum_code"`
	Raw      json.RawMessage `json:"-"`
}

// UnmarshalJSON keeps the whole object in Raw besides the known keys (see
// decodeLooseJSON); it never fails.
func (v *FieldValue) UnmarshalJSON(data []byte) error {
	v.decodeLooseJSON(data)
	return nil
}

// fieldValueWire is FieldValue as it may arrive, "enum" included. Value
// and Enum are views into the value's own copy, not copies of their own: a
// lead can carry hundreds of thousands of values.
type fieldValueWire struct {
	Value    rawView `json:"value"`
	EnumID   *int64  `json:"enum_id"`
	EnumCode string  `json:"enum_code"`
	Enum     rawView `json:"enum"`
}

// rawView is a JSON value left undecoded, as a slice of the bytes it was
// read from; only for bytes the decoder owns.
type rawView []byte

func (r *rawView) decodeLooseJSON(data []byte) bool {
	*r = bytes.TrimSpace(data)
	return true
}

// decodeLooseJSON: some Kommo examples spell enum_code as "enum"; it is read
// when enum_code is missing (a numeric "enum" is the enum ID of older data).
// A value that is not an object (seen in odd data) is kept as the value itself.
func (v *FieldValue) decodeLooseJSON(data []byte) bool {
	raw := append(json.RawMessage(nil), bytes.TrimSpace(data)...)
	var w fieldValueWire
	if !decodeLoose(raw, &w) {
		*v = FieldValue{Value: raw, Raw: raw}
		return true
	}
	*v = FieldValue{Value: json.RawMessage(w.Value), EnumID: w.EnumID, EnumCode: w.EnumCode, Raw: raw}
	if w.Enum != nil {
		if n, isNum := looseInt(w.Enum); isNum && firstByte(w.Enum) != '"' {
			if v.EnumID == nil {
				v.EnumID = &n
			}
		} else if s, isStr := looseString(w.Enum); isStr && v.EnumCode == "" {
			v.EnumCode = s
		}
	}
	return true
}

// keepsBareValues: a value list member that is not an object is the value itself.
func (*FieldValue) keepsBareValues() {}

// UnmarshalJSON reads a custom field leniently (see lenient.go).
func (f *CustomField) UnmarshalJSON(data []byte) error {
	f.decodeLooseJSON(data)
	return nil
}

func (f *CustomField) decodeLooseJSON(data []byte) bool {
	type plain CustomField
	*f = CustomField{}
	return decodeLoose(data, (*plain)(f))
}
