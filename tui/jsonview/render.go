package jsonview

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Render draws line i for a screen width columns wide: coloured with p and
// broken into rows of at most width columns, the rows after the first
// indented like the first. Indentation beyond half the width is drawn at
// half the width, so deep lines keep room for their text. It returns nil for
// i out of range or a width below one.
//
// Render has the shape of a vscroll item renderer:
//
//	vscroll.New(func(i, width int, _ bool) []string { return doc.Render(i, width, palette) })
func (d *Doc) Render(i, width int, p Palette) []string {
	if i < 0 || i >= d.Len() || width < 1 {
		return nil
	}
	if i == len(d.starts) {
		return drawNote(d.summary(), width, p)
	}
	text := d.lineText(i)
	spans := []span{{end: len(text), class: classPlain}}
	if d.json {
		spans = classify(text, make([]span, 0, 8))
	}
	return drawRows(text, min(d.indent(i), width/2), width, spans, p)
}

// drawRows breaks text into rows of width-indent columns and paints each
// span's part of each row.
func drawRows(text []byte, indent, width int, spans []span, p Palette) []string {
	breaks, overWide := rowBreaks(text, width-indent)
	pad := strings.Repeat(" ", indent)
	rows := make([]string, 0, len(breaks))
	start, si := 0, 0
	for _, end := range breaks {
		var b strings.Builder
		b.Grow(len(pad) + end - start + 32)
		b.WriteString(pad)
		for pos := start; pos < end; {
			for spans[si].end <= pos {
				si++
			}
			segEnd := min(spans[si].end, end)
			paint := p.of(spans[si].class)
			b.WriteString(paint.pre)
			b.Write(text[pos:segEnd])
			b.WriteString(paint.post)
			pos = segEnd
		}
		row := b.String()
		if overWide {
			row = ansi.Truncate(row, width, ellipsis)
		}
		rows = append(rows, row)
		start = end
	}
	return rows
}

// drawNote draws a sentence of ours, broken between words where the width
// allows.
func drawNote(s string, width int, p Palette) []string {
	rows := strings.Split(ansi.Wrap(s, width, ""), "\n")
	for i, r := range rows {
		r = strings.TrimRight(r, " ")
		if ansi.StringWidth(r) > width {
			return drawRows([]byte(s), 0, width, []span{{end: len(s), class: classNote}}, p)
		}
		rows[i] = p.note.pre + r + p.note.post
	}
	return rows
}

// rowBreaks returns where each row of text ends when rows are columns wide,
// never splitting a grapheme cluster; an empty text is one empty row.
// overWide reports a cluster wider than a whole row, which only a cut of
// the row can fit.
func rowBreaks(text []byte, columns int) (breaks []int, overWide bool) {
	if isPlain(text) {
		for end := columns; end < len(text); end += columns {
			breaks = append(breaks, end)
		}
		return append(breaks, len(text)), false
	}
	used := 0
	for i := 0; i < len(text); {
		cluster, w := ansi.FirstGraphemeCluster(text[i:], ansi.GraphemeWidth)
		if len(cluster) == 0 { // not expected of clean text; never loop
			cluster = text[i : i+1]
		}
		if used > 0 && used+w > columns {
			breaks = append(breaks, i)
			used = 0
		}
		overWide = overWide || w > columns
		used += w
		i += len(cluster)
	}
	return append(breaks, len(text)), overWide
}
