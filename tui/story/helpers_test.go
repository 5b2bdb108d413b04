package story_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/story"
)

// names is a Names with fixed answers: Sales (1) has Incoming (11, grey),
// Qualified (12) and Proposal (13); Partners (2) has First call (21).
type names struct{}

func (names) UserName(id int64) (string, bool) {
	n, ok := map[int64]string{7: "Alice", 8: "Boris"}[id]
	return n, ok
}

func (names) PipelineName(id int64) (string, bool) {
	n, ok := map[int64]string{1: "Sales", 2: "Partners"}[id]
	return n, ok
}

func (names) Stage(pipelineID, statusID int64) (string, string, bool) {
	type key struct{ p, s int64 }
	stages := map[key][2]string{
		{1, 11}: {"Incoming", "#c1c1c1"}, {1, 12}: {"Qualified", "#99ccff"}, {1, 13}: {"Proposal", "#ffff99"},
		{2, 21}: {"First call", "#98cbff"}, {1, 142}: {"Won", "#ccff66"},
	}
	s, ok := stages[key{pipelineID, statusID}]
	return s[0], s[1], ok
}

func (names) FieldName(id int64) (string, bool) {
	n, ok := map[int64]string{600: "Plan", 601: "Seats"}[id]
	return n, ok
}

func (names) TaskTypeName(id int64) (string, bool) {
	n, ok := map[int64]string{3: "Send contract"}[id]
	return n, ok
}

func (names) EntityName(kind string, id int64) (string, bool) {
	if kind == "contact" && id == 50 {
		return "Jane Doe", true
	}
	return "", false
}

// now is 2024-05-01 00:00 UTC; times below are offsets from it.
var now = time.Unix(1714521600, 0)

func formatter() *story.Formatter { return story.New(names{}, time.UTC, now) }

func note(t *testing.T, typ string, params string) api.Note {
	t.Helper()
	return decode[api.Note](t, `{"id":1,"created_by":8,"created_at":1714435200,"note_type":"`+typ+`","params":`+params+`}`)
}

func event(t *testing.T, typ, before, after string) api.Event {
	t.Helper()
	return decode[api.Event](t, `{"id":"e1","type":"`+typ+`","created_by":7,"created_at":1714435200,"value_before":`+before+`,"value_after":`+after+`}`)
}

func decode[T any](t *testing.T, s string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("decode %s: %v", s, err)
	}
	return v
}

// checkClean fails on a string the terminal could act on or that breaks bounds.
func checkClean(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("invalid UTF-8: %q", s)
	}
	if utf8.RuneCountInString(s) > story.MaxLineRunes+8 {
		t.Fatalf("%d runes on one line", utf8.RuneCountInString(s))
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u202e' || r == '\u2028' {
			t.Fatalf("control or invisible rune %U in %q", r, s)
		}
	}
}

func checkEntry(t *testing.T, e story.Entry) {
	t.Helper()
	for _, s := range append([]string{e.When, e.Ago, e.Author, e.Type, e.Kind, e.EventID}, e.Lines...) {
		checkClean(t, s)
	}
	if len(e.Lines) > story.MaxLines {
		t.Fatalf("%d lines", len(e.Lines))
	}
	if e.Kind == "" {
		t.Fatalf("entry without a kind: %+v", e)
	}
}

func text(e story.Entry) string { return strings.Join(e.Lines, "\n") }

type noteT = api.Note
