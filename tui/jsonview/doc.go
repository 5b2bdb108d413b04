// Package jsonview turns a raw response body into the JSON tab's lines,
// bounded whatever the server sent.
//
// The tab used to run json.Indent over the body, then split, clean, colour
// and wrap every line before showing the first. Indentation is quadratic in
// depth (a line at depth d carries 2d spaces), so a 20 KB lead with one value
// nested 8000 arrays deep became 64 million spaces, and an 8 MiB lead passed
// 6 GB. Build instead reads the body once, left to right, and keeps:
//
//   - each line's text without its indentation, back to back in one byte
//     buffer, with the line's start offset and depth (six bytes a line);
//   - at most Limits.MaxLines lines and about Limits.MaxBytes of text; the
//     rest is only counted, and a last line says how many lines were left out
//     and which command prints them all;
//   - containers nested deeper than Limits.MaxDepth on one line, compacted
//     like json.Compact and cut with "…" past Limits.MaxCompactBytes;
//   - no line longer than Limits.MaxLineBytes (cut with "…").
//
// Within those limits the lines are exactly json.Indent's with two spaces,
// after cleaning: every string is made terminal-safe by package sanitize as it
// is copied (escape sequences, bidi controls and invalid UTF-8 cannot reach
// the terminal). A body that is not valid JSON is shown as cleaned text lines,
// under the same limits.
//
// Nothing is styled until it is drawn: Render colours and wraps one line for
// one width, so a Doc plugs into vscroll with each line an item and only the
// lines on screen ever become styled strings. A Doc never changes after Build
// and may be built off the UI goroutine and read from any.
package jsonview
