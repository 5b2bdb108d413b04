package recordpage

import (
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
)

func fieldsTab(c *common.Context, fields []api.CustomField, what string, width int) tabContent {
	if len(fields) == 0 {
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "This "+what+" has no custom fields.", width)}
	}
	return tabContent{body: common.NewFieldItems(c, c.Formatter(), fields, width)}
}

// tagsTab flows the tags as chips in their Kommo colours.
func tagsTab(c *common.Context, tags []api.Tag, what string, width int) tabContent {
	if len(tags) == 0 {
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "This "+what+" has no tags.", width)}
	}
	return tabContent{body: common.Lines(common.FlowTagChips(c, tags, width))}
}
