package api

import "encoding/json"

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

// UnmarshalJSON keeps the whole object in Raw besides the known keys.
func (v *FieldValue) UnmarshalJSON(data []byte) error {
	type plain FieldValue
	var p plain
	// A value that is not an object (seen in odd data) is kept as the value itself.
	if err := json.Unmarshal(data, &p); err != nil {
		*v = FieldValue{Value: append(json.RawMessage(nil), data...), Raw: append(json.RawMessage(nil), data...)}
		return nil
	}
	*v = FieldValue(p)
	v.Raw = append(json.RawMessage(nil), data...)
	return nil
}
