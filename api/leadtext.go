package api

import "strings"

// leadContainsText is the client's copy of Kommo's lead search: text
// appears, case-insensitively, in the name or in a custom field's value.
func leadContainsText(l *Lead, text string) bool {
	needle := strings.ToLower(strings.TrimSpace(text))
	if needle == "" {
		return true
	}
	if strings.Contains(strings.ToLower(l.Name), needle) {
		return true
	}
	for _, f := range l.CustomFields {
		for _, v := range f.Values {
			if s := scalarText(v.Value); s != "" && strings.Contains(strings.ToLower(s), needle) {
				return true
			}
		}
	}
	return false
}

// foldEqual compares names as people type them: case and surrounding spaces do not matter.
func foldEqual(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}
