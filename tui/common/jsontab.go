package common

import "github.com/leadscope/leadscope/tui/jsonview"

// JSONBody is a JSON tab's content: the built document in the JSON
// colours, or what stands for it while it is being built (nil) or when
// there is no raw response to show.
func JSONBody(c *Context, doc *jsonview.Doc, width int) Items {
	switch {
	case doc == nil:
		return WrappedLines(c.Styles.Muted, "Formatting the response…", width)
	case doc.Len() == 0:
		return WrappedLines(c.Styles.Muted, "The raw response is not available.", width)
	}
	return jsonItems{doc: doc, palette: jsonview.NewPalette(c.Styles)}
}

// jsonItems draws the built document's lines in the JSON colours.
type jsonItems struct {
	doc     *jsonview.Doc
	palette jsonview.Palette
}

func (j jsonItems) Len() int { return j.doc.Len() }

func (j jsonItems) Render(i, width int, _ bool) []string { return j.doc.Render(i, width, j.palette) }
