package cli

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

func TestTerminalJSON(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain stays", `{"id":1,"name":"Ann \u00e9 ж 😀"}`, `{"id":1,"name":"Ann \u00e9 ж 😀"}`},
		{"escapes stay", `{"a":"\u001b[2J\"\\\n"}`, `{"a":"\u001b[2J\"\\\n"}`},
		{"raw 0x9b in a string", "{\"a\":\"x\x9b[2Jy\"}", `{"a":"x\ufffd\\x9b[2Jy"}`},
		{"invalid UTF-8 in a string", "{\"a\":\"\xff\xe2\x82z\"}", `{"a":"\ufffd\\xff\ufffd\\xe2\ufffd\\x82z"}`},
		{"raw ESC in a string", "{\"a\":\"\x1b[31m\"}", `{"a":"\u001b[31m"}`},
		{"C1 CSI, DEL, bidi, separator", "{\"a\":\"\u009b\x7f\u202e\u2028\u200b\"}", `{"a":"\u009b\u007f\u202e\u2028\u200b"}`},
		{"private use beyond the BMP", "{\"a\":\"\U000F0000\"}", `{"a":"\udb80\udc00"}`},
		{"joiners stay", "{\"a\":\"👨\u200d👩\"}", "{\"a\":\"👨\u200d👩\"}"},
		{"CR LF, CR and TAB outside strings", "{\r\n\t\"a\": [1,\r2]\t}", "{\n  \"a\": [1,\n2]  }"},
		{"CR and TAB inside strings stay escaped", `{"a":"\r\t"}`, `{"a":"\r\t"}`},
		{"stray bytes outside strings", "{\"a\":1}\x1b\x9b", `{"a":1}\x1b\x9b`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(terminalJSON([]byte(tc.in)))
			if got != tc.want {
				t.Errorf("\n got %q\nwant %q", got, tc.want)
			}
			if json.Valid([]byte(tc.in)) && !json.Valid([]byte(got)) {
				t.Errorf("valid JSON became invalid: %q", got)
			}
			for i := 0; i < len(got); i++ {
				if c := got[i]; (c < 0x20 && c != '\n') || c == 0x7f {
					t.Errorf("byte %#x reaches the terminal in %q", c, got)
				}
			}
			if !utf8.ValidString(got) {
				t.Errorf("invalid UTF-8 reaches the terminal: %q", got)
			}
		})
	}
}

// Valid JSON stays valid JSON on a terminal, invalid UTF-8 included.
func TestTerminalJSONStaysValid(t *testing.T) {
	for _, in := range []string{"{\"a\":\"\x9b\xff\",\"b\":[\"\u202e\"]}", "[\"\xc3\"]", "{\"k\x9b\":1}"} {
		if !json.Valid([]byte(in)) {
			t.Fatalf("test input %q is not JSON", in)
		}
		if out := terminalJSON([]byte(in)); !json.Valid(out) {
			t.Errorf("%q became invalid: %q", in, out)
		}
	}
}

// Piped, the bytes are Kommo's except for the invisible runes escapeInvisible
// rewrites to the same JSON value: raw 0x9b, CR and TAB pass for jq.
func TestPipedJSONKeepsTheBytes(t *testing.T) {
	in := "{\r\n\t\"a\":\"x\x9by\",\"b\":\"\u202e\"}"
	want := "{\r\n\t\"a\":\"x\x9by\",\"b\":\"\\u202e\"}"
	if got := string(jsonFor([]byte(in), false)); got != want {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
}

func FuzzTerminalJSON(f *testing.F) {
	for _, seed := range []string{`{"a":"b"}`, "{\"a\":\"\x9b\"}", "\r\t\x1b", `"\`, "\"\\\x9b\""} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out := terminalJSON(in)
		if !utf8.Valid(out) {
			t.Fatalf("invalid UTF-8 out of %q", in)
		}
		for _, c := range out {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				t.Fatalf("byte %#x out of %q", c, in)
			}
		}
		if json.Valid(in) && !json.Valid(out) {
			t.Fatalf("valid %q became invalid %q", in, out)
		}
	})
}
