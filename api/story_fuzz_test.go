package api_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/leadscope/leadscope/api"
)

// The story decoders are lenient: any JSON object decodes without error,
// keeps itself verbatim in Raw, and nothing panics. Seeds in
// testdata/fuzz/<FuzzName>/ hold the sandbox's shapes and odd ones.

func FuzzDecodeNote(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var n api.Note
		checkLenient(t, data, &n, func() []byte { return n.Raw })
	})
}

func FuzzDecodeEvent(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var e api.Event
		checkLenient(t, data, &e, func() []byte { return e.Raw })
	})
}

func FuzzDecodeTask(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var task api.Task
		checkLenient(t, data, &task, func() []byte { return task.Raw })
		if task.Result != nil && task.Result.Text == "" {
			t.Fatalf("an empty result is not nil: %q", data)
		}
		var def api.FieldDef
		_ = json.Unmarshal(data, &def)
	})
}

func checkLenient(t *testing.T, data []byte, v any, raw func() []byte) {
	t.Helper()
	err := json.Unmarshal(data, v)
	trimmed := bytes.TrimSpace(data)
	isObject := json.Valid(data) && len(trimmed) > 0 && trimmed[0] == '{'
	if isObject && err != nil {
		t.Fatalf("a JSON object failed to decode: %v", err)
	}
	if isObject && !bytes.Equal(raw(), trimmed) {
		t.Fatalf("Raw %q is not the object %q", raw(), trimmed)
	}
}
