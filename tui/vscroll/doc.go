// Package vscroll scrolls a screen over a list of items without holding the
// list's lines.
//
// A tab that renders every line up front and hands them to a viewport pays
// for the whole content on every change: a lead with 450,000 field values
// took half a gigabyte of styled lines to show forty of them. A Model here
// knows only how many items there are and asks the caller for the lines of
// the items it is about to show, through a RenderFunc. It keeps those in a
// small cache (a few screens' worth, see cache.go) and nothing per item, so
// its memory follows the screen, not the data.
//
// The position is an item and a line within it (top, offset), never a global
// line number: a global number needs the heights of all items above it, and
// heights are only known once items are rendered. Every operation therefore
// costs a walk over the items it crosses, at most a screen's worth for
// everything but LineDown/LineUp by a huge count:
//
//   - Bottom renders backwards from the last item until the screen is full.
//   - After any move the position is clamped so the screen is never scrolled
//     past the end; checking that renders forward from the top item until the
//     screen is full.
//   - Position reports items ("12–30 of 450000"), which need no heights.
//
// Items taller than the screen scroll line by line within the item. An item
// whose renderer returns no lines takes one blank line, so every item can hold
// the cursor and be seen.
//
// In cursor mode one item is selected: the renderer is told which, so it can
// highlight it, and moving the cursor scrolls just enough to keep it on the
// screen. Scrolling the view (page keys, the wheel) carries the cursor along
// so it never leaves the screen. Up and down on an item taller than the screen
// first scroll through it, so every line of it can be read with the arrows.
//
// A Model is used through its pointer and is not safe for concurrent use; the
// renderer runs on the caller's goroutine, inside the Model's methods.
package vscroll
