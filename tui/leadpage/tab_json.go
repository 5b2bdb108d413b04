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

// jsonItems draws the built document's lines in the JSON colours.
type jsonItems struct {
	doc     *jsonview.Doc
	palette jsonview.Palette
}

func (j jsonItems) Len() int { return j.doc.Len() }

func (j jsonItems) Render(i, width int, _ bool) []string { return j.doc.Render(i, width, j.palette) }

func jsonTab(c *common.Context, doc *jsonview.Doc, width int) tabContent {
	switch {
	case doc == nil:
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "Formatting the response…", width)}
	case doc.Len() == 0:
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "The raw response is not available.", width)}
	}
	return tabContent{body: jsonItems{doc: doc, palette: jsonview.NewPalette(c.Styles)}}
}
