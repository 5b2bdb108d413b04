package leadpage

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/jsonview"
)

// jsonBuiltMsg carries the JSON tab's content, built off the Update loop.
type jsonBuiltMsg struct {
	page common.PageID
	data *Data
	doc  *jsonview.Doc
}

func (m jsonBuiltMsg) ForPage() common.PageID { return m.page }

// buildJSON lays the raw body out on its own goroutine, bounded in depth,
// lines and bytes: a hostile body can take a while, and the screen must
// not wait for it.
func buildJSON(page common.PageID, d *Data) tea.Cmd {
	raw, id := d.Lead.Raw, d.ID
	return func() tea.Msg {
		return jsonBuiltMsg{page: page, data: d, doc: jsonview.Build(raw, id, jsonview.Limits{})}
	}
}
