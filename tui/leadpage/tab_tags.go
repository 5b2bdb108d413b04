package leadpage

import "github.com/leadscope/leadscope/tui/common"

// tagsTab flows the tags as chips in their Kommo colours.
func tagsTab(c *common.Context, d *Data, width int) tabContent {
	tags := d.Lead.Embedded.Tags
	if len(tags) == 0 {
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "This lead has no tags.", width)}
	}
	return tabContent{body: common.Lines(common.FlowTagChips(c, tags, width))}
}
