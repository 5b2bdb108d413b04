package api

import "strings"

// Phones lists the contact's phone numbers, each with its kind when Kommo
// gives one, e.g. "+1 555 0100 (WORK)".
func (c Contact) Phones() []string { return multitextByCode(c.CustomFields, "PHONE") }

// Emails lists the contact's e-mail addresses, each with its kind when Kommo
// gives one, e.g. "ann@example.com (PRIV)".
func (c Contact) Emails() []string { return multitextByCode(c.CustomFields, "EMAIL") }

// Phones lists the company's phone numbers like Contact.Phones.
func (c Company) Phones() []string { return multitextByCode(c.CustomFields, "PHONE") }

// Emails lists the company's e-mail addresses like Contact.Emails.
func (c Company) Emails() []string { return multitextByCode(c.CustomFields, "EMAIL") }

// multitextByCode collects the values of the fields with field_code code
// (PHONE, EMAIL): Kommo marks phones and e-mails by code, not by name,
// which the account may have translated.
func multitextByCode(fields []CustomField, code string) []string {
	var out []string
	for _, f := range fields {
		if !strings.EqualFold(f.FieldCode, code) {
			continue
		}
		for _, v := range f.Values {
			text := strings.TrimSpace(scalarText(v.Value))
			if text == "" {
				continue
			}
			if v.EnumCode != "" {
				text += " (" + v.EnumCode + ")"
			}
			out = append(out, text)
		}
	}
	return out
}
