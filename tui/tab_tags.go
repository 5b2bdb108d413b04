package tui

import (
	"strings"

	"github.com/leadscope/leadscope/tui/sanitize"
)

// renderTags flows the tags as chips in their Kommo colours, wrapping
// between chips, never inside one unless a single tag is wider than the line.
func renderTags(sh *shared, d *leadData, width int) string {
	tags := d.lead.Embedded.Tags
	if len(tags) == 0 {
		return sh.st.Muted.Render("This lead has no tags.")
	}
	var lines []string
	var line strings.Builder
	used := 0
	for _, t := range tags {
		name := sanitize.Line(t.Name)
		if strings.TrimSpace(name) == "" {
			name = "(unnamed)"
		}
		name = truncate(name, max(1, width-2))
		w := chipWidth(name)
		if used > 0 && used+1+w > width {
			lines = append(lines, line.String())
			line.Reset()
			used = 0
		}
		if used > 0 {
			line.WriteByte(' ')
			used++
		}
		line.WriteString(chip(sh.st, name, t.Color))
		used += w
	}
	lines = append(lines, line.String())
	return strings.Join(lines, "\n")
}
