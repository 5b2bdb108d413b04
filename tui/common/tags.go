package common

import (
	"strings"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// TagName is a tag's name made safe for the screen; a blank one still
// gets a chip that says so.
func TagName(t api.Tag) string {
	name := sanitize.Line(t.Name)
	if strings.TrimSpace(name) == "" {
		return "(unnamed)"
	}
	return name
}

// FlowTagChips lays tags out as chips in their Kommo colours, as many a
// line as fit width, wrapping between chips, never inside one unless a
// single tag is wider than the line.
func FlowTagChips(c *Context, tags []api.Tag, width int) []string {
	var out []string
	var line strings.Builder
	used := 0
	for _, t := range tags {
		name := Truncate(TagName(t), max(1, width-2))
		w := ChipWidth(name)
		if used > 0 && used+1+w > width {
			out = append(out, line.String())
			line.Reset()
			used = 0
		}
		if used > 0 {
			line.WriteByte(' ')
			used++
		}
		line.WriteString(Chip(c.Styles, name, t.Color))
		used += w
	}
	return append(out, line.String())
}
