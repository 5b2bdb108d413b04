package api

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzScanJSON checks the lenient decoder's scanner against encoding/json:
// on valid JSON, objectFields and looseItems must find exactly the members
// and elements encoding/json finds; on anything else they must not panic.
func FuzzScanJSON(f *testing.F) {
	for _, seed := range []string{
		`{"a":1,"b":[1,{"c":"}"}],"d":"\"\\"}`, `[1, "x", {"k": [ ]}, null, true]`, `{"\u0069d": 5, "id": 6}`,
		`{}`, `[]`, ` { "a" : { } } `, `{"a":1,}`, `[1 2]`, `{"a" 1}`, `"str"`, `{"a":"\"}`, `{"k":[}]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fields, isObject := objectFields(data)
		items := looseItems(data)
		if !json.Valid(data) {
			return
		}
		var wantFields map[string]json.RawMessage
		if json.Unmarshal(data, &wantFields) == nil && wantFields != nil {
			if !isObject || len(fields) != len(wantFields) {
				t.Fatalf("object %q: scanned %d members (object %v), encoding/json %d", data, len(fields), isObject, len(wantFields))
			}
			for k, want := range wantFields {
				if !sameJSON(fields[k], want) {
					t.Fatalf("object %q member %q: scanned %q, encoding/json %q", data, k, fields[k], want)
				}
			}
		}
		var wantItems []json.RawMessage
		if bytes.HasPrefix(bytes.TrimSpace(data), []byte("[")) && json.Unmarshal(data, &wantItems) == nil {
			if len(items) != len(wantItems) {
				t.Fatalf("array %q: scanned %d elements, encoding/json %d", data, len(items), len(wantItems))
			}
			for i := range wantItems {
				if !sameJSON(items[i], wantItems[i]) {
					t.Fatalf("array %q element %d: scanned %q, encoding/json %q", data, i, items[i], wantItems[i])
				}
			}
		}
	})
}

func sameJSON(a, b []byte) bool {
	var ca, cb bytes.Buffer
	if json.Compact(&ca, a) != nil || json.Compact(&cb, b) != nil {
		return false
	}
	return bytes.Equal(ca.Bytes(), cb.Bytes())
}
