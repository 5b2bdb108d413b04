package sanitize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestLine(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Acme deal", "Acme deal"},
		{"Сделка №5 ✓", "Сделка №5 ✓"},
		{"\x1b]52;c;aGk=\a", "␛]52;c;aGk=␇"},
		{"\x1b[2Jwiped", "␛[2Jwiped"},
		{"a\nb\r\nc\td", "a b  c d"},
		{"del\x7f", "del␡"},
		{"c1\u009bcsi", "c1\uFFFDcsi"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
		{"rtl\u202Eevil\u2066x", "rtlevilx"},
		{"para\u2029sep", "para\uFFFDsep"},
		{"", ""},
	}
	for _, c := range cases {
		if got := Line(c.in); got != c.want {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestBlock(t *testing.T) {
	cases := []struct{ in, want string }{
		{"line1\nline2", "line1\nline2"},
		{"dos\r\nmac\rend", "dos\nmac\nend"},
		{"a\tb\n\tc", "a   b\n    c"},
		{"\x1b[31mred", "␛[31mred"},
	}
	for _, c := range cases {
		if got := Block(c.in); got != c.want {
			t.Errorf("Block(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// assertInert checks the property every caller relies on: nothing a terminal
// would interpret survives.
func assertInert(t *testing.T, out string, keepLines bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("output is not valid UTF-8: %q", out)
	}
	for _, r := range out {
		if r == '\n' && keepLines {
			continue
		}
		if unicode.Is(unicode.Cc, r) || isBidiControl(r) {
			t.Fatalf("control rune %U survived in %q", r, out)
		}
	}
}

func FuzzLine(f *testing.F) {
	for _, seed := range []string{"plain", "\x1b]52;c;aGk=\a", "\x1b[2J", "a\r\nb\tc", "\u202Eabc", "\xff\xfe", "\u009b31m"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		assertInert(t, Line(in), false)
		block := Block(in)
		assertInert(t, block, true)
		if strings.Contains(Line(in), "\n") {
			t.Fatalf("Line kept a newline: %q", in)
		}
	})
}

func BenchmarkLinePlain(b *testing.B) {
	s := strings.Repeat("Acme deal ", 10)
	for b.Loop() {
		Line(s)
	}
}
