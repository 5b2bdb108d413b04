package sandbox

// vals makes a values list of plain {"value": v} entries.
func vals(vs ...any) []map[string]any {
	out := make([]map[string]any, 0, len(vs))
	for _, v := range vs {
		out = append(out, map[string]any{"value": v})
	}
	return out
}

// enumVal is a value picked from a list of options (select, multiselect, radiobutton, category).
func enumVal(v string, enumID int64) map[string]any {
	return map[string]any{"value": v, "enum_id": enumID}
}

// codedVal is a multitext or smart_address part: the value plus its enum code.
func codedVal(v string, enumID int64, enumCode string) map[string]any {
	return map[string]any{"value": v, "enum_id": enumID, "enum_code": enumCode}
}

func field(id int64, name, typ string, values ...map[string]any) customField {
	return customField{FieldID: id, FieldName: name, FieldType: typ, Values: values}
}

func codedField(id int64, name, code, typ string, values ...map[string]any) customField {
	return customField{FieldID: id, FieldName: name, FieldCode: ptr(code), FieldType: typ, Values: values}
}
