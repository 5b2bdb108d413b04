package common

// The notes a tab shows above its content, each wrapped to the width: an
// error or a limit is worth reading in full.

// LoadingLines say that what a tab shows is on its way.
func LoadingLines(c *Context, what string, width int) []string {
	return StyleLines(Wrap("Loading "+what+"…", width), c.Styles.Muted)
}

// LoadFailedLines say why what a tab shows did not load, and that r asks
// again.
func LoadFailedLines(c *Context, what string, err error, width int) []string {
	return StyleLines(Wrap("Could not load "+what+": "+ErrorText(err)+" (r retries)", width), c.Styles.Error)
}

// CutLines say, in the warning colour, what a bound left out of a tab;
// none when nothing was.
func CutLines(c *Context, note string, width int) []string {
	if note == "" {
		return nil
	}
	return StyleLines(Wrap(note, width), c.Styles.Warning)
}
