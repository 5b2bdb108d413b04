package api

import (
	"strconv"
	"strings"
)

// Object-valued field types: each shows its meaningful members and skips
// internal ones (UUIDs, external IDs). Parts of one value are separated by
// "; " because values themselves are joined by ", ".

// objectMembers reads a JSON object value; ok is false for any other shape.
func objectMembers(raw []byte) (map[string]string, bool) {
	fields, ok := objectFields(raw)
	if !ok {
		return nil, false
	}
	out := make(map[string]string, len(fields))
	for k, v := range fields {
		if s, ok := looseString(v); ok {
			out[k] = strings.TrimSpace(s)
		}
	}
	return out, true
}

// partyValue renders legal_entity, payer and supplier objects:
// "Acme LLC (companies #12); VAT ID 7701; KPP 7701001; Moscow, Tverskaya 1".
func partyValue(raw []byte) (string, bool) {
	if isNull(raw) {
		return "", true
	}
	if firstByte(raw) == '"' {
		return looseString(raw)
	}
	m, ok := objectMembers(raw)
	if !ok {
		return "", false
	}
	parts := []string{withRef(m["name"], entityRef(m))}
	for _, lf := range []struct{ key, label string }{
		{"vat_id", "VAT ID"},
		{"inn", "INN"},
		{"tax_registration_reason_code", "KPP"},
		{"kpp", "KPP"},
		{"bank_code", "BIC"},
		{"bank_account_number", "account"},
		{"address", ""},
		{"legal_address", ""},
		{"email", ""},
		{"phone", ""},
	} {
		if s := m[lf.key]; s != "" {
			parts = append(parts, strings.TrimSpace(lf.label+" "+s))
		}
	}
	return joinParts(parts)
}

// itemValue renders an invoice line: "SKU-1 Widget; 2 pcs × 10.5; discount 5%".
func itemValue(raw []byte) (string, bool) {
	if isNull(raw) {
		return "", true
	}
	fields, ok := objectFields(raw)
	if !ok {
		return "", false
	}
	m, _ := objectMembers(raw)
	head := strings.TrimSpace(m["sku"] + " " + m["description"])
	qty := numberOrText(fields["quantity"])
	if qty != "" && m["unit_type"] != "" {
		qty += " " + m["unit_type"]
	}
	price := numberOrText(fields["unit_price"])
	var amount string
	switch {
	case qty != "" && price != "":
		amount = qty + " × " + price
	case price != "":
		amount = "at " + price
	default:
		amount = qty
	}
	return joinParts([]string{head, amount, discountText(fields["discount"])})
}

// discountText renders {"type":"percentage","value":5} as "discount 5%".
func discountText(raw []byte) string {
	fields, ok := objectFields(raw)
	if !ok {
		return ""
	}
	value := numberOrText(fields["value"])
	if value == "" || value == "0" {
		return ""
	}
	if t, _ := looseString(fields["type"]); strings.HasPrefix(strings.ToLower(t), "percent") {
		value += "%"
	}
	return "discount " + value
}

func numberOrText(raw []byte) string {
	if raw == nil {
		return ""
	}
	s, ok := numberValue(raw)
	if !ok {
		return ""
	}
	return s
}

// linkedEntityValue renders "Jane Doe (contacts #12)".
func linkedEntityValue(raw []byte) (string, bool) {
	if isNull(raw) {
		return "", true
	}
	m, ok := objectMembers(raw)
	if !ok {
		return "", false
	}
	return joinParts([]string{withRef(m["name"], entityRef(m))})
}

// entityRef renders entity_type and entity_id as "companies #40000001". A
// numeric entity_type is a code whose meaning Kommo does not document, so
// it is left out.
func entityRef(m map[string]string) string {
	ref := m["entity_type"]
	if _, numeric := looseInt([]byte(ref)); numeric {
		ref = ""
	}
	if id := m["entity_id"]; id != "" {
		ref = strings.TrimSpace(ref + " #" + id)
	}
	return ref
}

// withRef appends a reference in parentheses to a name, or stands alone.
func withRef(name, ref string) string {
	switch {
	case ref == "":
		return name
	case name == "":
		return ref
	}
	return name + " (" + ref + ")"
}

// fileValue renders "report.pdf (1.2 MiB)".
func fileValue(raw []byte) (string, bool) {
	if isNull(raw) {
		return "", true
	}
	fields, ok := objectFields(raw)
	if !ok {
		return "", false
	}
	m, _ := objectMembers(raw)
	name := m["file_name"]
	if name == "" {
		name = m["file_uuid"]
	}
	if size, ok := looseInt(fields["file_size"]); ok && size >= 0 {
		if name == "" {
			return "", false
		}
		return name + " (" + humanBytes(size) + ")", true
	}
	return joinParts([]string{name})
}

// chainedListValue renders a chained_list reference, which has no value
// key: the whole value object is {catalog_id, catalog_element_id}.
func chainedListValue(v FieldValue) (string, bool) {
	fields, ok := objectFields(v.Raw)
	if !ok {
		return "", false
	}
	catalog, okC := looseInt(fields["catalog_id"])
	element, okE := looseInt(fields["catalog_element_id"])
	switch {
	case okC && okE:
		return "list #" + strconv.FormatInt(catalog, 10) + " element #" + strconv.FormatInt(element, 10), true
	case okE:
		return "element #" + strconv.FormatInt(element, 10), true
	}
	return "", false
}

// joinParts joins the non-empty parts; with none, the value is odd and
// falls back to JSON.
func joinParts(parts []string) (string, bool) {
	kept := parts[:0:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return "", false
	}
	return strings.Join(kept, "; "), true
}
