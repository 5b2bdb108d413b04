package common

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/tui/jsonview"
)

// JSONDoc is a JSON tab's document for one version of a page's data,
// named by a key (the page's data pointer). It is built off the Update
// loop: a hostile body can take a while, and the screen must not wait.
type JSONDoc[K comparable] struct {
	For     K             // what Doc, or the build in flight, is for
	Doc     *jsonview.Doc // nil until the build arrives
	Version int           // counts builds that arrived, so the tab redraws
}

// JSONBuiltMsg carries a built document to the page that asked for it.
type JSONBuiltMsg[K comparable] struct {
	Page PageID
	For  K
	Doc  *jsonview.Doc
}

// ForPage routes the document.
func (m JSONBuiltMsg[K]) ForPage() PageID { return m.Page }

// Build starts laying raw out for key, bounded in depth, lines and bytes,
// unless the document (or its build) is already for key; leadID is as in
// jsonview.Build. The command carries raw by value.
func (j *JSONDoc[K]) Build(page PageID, key K, raw []byte, leadID int64) tea.Cmd {
	if j.For == key {
		return nil
	}
	*j = JSONDoc[K]{For: key}
	return func() tea.Msg {
		return JSONBuiltMsg[K]{Page: page, For: key, Doc: jsonview.Build(raw, leadID, jsonview.Limits{})}
	}
}

// Built takes a document that arrived, unless the page's data has moved on
// since it was asked for.
func (j *JSONDoc[K]) Built(msg JSONBuiltMsg[K]) {
	if msg.For == j.For {
		j.Doc = msg.Doc
		j.Version++
	}
}
