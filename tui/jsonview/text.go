package jsonview

import (
	"bytes"

	"github.com/leadscope/leadscope/tui/sanitize"
)

// buildText keeps raw's own lines, cleaned, within the limits: a body that
// is not JSON (an HTML error page, a response cut short) is still shown as
// it came. CR LF and CR end lines like LF; a final line break starts no
// empty line.
func buildText(raw []byte, d *Doc, lim Limits) {
	w := newWriter(d, lim)
	for first := true; first || len(raw) > 0; first = false {
		line, rest := nextLine(raw)
		if !first {
			w.newline(0)
		}
		putTextLine(w, line, lim.MaxLineBytes)
		raw = rest
	}
	w.finish()
}

// nextLine splits raw after its first line and that line's break.
func nextLine(raw []byte) (line, rest []byte) {
	i := bytes.IndexAny(raw, "\r\n")
	if i < 0 {
		return raw, nil
	}
	rest = raw[i+1:]
	if raw[i] == '\r' && len(rest) > 0 && rest[0] == '\n' {
		rest = rest[1:]
	}
	return raw[:i], rest
}

// putTextLine cleans only as much of line as can be kept: a line of
// megabytes costs its first maxBytes.
func putTextLine(w *writer, line []byte, maxBytes int) {
	if w.dropping() {
		return
	}
	read := line[:runeStart(line, min(len(line), maxBytes))]
	if isPlain(read) {
		w.put(read)
	} else {
		// Block, not Line: tabs expand to their columns.
		w.putString(sanitize.Block(string(read)))
	}
	if len(read) < len(line) {
		w.markCut()
	}
}
