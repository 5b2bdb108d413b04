package leadpage

import (
	"strings"

	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// tagsTab flows the tags as chips in their Kommo colours, wrapping between
// chips, never inside one unless a single tag is wider than the line.
func tagsTab(c *common.Context, d *Data, width int) tabContent {
	tags := d.Lead.Embedded.Tags
	if len(tags) == 0 {
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "This lead has no tags.", width)}
	}
	var out common.Lines
	var line strings.Builder
	used := 0
	for _, t := range tags {
		name := sanitize.Line(t.Name)
		if strings.TrimSpace(name) == "" {
			name = "(unnamed)"
		}
		name = common.Truncate(name, max(1, width-2))
		w := common.ChipWidth(name)
		if used > 0 && used+1+w > width {
			out = append(out, line.String())
			line.Reset()
			used = 0
		}
		if used > 0 {
			line.WriteByte(' ')
			used++
		}
		line.WriteString(common.Chip(c.Styles, name, t.Color))
		used += w
	}
	return tabContent{body: append(out, line.String())}
}
