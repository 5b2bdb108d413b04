package common

// SelectionMark is the gutter of a selectable entry's lines: a bar beside
// the selected one in colour, ">" on its first line without colour (so the
// selection is not lost), blank for the others. It is two columns wide.
func SelectionMark(c *Context, selected, first bool) string {
	switch {
	case !selected:
		return "  "
	case c.Styles.Plain && first:
		return "> "
	case c.Styles.Plain:
		return "  "
	}
	return c.Styles.Marker.Render("▌") + " "
}
