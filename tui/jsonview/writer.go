package jsonview

import (
	"unicode/utf8"

	"github.com/leadscope/leadscope/tui/sanitize"
)

const ellipsis = "…"

// writer appends lines to a Doc within the limits. Once a limit is reached
// it stops storing and only counts the lines that follow.
type writer struct {
	doc *Doc
	lim Limits

	storing   bool
	lineStart int  // offset of the current line's text
	lineCut   bool // the current line was cut: the rest of it is dropped
	shortened bool // the current line was cut or holds a compacted container

	// A compacted container writes on the current line from compactStart
	// and is cut on its own once it passes MaxCompactBytes.
	compacting   bool
	compactStart int
	compactCut   bool
}

func newWriter(d *Doc, lim Limits) *writer {
	w := &writer{doc: d, lim: lim, storing: true}
	w.startLine(0)
	return w
}

func (w *writer) startLine(depth int) {
	w.doc.starts = append(w.doc.starts, uint32(len(w.doc.text)))
	w.doc.depths = append(w.doc.depths, uint16(depth))
	w.lineStart = len(w.doc.text)
	w.lineCut, w.shortened = false, false
}

func (w *writer) endLine() {
	if w.shortened {
		w.doc.shortened++
	}
}

// newline ends the current line and starts one at depth, or counts it when
// the limits are reached.
func (w *writer) newline(depth int) {
	if !w.storing {
		w.doc.omitted++
		return
	}
	w.endLine()
	if len(w.doc.starts) >= w.lim.MaxLines || len(w.doc.text) >= w.lim.MaxBytes {
		w.storing = false
		w.doc.omitted++
		return
	}
	w.startLine(depth)
}

func (w *writer) finish() {
	if w.storing {
		w.endLine()
	}
	w.doc.trim()
}

// beginCompact starts a compacted container on the current line.
func (w *writer) beginCompact() {
	w.compacting, w.compactStart, w.compactCut = true, len(w.doc.text), false
	w.shortened = true
}

func (w *writer) endCompact() {
	w.compacting, w.compactCut = false, false
}

// dropping reports whether text written now is left out.
func (w *writer) dropping() bool {
	return !w.storing || w.lineCut || w.compacting && w.compactCut
}

// room is how many more bytes the current line may take, and whether the
// compacted container is what bounds it.
func (w *writer) room() (n int, byCompact bool) {
	n = w.lim.MaxLineBytes - (len(w.doc.text) - w.lineStart)
	if w.compacting {
		if c := w.lim.MaxCompactBytes - (len(w.doc.text) - w.compactStart); c < n {
			return c, true
		}
	}
	return n, false
}

// put appends clean text, cutting the line (or the compacted container)
// with "…" where it runs out of room.
func (w *writer) put(s []byte) {
	if w.dropping() {
		return
	}
	n, byCompact := w.room()
	if len(s) <= n {
		w.doc.text = append(w.doc.text, s...)
		return
	}
	w.cut(s, n, byCompact)
}

func (w *writer) putString(s string) {
	if w.dropping() {
		return
	}
	n, byCompact := w.room()
	if len(s) <= n {
		w.doc.text = append(w.doc.text, s...)
		return
	}
	w.cut([]byte(s), n, byCompact)
}

// cut appends as much of s as leaves room for "…", then "…". When not even
// the "…" fits, it takes back text already written on the line.
func (w *writer) cut(s []byte, room int, byCompact bool) {
	keep := room - len(ellipsis)
	if keep >= 0 {
		w.doc.text = append(w.doc.text, s[:runeStart(s, keep)]...)
	} else {
		end := runeStart(w.doc.text, len(w.doc.text)+keep)
		w.doc.text = w.doc.text[:max(end, w.lineStart)]
	}
	w.doc.text = append(w.doc.text, ellipsis...)
	w.shortened = true
	if byCompact {
		w.compactCut = true
	} else {
		w.lineCut = true
	}
}

// markCut ends the line with "…" for text left out before it reached the
// line's limit (a text line longer than what was read of it).
func (w *writer) markCut() {
	if w.dropping() {
		return
	}
	n, _ := w.room()
	w.cut(nil, n, false)
}

// putClean appends text from the body, cleaned for the terminal. It cleans
// in chunks little bigger than the room left, so a huge string costs only
// what is kept of it.
func (w *writer) putClean(raw []byte) {
	for len(raw) > 0 && !w.dropping() {
		n, _ := w.room()
		chunk := raw[:runeStart(raw, min(len(raw), max(n, 64)))]
		if len(chunk) == 0 { // a rune longer than the chunk: take it whole
			_, size := utf8.DecodeRune(raw)
			chunk = raw[:size]
		}
		raw = raw[len(chunk):]
		if isPlain(chunk) {
			w.put(chunk)
			continue
		}
		w.putString(sanitize.Line(string(chunk)))
	}
}

// isPlain reports whether b is printable ASCII, which needs no cleaning.
func isPlain(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// runeStart returns the largest i <= n at which s can be split without
// splitting a rune, so cleaning each side gives what cleaning the whole
// would. A byte that can start a rune is such a place; so is one after four
// continuation bytes, as no valid rune is that long.
func runeStart(s []byte, n int) int {
	if n <= 0 {
		return 0
	}
	if n >= len(s) {
		return len(s)
	}
	for i := n; i >= max(0, n-utf8.UTFMax+1); i-- {
		if utf8.RuneStart(s[i]) {
			return i
		}
	}
	return n
}
