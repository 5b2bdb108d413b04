package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/leadscope/leadscope/tui/cli"
)

// hostileLead is valid JSON a terminal would act on if printed raw: an
// 8-bit CSI (0x9b) and other invalid UTF-8 inside a string, the C1 CSI
// rune, a bidi override, and CR and TAB between tokens.
const hostileLead = "{\"id\":7,\r\n\t\"name\":\"Deal \x9b2J\xff\xe2\x82 \u009b31m \u202eevil\",\"price\":\t1}"

func runGetJSON(t *testing.T, toTerminal bool) []byte {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/hal+json")
		_, _ = w.Write([]byte(hostileLead))
	}))
	t.Cleanup(srv.Close)
	env := map[string]string{"KOMMO_BASE_URL": srv.URL, "KOMMO_TOKEN": "t"}
	var stdout, stderr bytes.Buffer
	e := &cli.Env{Args: []string{"get", "--json", "7"}, Getenv: func(k string) string { return env[k] },
		Stdin: bytes.NewReader(nil), Stdout: &stdout, Stderr: &stderr, OutIsTTY: toTerminal}
	if code := cli.Main(context.Background(), e); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	return stdout.Bytes()
}

func TestGetJSONOnATerminalShowsEveryByte(t *testing.T) {
	out := runGetJSON(t, true)
	want := "{\"id\":7,\n  \"name\":\"Deal \\ufffd\\\\x9b2J\\ufffd\\\\xff\\ufffd\\\\xe2\\ufffd\\\\x82 \\u009b31m \\u202eevil\",\"price\":  1}\n"
	if string(out) != want {
		t.Errorf("\n got %q\nwant %q", out, want)
	}
	if !json.Valid(out) {
		t.Errorf("not JSON: %q", out)
	}
}

func TestGetJSONPipedKeepsKommosBytes(t *testing.T) {
	out := runGetJSON(t, false)
	want := "{\"id\":7,\r\n\t\"name\":\"Deal \x9b2J\xff\xe2\x82 \\u009b31m \\u202eevil\",\"price\":\t1}\n"
	if string(out) != want {
		t.Errorf("\n got %q\nwant %q", out, want)
	}
}
