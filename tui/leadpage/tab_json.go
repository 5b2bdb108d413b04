package leadpage

import (
	"bytes"
	"encoding/json"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// jsonBuiltMsg carries the JSON tab's content, built off the Update loop.
type jsonBuiltMsg struct {
	page common.PageID
	data *Data
	doc  items
}

func (m jsonBuiltMsg) ForPage() common.PageID { return m.page }

// buildJSON formats the raw body on its own goroutine: a hostile body can
// take long, and the screen must not wait for it.
func buildJSON(page common.PageID, c *common.Context, d *Data) tea.Cmd {
	raw := d.Lead.Raw
	st := c.Styles
	return func() tea.Msg {
		return jsonBuiltMsg{page: page, data: d, doc: interimJSON(st.Muted.Render, raw)}
	}
}

// interimJSON: INTERIM until tui/jsonview lands.
func interimJSON(muted func(...string) string, raw []byte) items {
	if len(raw) == 0 {
		return lines{muted("The raw response is not available.")}
	}
	var buf bytes.Buffer
	if json.Indent(&buf, raw, "", "  ") != nil {
		return lines(strings.Split(sanitize.Block(string(raw)), "\n"))
	}
	out := strings.Split(buf.String(), "\n")
	for i, l := range out {
		out[i] = sanitize.Line(l)
	}
	return lines(out)
}

func jsonTab(c *common.Context, doc items, width int) tabContent {
	if doc == nil {
		return tabContent{body: wrapped(c.Styles.Muted, "Formatting the response…", width)}
	}
	return tabContent{body: doc}
}
