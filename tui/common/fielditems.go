package common

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
)

// LabelSample bounds how many names decide a label column: a lead with
// hundreds of thousands of fields must not measure them all.
const LabelSample = 1000

// FieldItems lists custom fields as Items, names in a column and values
// formatted by type in the account's terms (money in its currency, dates
// in its zone, lists by name) and wrapped beside them.
type FieldItems struct {
	c          *Context
	format     api.FieldFormatter
	fields     []api.CustomField
	labelWidth int
}

// NewFieldItems lists fields for a width; the label column takes at most a
// third of it.
func NewFieldItems(c *Context, format api.FieldFormatter, fields []api.CustomField, width int) FieldItems {
	labelWidth := 0
	for _, f := range fields[:min(len(fields), LabelSample)] {
		labelWidth = max(labelWidth, lipgloss.Width(FieldName(f)))
	}
	return FieldItems{c: c, format: format, fields: fields, labelWidth: min(labelWidth, max(10, width/3))}
}

// Len is how many fields there are.
func (f FieldItems) Len() int { return len(f.fields) }

// Render is field i, its value wrapped beside its name.
func (f FieldItems) Render(i, width int, _ bool) []string {
	field := f.fields[i]
	return Labelled(f.c.Styles, FieldName(field), FieldValue(f.format, field), f.labelWidth, width)
}
