package leadpage

import "github.com/leadscope/leadscope/tui/common"

// fieldsTab lists the lead's custom fields, formatted with what the lead's
// data knows of the account (catalog elements' names included).
func fieldsTab(c *common.Context, d *Data, width int) tabContent {
	if len(d.Lead.CustomFields) == 0 {
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "This lead has no custom fields.", width)}
	}
	return tabContent{body: common.NewFieldItems(c, d.formatter(c), d.Lead.CustomFields, width)}
}
