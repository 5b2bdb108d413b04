package vscroll

// CursorKeys lets the scroll keys move the cursor an item at a time instead
// of the view a line at a time; page, top and bottom keys act as on the
// Model, which carries the cursor along. Use it wherever a list's entries
// can be selected and opened.
type CursorKeys struct{ *Model }

// LineUp selects the item n above (or scrolls through a tall one).
func (c CursorKeys) LineUp(n int) {
	for range n {
		c.CursorUp()
	}
}

// LineDown selects the item n below (or scrolls through a tall one).
func (c CursorKeys) LineDown(n int) {
	for range n {
		c.CursorDown()
	}
}
