package jsonview_test

import (
	"fmt"

	"github.com/leadscope/leadscope/tui/jsonview"
	"github.com/leadscope/leadscope/tui/vscroll"
)

// The JSON tab: build the Doc once (off the UI goroutine), then let vscroll
// ask for the lines it shows, each JSON line an item.
func Example() {
	raw := []byte(`{"id":7,"name":"Acme \u2014 renewal","tags":[],"custom_fields_values":[{"values":[{"value":[[[1]]]}]}]}`)
	doc := jsonview.Build(raw, 7, jsonview.Limits{MaxDepth: 5, MaxLines: 8})
	palette := jsonview.Palette{} // jsonview.NewPalette(styles) in the TUI

	view := vscroll.New(func(i, width int, _ bool) []string { return doc.Render(i, width, palette) })
	view.SetSize(60, 6)
	view.SetItems(doc.Len(), 1)
	show := func() {
		for _, line := range view.View() {
			fmt.Println(line)
		}
		fmt.Println("--", view.Position())
	}
	show()
	view.Bottom()
	show()
	// Output:
	// {
	//   "id": 7,
	//   "name": "Acme \u2014 renewal",
	//   "tags": [],
	//   "custom_fields_values": [
	//     {
	// -- 1–6 of 9
	//   "tags": [],
	//   "custom_fields_values": [
	//     {
	//       "values": [
	//         {
	// … 6 more lines, see `leadscope get 7 --json`
	// -- 4–9 of 9
}
