package jsonview

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzBuild checks Build's promises on any body and small limits: no panic,
// safe lines within the limits, agreement with encoding/json on validity,
// and json.Indent's lines whenever Build says it kept everything whole.
func FuzzBuild(f *testing.F) {
	seeds := []string{
		kommoLead, deepValue(200), `{"a":` + deepValue(50) + `,"b":[1,2,3]}`, `[1,2,[3,{"x":"y"}]]`,
		"\"\x1b[2J\u202e\xff\"", "<html>\r\n\tx</html>", "", " ", "[", `{"a":1,}`, "01",
		strings.Repeat(`"long line"`, 30), "a\rb\r\nc\n\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s), uint8(3), uint8(20), uint8(60), uint8(40))
	}
	f.Fuzz(func(t *testing.T, raw []byte, depth, maxLines, lineBytes, compactBytes uint8) {
		lim := Limits{
			MaxDepth:        int(depth%8) + 1,
			MaxLines:        int(maxLines%64) + 1,
			MaxBytes:        int(maxLines)*8 + 1,
			MaxLineBytes:    int(lineBytes) + minLineBytes,
			MaxCompactBytes: int(compactBytes) + minLineBytes,
		}
		d := Build(raw, 42, lim)
		checkBounds(t, d, lim)
		checkValidity(t, d, raw)
		checkWhole(t, d, raw, lim)
		for i := range d.Len() {
			for _, width := range []int{1, 7, 40} {
				checkRendered(t, d, i, width)
			}
		}
	})
}

func checkBounds(t *testing.T, d *Doc, lim Limits) {
	if d.Len() > lim.MaxLines+1 {
		t.Fatalf("%d lines for at most %d", d.Len(), lim.MaxLines)
	}
	if len(d.text) > lim.MaxBytes+lim.MaxLineBytes {
		t.Fatalf("%d bytes of text for at most %d", len(d.text), lim.MaxBytes+lim.MaxLineBytes)
	}
	for i := range d.Len() {
		checkSafe(t, "a line", d.Line(i))
		if i < len(d.starts) && len(d.lineText(i)) > lim.MaxLineBytes {
			t.Fatalf("line %d holds %d bytes for at most %d", i, len(d.lineText(i)), lim.MaxLineBytes)
		}
		if i < len(d.starts) && int(d.depths[i]) > lim.MaxDepth {
			t.Fatalf("line %d is %d deep for at most %d", i, d.depths[i], lim.MaxDepth)
		}
	}
}

// checkValidity compares with encoding/json, which also refuses nesting past
// 10000 levels; Build does not, and so can only differ on longer bodies.
func checkValidity(t *testing.T, d *Doc, raw []byte) {
	if len(raw) > 0 && len(raw) <= 10_000 && d.JSON() != json.Valid(raw) {
		t.Fatalf("Build says JSON %v, encoding/json %v", d.JSON(), json.Valid(raw))
	}
}

// checkWhole holds Build to the references whenever it claims to have kept
// everything, and makes it claim so whenever everything fits.
func checkWhole(t *testing.T, d *Doc, raw []byte, lim Limits) {
	whole := d.Omitted() == 0 && d.Shortened() == 0
	switch {
	case len(raw) == 0:
		return
	case d.JSON() && !whole && fits(t, raw, lim):
		t.Fatalf("JSON within the limits was shortened %d, omitted %d", d.Shortened(), d.Omitted())
	case !whole:
		return
	}
	want := textLines(raw)
	if d.JSON() {
		want = indentLines(t, raw)
	}
	if got := lines(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("lines differ from the reference:\n got %q\nwant %q", got, want)
	}
}
