package story_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/story"
)

func noteAt(t *testing.T, id int64, at int64, typ string) api.Note {
	return decode[api.Note](t, fmt.Sprintf(`{"id":%d,"created_by":8,"created_at":%d,"note_type":%q,"params":{"text":"n%d"}}`, id, at, typ, id))
}

func eventAt(t *testing.T, id string, at int64, typ, after string) api.Event {
	return decode[api.Event](t, fmt.Sprintf(`{"id":%q,"type":%q,"created_by":7,"created_at":%d,"value_before":[],"value_after":%s}`, id, typ, at, after))
}

func ids(entries []story.Entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		if e.Source == story.SourceNote {
			out[i] = fmt.Sprintf("n%d", e.NoteID)
		} else {
			out[i] = e.EventID
		}
	}
	return out
}

func TestFeedMergesNewestFirstWhateverTheInputOrder(t *testing.T) {
	notes := []api.Note{noteAt(t, 1, 100, "common"), noteAt(t, 2, 300, "call_in"), noteAt(t, 3, 500, "common")}
	// Events arrive oldest first here: Kommo does not promise an order.
	events := []api.Event{eventAt(t, "a", 200, "lead_added", `[]`), eventAt(t, "b", 400, "entity_tag_added", `[{"tag":{"name":"x"}}]`),
		eventAt(t, "c", 600, "incoming_chat_message", `[]`)}
	f := formatter()
	for _, tc := range []struct {
		filter story.Filter
		want   []string
	}{
		{story.FilterAll, []string{"c", "n3", "b", "n2", "a", "n1"}},
		{story.FilterNotes, []string{"n3", "n2", "n1"}},
		{story.FilterEvents, []string{"c", "b", "a"}},
		{story.FilterComms, []string{"c", "n2"}},
	} {
		if got := ids(f.Feed(notes, events, tc.filter)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.filter, got, tc.want)
		}
	}
	reversed := slices.Clone(events)
	slices.Reverse(reversed)
	if got := ids(f.Feed(notes, reversed, story.FilterAll)); !slices.Equal(got, []string{"c", "n3", "b", "n2", "a", "n1"}) {
		t.Errorf("events newest first give %v", got)
	}
}

func TestFeedTiesKeepInputOrder(t *testing.T) {
	notes := []api.Note{noteAt(t, 9, 100, "common"), noteAt(t, 8, 100, "common")}
	events := []api.Event{eventAt(t, "z", 100, "lead_added", `[]`), eventAt(t, "y", 100, "task_added", `[]`)}
	want := []string{"n9", "n8", "z", "y"}
	for range 20 {
		if got := ids(formatter().Feed(notes, events, story.FilterAll)); !slices.Equal(got, want) {
			t.Fatalf("ties: %v, want %v", got, want)
		}
	}
}

func TestFeedHidesEventsAboutShownNotes(t *testing.T) {
	notes := []api.Note{noteAt(t, 77, 300, "call_in")}
	events := []api.Event{
		eventAt(t, "call", 300, "incoming_call", `[{"note":{"id":77}}]`),
		eventAt(t, "other-call", 250, "incoming_call", `[{"note":{"id":78}}]`),
	}
	f := formatter()
	if got := ids(f.Feed(notes, events, story.FilterAll)); !slices.Equal(got, []string{"n77", "other-call"}) {
		t.Errorf("all: %v", got)
	}
	if got := ids(f.Feed(notes, events, story.FilterEvents)); !slices.Equal(got, []string{"call", "other-call"}) {
		t.Errorf("events only must keep the call event, its note is not shown: %v", got)
	}
}

func TestMergeLeavesItsInputAlone(t *testing.T) {
	f := formatter()
	in := []story.Entry{f.Note(noteAt(t, 1, 100, "common")), f.Note(noteAt(t, 2, 200, "common"))}
	story.Merge(in, story.FilterAll)
	if in[0].NoteID != 1 {
		t.Error("Merge sorted its input")
	}
}

func TestFiltersCycle(t *testing.T) {
	f := story.FilterAll
	var seen []string
	for range len(story.Filters()) {
		seen = append(seen, f.String())
		f = f.Next()
	}
	if f != story.FilterAll || !slices.Equal(seen, []string{"all", "notes", "events", "calls & messages"}) {
		t.Errorf("cycle %v ends at %s", seen, f)
	}
}

func TestPlainEntry(t *testing.T) {
	e := formatter().Note(note(t, "call_in", `{"phone":"+1 555","duration":200,"call_status":4,"link":"https://r"}`))
	want := []string{"2024-04-30 00:00 (1 day ago)  Boris  Incoming call", "    from +1 555 · 3m 20s · answered", "    Recording: https://r"}
	if got := e.Plain(); !slices.Equal(got, want) {
		t.Errorf("plain\n%q\nwant\n%q", got, want)
	}
	timeless := formatter().Event(decode[api.Event](t, `{"id":"x","type":"lead_added"}`))
	if got := timeless.Plain(); !slices.Equal(got, []string{"system  Lead created"}) {
		t.Errorf("timeless %q", got)
	}
}

func TestDirectoryNamesNameFieldsFromTheLead(t *testing.T) {
	lead := &api.Lead{CustomFields: []api.CustomField{{FieldID: 5, FieldName: "Budget line"}}}
	defs := api.NewFieldDefs([]api.FieldDef{{ID: 6, Name: "Region"}}, nil)
	n := story.DirectoryNames{Lead: lead, Fields: defs}
	for id, want := range map[int64]string{5: "Budget line", 6: "Region"} {
		if got, ok := n.FieldName(id); !ok || got != want {
			t.Errorf("field %d: %q %v", id, got, ok)
		}
	}
	events := []api.Event{
		eventAt(t, "a", 1, "custom_field_5_value_changed", `[]`),
		eventAt(t, "b", 2, "custom_field_value_changed", `[{"custom_field_value":{"field_id":7}}]`),
		eventAt(t, "c", 3, "custom_field_8_value_changed", `[{"custom_field_value":{"field_id":8}}]`),
		eventAt(t, "d", 4, "entity_tag_added", `[{"custom_field_value":{"field_id":9}}]`),
	}
	if got := n.UnnamedFields(events); !slices.Equal(got, []int64{7, 8}) {
		t.Errorf("unnamed %v", got)
	}
	var empty story.DirectoryNames
	if _, ok := empty.FieldName(5); ok {
		t.Error("empty names named a field")
	}
	if _, ok := empty.TaskTypeName(1); ok {
		t.Error("empty names named a task type")
	}
}
