package jsonview

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/leadscope/leadscope/theme"
	"github.com/muesli/termenv"
)

func colourPalette() Palette {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	r.SetHasDarkBackground(true)
	return NewPalette(theme.New(r))
}

func TestRenderColoursEachPart(t *testing.T) {
	p := colourPalette()
	d := Build([]byte(`{"key":["text",12,true,null]}`), 0, Limits{})
	cases := []struct {
		line  int
		text  string
		paint paint
	}{
		{1, `"key"`, p.key},
		{2, `"text"`, p.str},
		{3, "12", p.num},
		{4, "true", p.lit},
		{5, "null", p.lit},
		{1, ":", p.punct},
		{2, ",", p.punct},
		{0, "{", p.punct},
	}
	for _, c := range cases {
		row := d.Render(c.line, 80, p)[0]
		if c.paint.pre == "" || !strings.Contains(row, c.paint.pre+c.text+c.paint.post) {
			t.Errorf("line %d %q: %q is not painted", c.line, row, c.text)
		}
	}
	if got := ansi.Strip(d.Render(1, 80, p)[0]); got != `  "key": [` {
		t.Errorf("colouring changed the text: %q", got)
	}
}

func TestRenderPaintsTheSummaryMuted(t *testing.T) {
	p := colourPalette()
	d := Build([]byte("[1,2,3]"), 9, Limits{MaxLines: 2})
	row := d.Render(2, 200, p)[0]
	if !strings.HasPrefix(row, p.note.pre) || ansi.Strip(row) != "… 3 more lines, see `leadscope get 9 --json`" {
		t.Fatalf("summary %q", row)
	}
}

func TestRenderWrapsKeepingIndentationAndColour(t *testing.T) {
	p := colourPalette()
	d := Build([]byte(`{"a":{"b":"`+strings.Repeat("w", 30)+`"}}`), 0, Limits{})
	rows := d.Render(2, 16, p)
	want := []string{`    "b": "wwwwww`, "    wwwwwwwwwwww", "    wwwwwwwwwwww", `    "`}
	if len(rows) != len(want) {
		t.Fatalf("rows %q", rows)
	}
	for i, r := range rows {
		if ansi.Strip(r) != want[i] {
			t.Errorf("row %d %q, want %q", i, ansi.Strip(r), want[i])
		}
		if i > 0 && !strings.Contains(r, p.str.pre) {
			t.Errorf("row %d %q lost the string's colour", i, r)
		}
	}
}

func TestRenderCapsDeepIndentation(t *testing.T) {
	d := Build([]byte(deepValue(30)), 0, Limits{})
	rows := d.Render(29, 20, Palette{})
	if rows[0] != strings.Repeat(" ", 10)+"[]" {
		t.Fatalf("row %q", rows[0])
	}
}

func TestRenderWideCharacters(t *testing.T) {
	d := Build([]byte(`"漢字漢字漢字"`), 0, Limits{})
	rows := d.Render(0, 5, Palette{})
	want := []string{`"漢字`, "漢字", `漢字"`}
	if strings.Join(rows, "|") != strings.Join(want, "|") {
		t.Fatalf("rows %q, want %q", rows, want)
	}
	for _, w := range []int{1, 2, 3} {
		for i := range d.Len() {
			checkRendered(t, d, i, w)
		}
	}
}

func TestRenderOutOfRange(t *testing.T) {
	d := Build([]byte("[1]"), 0, Limits{})
	if d.Render(-1, 80, Palette{}) != nil || d.Render(3, 80, Palette{}) != nil || d.Render(0, 0, Palette{}) != nil {
		t.Fatal("rendered a line that is not there")
	}
	if rows := Build([]byte("a\n\nb"), 0, Limits{}).Render(1, 80, Palette{}); len(rows) != 1 || rows[0] != "" {
		t.Fatalf("an empty line rendered as %q", rows)
	}
}
