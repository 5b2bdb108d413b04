package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// renderFields lists the lead's custom fields, names in a column and values
// formatted by type and wrapped beside them.
func renderFields(sh *shared, d *leadData, width int) string {
	fields := d.lead.CustomFields
	if len(fields) == 0 {
		return sh.st.Muted.Render("This lead has no custom fields.")
	}
	return strings.Join(fieldLines(sh, fields, width), "\n")
}

// fieldLines renders custom fields as aligned label/value rows; contacts
// and companies reuse it for their own fields.
func fieldLines(sh *shared, fields []api.CustomField, width int) []string {
	names := make([]string, len(fields))
	labelWidth := 0
	for i, f := range fields {
		names[i] = fieldName(f)
		labelWidth = max(labelWidth, lipgloss.Width(names[i]))
	}
	labelWidth = min(labelWidth, max(10, width/3))
	var lines []string
	for i, f := range fields {
		lines = append(lines, labelled(sh.st, names[i], fieldValue(sh, f), labelWidth, width)...)
	}
	return lines
}

// fieldValue is a field's values formatted by type, safe for the terminal;
// multi-line text (textarea) keeps its lines.
func fieldValue(sh *shared, f api.CustomField) string {
	value := sanitize.Block(api.FormatField(f, sh.loc))
	if strings.TrimSpace(value) == "" {
		return "—"
	}
	return value
}

func fieldName(f api.CustomField) string {
	if name := strings.TrimSpace(sanitize.Line(f.FieldName)); name != "" {
		return name
	}
	if f.FieldCode != "" {
		return sanitize.Line(f.FieldCode)
	}
	return "field #" + strconv.FormatInt(f.FieldID, 10)
}
