package recordpage

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
)

// labelSample bounds how many field names decide the label column.
const labelSample = 1000

// fieldItems lists custom fields, names in a column and values formatted
// by type in the account's terms (money in its currency, dates in its
// zone, lists by name) and wrapped beside them.
type fieldItems struct {
	c          *common.Context
	format     api.FieldFormatter
	fields     []api.CustomField
	labelWidth int
}

func newFieldItems(c *common.Context, fields []api.CustomField, width int) fieldItems {
	labelWidth := 0
	for _, f := range fields[:min(len(fields), labelSample)] {
		labelWidth = max(labelWidth, lipgloss.Width(common.FieldName(f)))
	}
	return fieldItems{c: c, format: c.Formatter(), fields: fields, labelWidth: min(labelWidth, max(10, width/3))}
}

func (f fieldItems) Len() int { return len(f.fields) }

func (f fieldItems) Render(i, width int, _ bool) []string {
	field := f.fields[i]
	return common.Labelled(f.c.Styles, common.FieldName(field), common.FieldValue(f.format, field), f.labelWidth, width)
}

func fieldsTab(c *common.Context, fields []api.CustomField, what string, width int) tabContent {
	if len(fields) == 0 {
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "This "+what+" has no custom fields.", width)}
	}
	return tabContent{body: newFieldItems(c, fields, width)}
}

// tagsTab flows the tags as chips in their Kommo colours.
func tagsTab(c *common.Context, tags []api.Tag, what string, width int) tabContent {
	if len(tags) == 0 {
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "This "+what+" has no tags.", width)}
	}
	return tabContent{body: common.Lines(common.FlowTagChips(c, tags, width))}
}
