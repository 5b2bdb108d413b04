package common

import (
	"strconv"
	"strings"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// FieldValue is a custom field's values formatted by type, safe for the
// terminal; multi-line text (textarea) keeps its lines.
func FieldValue(c *Context, f api.CustomField) string {
	value := sanitize.Block(api.FormatField(f, c.Loc()))
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
