package common

import (
	"strconv"
	"strings"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// Formatter formats custom fields in the account's terms: timestamps in
// the shown zone, calendar dates in the account's, money in its currency,
// lists by name. A page that knows catalog elements' names sets ElementName.
func (c *Context) Formatter() api.FieldFormatter {
	return api.FieldFormatter{
		Location:     c.Loc(),
		DateLocation: c.DateLoc(),
		Currency:     c.Currency(),
		CatalogName:  c.Names.CatalogName,
	}
}

// FieldValue is a custom field's values formatted by type, safe for the
// terminal; multi-line text (textarea) keeps its lines.
func FieldValue(f api.FieldFormatter, cf api.CustomField) string {
	value := sanitize.Block(f.Format(cf))
	if strings.TrimSpace(value) == "" {
		return "—"
	}
	return value
}

// FieldName is a custom field's name, its code, or its ID.
func FieldName(f api.CustomField) string {
	if name := strings.TrimSpace(sanitize.Line(f.FieldName)); name != "" {
		return name
	}
	if f.FieldCode != "" {
		return sanitize.Line(f.FieldCode)
	}
	return "field #" + strconv.FormatInt(f.FieldID, 10)
}
