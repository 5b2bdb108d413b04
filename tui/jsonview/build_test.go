package jsonview

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// kommoLead is the shape of a real lead body.
const kommoLead = `{"id":7,"name":"Поставка «Ромашка» 🌼","price":15000,"responsible_user_id":8000001,
"group_id":0,"status_id":142,"pipeline_id":5,"loss_reason_id":null,"closed_at":null,"is_deleted":false,
"custom_fields_values":[{"field_id":12,"field_name":"Source","field_code":null,"field_type":"select",
"values":[{"value":"Web \"form\"","enum_id":3}]},{"field_id":13,"field_name":"Rate","values":[{"value":-1.5e-3}]}],
"score":null,"labor_cost":null,"_links":{"self":{"href":"https://x.kommo.com/api/v4/leads/7"}},
"_embedded":{"tags":[],"companies":[],"contacts":[{"id":1,"is_main":true}]}}`

func TestBuildMatchesJSONIndent(t *testing.T) {
	bodies := []string{
		kommoLead,
		`1`, `-0.5e+10`, `"just a string"`, `true`, `null`,
		`[]`, `{}`, `[[],{},[[]]]`, `{"a":{"b":{"c":[1,2,{"d":null}]}}}`,
		" \r\n\t{ \"spaced\" : [ 1 , 2 ] } \n\n",
		`["\u001b[2J","\\","\/","\ud83d\ude00"]`,
	}
	for _, body := range bodies {
		d := Build([]byte(body), 7, Limits{})
		if !d.JSON() || d.Omitted() != 0 || d.Shortened() != 0 {
			t.Errorf("%.30q: json %v, omitted %d, shortened %d", body, d.JSON(), d.Omitted(), d.Shortened())
		}
		got, want := lines(d), indentLines(t, []byte(body))
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%.30q:\n got %q\nwant %q", body, got, want)
		}
	}
}

func TestBuildAgreesWithEncodingJSONOnValidity(t *testing.T) {
	bodies := []string{
		"01", "1.", "-", "1e", "1e+", ".5", "+1", "truex", "nul", "[1,]", "[,1]", `{"a"}`, `{"a":}`,
		`{"a":1,}`, `{1:2}`, `"\x"`, `"\u12"`, `"\u12g4"`, "[] []", " ", "\"a\x01\"", `"unterminated`,
		"[1 2]", `{"a":1 "b":2}`, "]", "[}", "{]", "\"\xff\xfe\x9b\"", "[1]x", "-01", "0.0e0", "1E-0",
		`{"a":[1,{"b":[]}]}`, "\"\u202e\"", `{0":[0]}`, `{"a":1,2:3}`,
	}
	for _, body := range bodies {
		d := Build([]byte(body), 0, Limits{})
		if want := json.Valid([]byte(body)); d.JSON() != want {
			t.Errorf("%q: Build says JSON %v, encoding/json %v", body, d.JSON(), want)
		}
	}
}

func TestStringsAreCleaned(t *testing.T) {
	body := "{\"name\":\"a\u202Eb\u009bc\x9bd\x7fe\",\"esc\":\"\\u001b[2J\"}"
	d := Build([]byte(body), 0, Limits{})
	want := []string{"{", `  "name": "ab` + "\uFFFDc\uFFFDd\u2421e" + `",`, `  "esc": "\u001b[2J"`, "}"}
	if got := lines(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	for _, l := range lines(d) {
		checkSafe(t, "a line", l)
	}
}

// deepValue is a value nested depth arrays deep.
func deepValue(depth int) string {
	return strings.Repeat("[", depth) + strings.Repeat("]", depth)
}

func TestDeepNestingIsCompactedAndCut(t *testing.T) {
	lim := Limits{MaxDepth: 4, MaxCompactBytes: 40}
	d := Build([]byte(`{"value":`+deepValue(8000)+`,"next":1}`), 0, lim)
	want := []string{
		"{",
		`  "value": [`,
		"    [",
		"      [",
		"        " + strings.Repeat("[", 37) + "…", // 40 bytes with the "…"
		"      ]",
		"    ]",
		"  ],",
		`  "next": 1`,
		"}",
	}
	if got := lines(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	if d.Shortened() != 1 || !d.JSON() {
		t.Fatalf("shortened %d, json %v", d.Shortened(), d.JSON())
	}
}

func TestShallowCompactedContainerIsWhole(t *testing.T) {
	d := Build([]byte(`[[[{"a": [1, "x"], "b": {}}]]]`), 0, Limits{MaxDepth: 2})
	want := []string{"[", "  [", `    [{"a":[1,"x"],"b":{}}]`, "  ]", "]"}
	if got := lines(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

func TestMaxLinesCountsTheRest(t *testing.T) {
	items := make([]string, 100)
	for i := range items {
		items[i] = fmt.Sprint(i)
	}
	d := Build([]byte("["+strings.Join(items, ",")+"]"), 7, Limits{MaxLines: 10})
	if d.Len() != 11 || d.Omitted() != 92 {
		t.Fatalf("len %d omitted %d", d.Len(), d.Omitted())
	}
	if got := d.Line(10); got != "… 92 more lines, see `leadscope get 7 --json`" {
		t.Fatalf("summary %q", got)
	}
	if got := d.Line(9); got != "  8," {
		t.Fatalf("last kept line %q", got)
	}
}

func TestSummaryWording(t *testing.T) {
	d := Build([]byte("[1,2]"), 0, Limits{MaxLines: 3})
	if got := d.Line(3); got != "… 1 more line" {
		t.Fatalf("summary %q", got)
	}
}

func TestMaxBytesBoundsTheText(t *testing.T) {
	value := strings.Repeat("x", 1000)
	body := "[" + strings.Repeat(`"`+value+`",`, 999) + `"` + value + `"]`
	lim := Limits{MaxBytes: 10_000}
	d := Build([]byte(body), 0, lim)
	if len(d.text) > lim.MaxBytes+len(value)+3 {
		t.Fatalf("kept %d bytes of text for a limit of %d", len(d.text), lim.MaxBytes)
	}
	if d.Omitted() == 0 || d.Len() > 20 {
		t.Fatalf("len %d omitted %d", d.Len(), d.Omitted())
	}
	if d.Len()-1+d.Omitted() != 1002 {
		t.Fatalf("kept %d and left out %d of 1002 lines", d.Len()-1, d.Omitted())
	}
}

func TestLongLinesAreCut(t *testing.T) {
	long := strings.Repeat("я", 100_000) // two bytes each: a cut must not split one
	d := Build([]byte(`{"note":"`+long+`","after":true}`), 0, Limits{MaxLineBytes: 101})
	line := d.Line(1)
	if !strings.HasPrefix(line, `  "note": "яяя`) || !strings.HasSuffix(line, "я…") {
		t.Fatalf("cut line %q", line)
	}
	if n := len(d.lineText(1)); n > 101 {
		t.Fatalf("cut line holds %d bytes", n)
	}
	checkSafe(t, "the cut line", line)
	if d.Line(2) != `  "after": true` || d.Shortened() != 1 {
		t.Fatalf("after the cut: %q, shortened %d", d.Line(2), d.Shortened())
	}
}

func TestCutTakesBackTextForTheEllipsis(t *testing.T) {
	// The key fills the line to within a byte: the value's cut must take
	// back some of it to fit the "…".
	key := strings.Repeat("k", 12)
	d := Build([]byte(`{"`+key+`":"value"}`), 0, Limits{MaxLineBytes: 17})
	if got := d.lineText(1); string(got) != `"kkkkkkkkkkkk"…` {
		t.Fatalf("line %q", got)
	}
}

func TestInvalidJSONIsShownAsCleanText(t *testing.T) {
	body := "<html>\r\n<body>\x1b[2J\tgone</body>\rend\n"
	d := Build([]byte(body), 0, Limits{})
	want := []string{"<html>", "<body>␛[2J  gone</body>", "end"}
	if d.JSON() || strings.Join(lines(d), "\n") != strings.Join(want, "\n") {
		t.Fatalf("json %v, lines %q", d.JSON(), lines(d))
	}
}

func TestTextIsBounded(t *testing.T) {
	body := strings.Repeat("line\n", 50) + strings.Repeat("z", 5000) + "\n{"
	d := Build([]byte(body), 3, Limits{MaxLines: 60, MaxLineBytes: 100})
	if d.Len() != 52 || d.Omitted() != 0 {
		t.Fatalf("len %d omitted %d", d.Len(), d.Omitted())
	}
	if got := d.Line(50); len(got) != 100 || !strings.HasSuffix(got, "z…") {
		t.Fatalf("long line %q", got)
	}
	d = Build([]byte(body), 3, Limits{MaxLines: 10})
	if d.Len() != 11 || d.Line(10) != "… 42 more lines, see `leadscope get 3 --json`" {
		t.Fatalf("len %d, last line %q", d.Len(), d.Line(d.Len()-1))
	}
}

func TestEmptyBody(t *testing.T) {
	d := Build(nil, 1, Limits{})
	if d.Len() != 0 || d.Line(0) != "" || d.Render(0, 80, Palette{}) != nil {
		t.Fatalf("empty body: len %d", d.Len())
	}
}

func TestBuildKeepsNoSpareCapacity(t *testing.T) {
	d := Build(bytes.Repeat([]byte("x"), 1<<20), 0, Limits{})
	if cap(d.text) > 2*len(d.text)+64 {
		t.Fatalf("text holds %d bytes in %d", len(d.text), cap(d.text))
	}
}

func TestLineGoesOnAfterACutCompactedContainer(t *testing.T) {
	d := Build([]byte("["+deepValue(100)+",2]"), 0, Limits{MaxDepth: 1, MaxCompactBytes: 16})
	want := []string{"[", "  " + strings.Repeat("[", 13) + "…,", "  2", "]"}
	if got := lines(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}
