package api_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/leadscope/leadscope/api"
)

func TestLongNamesAreClipped(t *testing.T) {
	long := strings.Repeat("Ж", api.MaxNameBytes) // 2 bytes a letter: the cut lands mid-letter
	var u api.User
	if err := json.Unmarshal([]byte(`{"id":1,"name":"`+long+`","email":"a@b.c"}`), &u); err != nil {
		t.Fatal(err)
	}
	if len(u.Name) > api.MaxNameBytes || !utf8.ValidString(u.Name) || !strings.HasSuffix(u.Name, "Ж…") {
		t.Errorf("clipped name: %d bytes, valid %v, ends %q", len(u.Name), utf8.ValidString(u.Name), u.Name[len(u.Name)-8:])
	}
	if u.Email != "a@b.c" {
		t.Errorf("short text changed: %q", u.Email)
	}
	var p api.Pipeline
	statuses := strings.Repeat(`{"id":1,"name":"s"},`, 400)
	if err := json.Unmarshal([]byte(`{"id":1,"name":"`+long+`","_embedded":{"statuses":[`+statuses+`{"id":2}]}}`), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Name) > api.MaxNameBytes || len(p.Statuses) != 250 {
		t.Errorf("pipeline name %d bytes, %d stages", len(p.Name), len(p.Statuses))
	}
}
