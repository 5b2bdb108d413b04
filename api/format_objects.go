package api

import (
	"strconv"
	"strings"
)

// Object-valued field types: each shows its meaningful members and skips
// internal ones (UUIDs, external IDs). Parts of one value are separated by
// "; " because values themselves are joined by ", ".

// objectMembers reads a JSON object value's scalar members by lower-case
// key (the official client writes legal_entity's "BIN", "UNP" and
// "EGRPOU" in capitals, payer's in lower case); a non-empty lower-case key
// wins. ok is false for any other shape.
func objectMembers(raw []byte) (map[string]string, bool) {
	fields, ok := objectFields(raw)
	if !ok {
		return nil, false
	}
	out := make(map[string]string, len(fields))
	for k, v := range fields {
		s, ok := looseString(v)
		if !ok {
			continue
		}
		s = strings.TrimSpace(s)
		key := strings.ToLower(k)
		if old, seen := out[key]; !seen || old == "" || key == k && s != "" {
			out[key] = s
		}
	}
	return out, true
}

// partyMembers are the details of legal_entity, payer and supplier values
// worth showing, in the order shown; the labels are the registers' usual
// abbreviations (INN in Russia, BIN in Kazakhstan, UNP in Belarus, EGRPOU
// and MFO in Ukraine).
var partyMembers = []struct{ key, label string }{
	{"vat_id", "VAT ID"},
	{"inn", "INN"},
	{"bin", "BIN"},
	{"unp", "UNP"},
	{"egrpou", "EGRPOU"},
	{"tax_registration_reason_code", "KPP"},
	{"kpp", "KPP"},
	{"oked", "OKED"},
	{"bank_code", "BIC"},
	{"mfo", "MFO"},
	{"bank_account_number", "account"},
	{"director", "director"},
	{"address", ""},
	{"legal_address", ""},
	{"real_address", "actual address"},
	{"email", ""},
	{"phone", ""},
}

// partyValue renders legal_entity, payer and supplier objects:
// "Acme LLC (companies #12); legal entity; VAT ID 7701; BIN 1234; Moscow, Tverskaya 1".
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
	parts := []string{withRef(m["name"], entityRef(m)), humanizeCode(m["type"])}
	for _, pm := range partyMembers {
		s := m[pm.key]
		if s == "" || pm.key == "real_address" && s == m["address"] {
			continue
		}
		parts = append(parts, strings.TrimSpace(pm.label+" "+s))
	}
	return joinParts(parts)
}

// itemValue renders an invoice line:
// "SKU-1 Widget; 2 pcs × 10.50; discount 5%; VAT 20%; total 19.95 USD".
func itemValue(raw []byte, currency string) (string, bool) {
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
	price := moneyOrText(fields["unit_price"], "")
	var amount string
	switch {
	case qty != "" && price != "":
		amount = qty + " × " + price
	case price != "":
		amount = "at " + price
	default:
		amount = qty
	}
	return joinParts([]string{head, amount, discountText(fields["discount"], currency),
		vatText(fields["vat_rate_value"]), totalText(fields["total_sum"], currency)})
}

// discountText renders {"type":"percentage","value":5} as "discount 5%" and
// {"type":"amount","value":20} as "discount 20 USD".
func discountText(raw []byte, currency string) string {
	fields, ok := objectFields(raw)
	if !ok {
		return ""
	}
	value := numberOrText(fields["value"])
	if value == "" || value == "0" {
		return ""
	}
	switch t, _ := looseString(fields["type"]); {
	case strings.HasPrefix(strings.ToLower(t), "percent"):
		value += "%"
	case strings.EqualFold(t, "amount"):
		value = moneyOrText(fields["value"], currency)
	}
	return "discount " + value
}

// vatText renders vat_rate_value, a percentage, as "VAT 20%".
func vatText(raw []byte) string {
	if _, ok := looseFloat(raw); !ok {
		return ""
	}
	return "VAT " + numberOrText(raw) + "%"
}

// totalText renders the line's total_sum; Kommo writes 0 when it did not
// compute one, so zero is left out.
func totalText(raw []byte, currency string) string {
	if f, ok := looseFloat(raw); !ok || f == 0 {
		return ""
	}
	return "total " + moneyOrText(raw, currency)
}

// moneyOrText is a number as money, or "" when raw is absent or not numeric.
func moneyOrText(raw []byte, currency string) string {
	if raw == nil {
		return ""
	}
	text, ok := numberText(raw)
	if !ok {
		return ""
	}
	return moneyFromText(text, currency)
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

// chainedListValue renders a chained_list reference as "North depot
// (Warehouses)", with IDs for the names the formatter does not know. The
// value has no value key: the whole value object is {catalog_id,
// catalog_element_id}.
func (ff FieldFormatter) chainedListValue(v FieldValue) (string, bool) {
	fields, ok := objectFields(v.Value)
	if !ok {
		fields, ok = objectFields(v.Raw)
	}
	if !ok {
		return "", false
	}
	catalog, okC := looseInt(fields["catalog_id"])
	element, okE := looseInt(fields["catalog_element_id"])
	if !okE {
		return "", false
	}
	name := "element #" + strconv.FormatInt(element, 10)
	if okC {
		if n, ok := knownName(ff.ElementName, catalog, element); ok {
			name = n
		}
	}
	if !okC {
		return name, true
	}
	list := "list #" + strconv.FormatInt(catalog, 10)
	if ff.CatalogName != nil {
		if n, ok := ff.CatalogName(catalog); ok && strings.TrimSpace(n) != "" {
			list = strings.TrimSpace(n)
		}
	}
	return name + " (" + list + ")", true
}

func knownName(lookup func(int64, int64) (string, bool), a, b int64) (string, bool) {
	if lookup == nil {
		return "", false
	}
	n, ok := lookup(a, b)
	n = strings.TrimSpace(n)
	return n, ok && n != ""
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
