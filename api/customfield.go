package api

import (
	"bytes"
	"encoding/json"
	"reflect"
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

// UnmarshalJSON keeps the whole object in Raw besides the known keys. Some
// Kommo examples spell enum_code as "enum"; it is read when enum_code is
// missing (a numeric "enum" is the enum ID of older data). A value that is
// not an object (seen in odd data) is kept as the value itself.
func (v *FieldValue) UnmarshalJSON(data []byte) error {
	raw := append(json.RawMessage(nil), bytes.TrimSpace(data)...)
	fields, ok := objectFields(data)
	if !ok {
		*v = FieldValue{Value: raw, Raw: raw}
		return nil
	}
	type plain FieldValue
	var p plain
	fillStruct(fields, reflect.ValueOf(&p).Elem())
	if enum, ok := fields["enum"]; ok {
		if n, isNum := looseInt(enum); isNum && firstByte(enum) != '"' {
			if p.EnumID == nil {
				p.EnumID = &n
			}
		} else if s, isStr := looseString(enum); isStr && p.EnumCode == "" {
			p.EnumCode = s
		}
	}
	*v = FieldValue(p)
	v.Raw = raw
	return nil
}

// keepsBareValues: a value list member that is not an object is the value itself.
func (*FieldValue) keepsBareValues() {}

// UnmarshalJSON reads a custom field leniently (see lenient.go).
func (f *CustomField) UnmarshalJSON(data []byte) error {
	type plain CustomField
	var p plain
	decodeLoose(data, &p)
	*f = CustomField(p)
	return nil
}
