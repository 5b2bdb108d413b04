package jsonview

import (
	"strconv"
	"strings"
)

// Doc is a built body: its lines, stored compactly, and what was left out.
type Doc struct {
	text   []byte   // every line's text back to back, without indentation
	starts []uint32 // where line i's text begins; it ends where line i+1's does
	depths []uint16 // line i's indentation, in steps of two spaces

	json      bool // false: the body was not JSON and is shown as text
	omitted   int  // lines left out past MaxLines or MaxBytes
	shortened int  // lines cut or holding a compacted container
	leadID    int64
}

// Len is the number of lines, the summary of left-out lines included.
func (d *Doc) Len() int {
	if d.omitted > 0 {
		return len(d.starts) + 1
	}
	return len(d.starts)
}

// JSON reports whether the body was valid JSON; if not, its lines are the
// body's own, cleaned.
func (d *Doc) JSON() bool { return d.json }

// Omitted is how many lines were left out past the limits; the last line
// then says so.
func (d *Doc) Omitted() int { return d.omitted }

// Shortened is how many lines were cut with "…" or hold a container
// compacted for its depth.
func (d *Doc) Shortened() int { return d.shortened }

// Line returns line i as plain text with its indentation: json.Indent's
// line, cleaned. It is "" for i out of range.
func (d *Doc) Line(i int) string {
	switch {
	case i < 0 || i >= d.Len():
		return ""
	case i == len(d.starts):
		return d.summary()
	}
	return strings.Repeat(" ", d.indent(i)) + string(d.lineText(i))
}

// lineText is line i's text without indentation.
func (d *Doc) lineText(i int) []byte {
	end := len(d.text)
	if i+1 < len(d.starts) {
		end = int(d.starts[i+1])
	}
	return d.text[d.starts[i]:end]
}

// indent is line i's indentation in columns.
func (d *Doc) indent(i int) int { return 2 * int(d.depths[i]) }

// summary is the last line when lines were left out.
func (d *Doc) summary() string {
	s := "… " + strconv.Itoa(d.omitted) + " more line"
	if d.omitted != 1 {
		s += "s"
	}
	if d.leadID > 0 {
		s += ", see `leadscope get " + strconv.FormatInt(d.leadID, 10) + " --json`"
	}
	return s
}

// trim gives back the spare capacity of a Doc built to its limits, so a Doc
// held for long costs what it shows.
func (d *Doc) trim() {
	d.text = trimmed(d.text)
	d.starts = trimmed(d.starts)
	d.depths = trimmed(d.depths)
}

func trimmed[T any](s []T) []T {
	if cap(s)-len(s) <= len(s)/8 {
		return s
	}
	return append(make([]T, 0, len(s)), s...)
}
