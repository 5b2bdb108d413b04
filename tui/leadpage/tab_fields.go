package leadpage

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
)

// labelSample bounds how many field names decide the label column: a lead
// with hundreds of thousands of fields must not measure them all.
const labelSample = 1000

// fieldItems lists custom fields, names in a column and values formatted
// by type and wrapped beside them; contacts and companies reuse it.
type fieldItems struct {
	c          *common.Context
	format     api.FieldFormatter
	fields     []api.CustomField
	labelWidth int
}

func newFieldItems(c *common.Context, format api.FieldFormatter, fields []api.CustomField, width int) fieldItems {
	labelWidth := 0
	for _, f := range fields[:min(len(fields), labelSample)] {
		labelWidth = max(labelWidth, lipgloss.Width(common.FieldName(f)))
	}
	return fieldItems{c: c, format: format, fields: fields, labelWidth: min(labelWidth, max(10, width/3))}
}

func (f fieldItems) Len() int { return len(f.fields) }

func (f fieldItems) Render(i, width int, _ bool) []string {
	field := f.fields[i]
	return common.Labelled(f.c.Styles, common.FieldName(field), common.FieldValue(f.format, field), f.labelWidth, width)
}

func fieldsTab(c *common.Context, d *Data, width int) tabContent {
	if len(d.Lead.CustomFields) == 0 {
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "This lead has no custom fields.", width)}
	}
	return tabContent{body: newFieldItems(c, d.formatter(c), d.Lead.CustomFields, width)}
}
