package tui

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// renderJSON shows the response exactly as Kommo sent it, indented. A body
// that is not valid JSON is shown as it came. Lines longer than the screen
// are broken rather than cut, so nothing of the raw data is hidden.
func renderJSON(sh *shared, d *leadData, width int) string {
	raw := d.lead.Raw
	if len(raw) == 0 {
		return sh.st.Muted.Render("The raw response is not available.")
	}
	var buf bytes.Buffer
	text := string(raw)
	if err := json.Indent(&buf, raw, "", "  "); err == nil {
		text = buf.String()
	}
	// JSON strings may carry bidi controls and other characters a terminal
	// acts on; escaped ones (\u001b) are already harmless text.
	text = sanitize.Block(text)
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if ansi.StringWidth(l) > width {
			out = append(out, strings.Split(ansi.Hardwrap(l, width, true), "\n")...)
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
