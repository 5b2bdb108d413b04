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
	var plain []string
	var buf bytes.Buffer
	indented := json.Indent(&buf, raw, "", "  ") == nil
	if indented {
		// Indented JSON has no raw control characters outside its line
		// breaks, but strings may carry bidi controls and such; cleaning
		// line by line keeps sanitize on its fast path for plain lines.
		plain = strings.Split(buf.String(), "\n")
		for i, l := range plain {
			plain[i] = sanitize.Line(l)
		}
	} else {
		plain = strings.Split(sanitize.Block(string(raw)), "\n")
	}
	colours := newJSONPalette(sh.st)
	out := make([]string, 0, len(plain))
	for _, l := range plain {
		// Widths are measured before colouring: escapes inflate the byte count.
		long := len(l) > width && ansi.StringWidth(l) > width
		if indented {
			l = colours.line(l)
		}
		if long {
			// Hardwrap keeps the colours of a line it breaks.
			out = append(out, strings.Split(ansi.Hardwrap(l, width, true), "\n")...)
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
