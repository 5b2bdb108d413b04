package story_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/story"
)

// evilNames answers every ID with text a terminal would act on, and far
// too long: the formatter must clean and bound what Names says too.
type evilNames struct{}

const evil = "\x1b]52;c;aGk=\a\x1b[2J\u202e\u0085\xff"

func (evilNames) UserName(int64) (string, bool)     { return evil + strings.Repeat("u", 5000), true }
func (evilNames) PipelineName(int64) (string, bool) { return evil, true }
func (evilNames) Stage(int64, int64) (string, string, bool) {
	return evil + strings.Repeat("s", 5000), evil, true
}
func (evilNames) FieldName(int64) (string, bool)          { return "\n\n" + evil, true }
func (evilNames) TaskTypeName(int64) (string, bool)       { return evil, true }
func (evilNames) EntityName(string, int64) (string, bool) { return evil, true }

var fuzzFormatters = []*story.Formatter{
	story.New(names{}, time.UTC, now),
	story.New(evilNames{}, time.FixedZone("far east", 14*3600), now),
	story.New(nil, nil, time.Time{}),
}

// FuzzFeed: whatever a note, an event and a task decode from, the feed,
// the stage history and the tasks come out clean, bounded and panic-free.
func FuzzFeed(f *testing.F) {
	f.Fuzz(func(t *testing.T, noteJSON, eventJSON []byte) {
		var n api.Note
		var e api.Event
		var task api.Task
		_ = json.Unmarshal(noteJSON, &n)
		_ = json.Unmarshal(eventJSON, &e)
		_ = json.Unmarshal(eventJSON, &task)
		checkFormatted(t, []api.Note{n, n}, []api.Event{e, e}, []api.Task{task})
	})
}

// FuzzFormatRaw skips the decoder: params and values of any bytes at all,
// invalid JSON included, for any type.
func FuzzFormatRaw(f *testing.F) {
	for _, seed := range [][3]string{
		{"call_in", `{"duration":"9e999","call_status":1e300,"phone":[1]}`, `[]`},
		{"lead_status_changed", `[{"lead_status":{"id":1,"pipeline_id":2}}]`, `[{"lead_status":{"id":"x"}}]`},
		{"custom_field_9_value_changed", `{"0":{"custom_field_value":{"text":"a"}}}`, `[{"custom_field_value":[1,2]}]`},
		{"entity_tag_added", `[{"tag":{"name":"` + strings.Repeat("t", 3000) + `"}}]`, `not json`},
		{"amomail_message", `{"from":{"name":{"deep":[[[[[[["x"]]]]]]]}},"income":"yes"}`, `[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]`},
		{"geolocation", `{"latitude":"NaN","longitude":"Infinity"}`, `{"a":`},
	} {
		f.Add(seed[0], []byte(seed[1]), []byte(seed[2]))
	}
	f.Fuzz(func(t *testing.T, typ string, params, values []byte) {
		n := api.Note{ID: 1, NoteType: typ, Params: params, CreatedAt: 1714435200}
		e := api.Event{ID: typ, Type: typ, ValueBefore: values, ValueAfter: params, CreatedAt: 1714435200}
		checkFormatted(t, []api.Note{n}, []api.Event{e}, nil)
	})
}

func checkFormatted(t *testing.T, notes []api.Note, events []api.Event, tasks []api.Task) {
	t.Helper()
	lead := &api.Lead{ID: 1, PipelineID: 2, StatusID: 3, CreatedAt: 1714000000}
	for _, f := range fuzzFormatters {
		for _, filter := range story.Filters() {
			for _, e := range f.Feed(notes, events, filter) {
				checkEntry(t, e)
				if e.Move != nil {
					for _, s := range []string{e.Move.From.Name, e.Move.From.Pipeline, e.Move.From.Color, e.Move.To.Name, e.Move.To.Pipeline, e.Move.To.Color} {
						checkClean(t, s)
					}
				}
				for _, l := range e.Plain() {
					checkClean(t, l)
				}
			}
		}
		h := f.History(lead, events, true)
		checkClean(t, h.InStage())
		if path := h.Path(); len(path) > (len(h.Visits)+1)*(3*story.MaxLineRunes) {
			t.Fatalf("path of %d bytes for %d visits", len(path), len(h.Visits))
		}
		for _, it := range f.Tasks(tasks).Open {
			for _, l := range it.Plain() {
				checkClean(t, l)
			}
		}
	}
}
