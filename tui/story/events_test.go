package story_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/tui/story"
)

func TestEveryEventTypeInWords(t *testing.T) {
	status := func(p, s int) string {
		return `[{"lead_status":{"id":` + itoa(s) + `,"pipeline_id":` + itoa(p) + `}}]`
	}
	for _, tc := range []struct {
		typ, before, after string
		kind               string
		comm               bool
		text               string
	}{
		{"lead_added", `[]`, `[]`, "Lead created", false, ""},
		{"lead_status_changed", status(1, 11), status(1, 12), "Stage changed", false, "Incoming → Qualified"},
		{"lead_status_changed", status(2, 21), status(1, 12), "Stage changed", false, "Partners › First call → Sales › Qualified"},
		{"lead_status_changed", `[]`, status(1, 13), "Stage changed", false, "→ Sales › Proposal"},
		{"lead_status_changed", status(1, 12), status(9, 99), "Stage changed", false, "Sales › Qualified → pipeline #9 › stage #99"},
		{"lead_status_changed", `[]`, `[]`, "Stage changed", false, ""},
		{"entity_responsible_changed", `[{"responsible_user":{"id":7}}]`, `[{"responsible_user":{"id":"8"}}]`, "Responsible changed", false, "Alice → Boris"},
		{"entity_responsible_changed", `[]`, `[{"responsible_user":{"id":42}}]`, "Responsible changed", false, "→ #42"},
		{"entity_tag_added", `[]`, `[{"tag":{"name":"vip"}},{"tag":{"name":"website"}}]`, "Tags added", false, "vip, website"},
		{"entity_tag_deleted", `[{"tag":{"name":"cold"}}]`, `[]`, "Tags removed", false, "cold"},
		{"entity_tag_deleted", `[]`, `[{"tag":{"name":"cold"}}]`, "Tags removed", false, "cold"},
		{"custom_field_600_value_changed", `[{"custom_field_value":{"field_id":600,"field_type":4,"enum_id":2,"text":"Pro"}}]`,
			`[{"custom_field_value":{"field_id":600,"field_type":4,"enum_id":1,"text":"Enterprise"}}]`, "Field changed", false, "Plan: Pro → Enterprise"},
		{"custom_field_value_changed", `[]`, `[{"custom_field_value":{"field_id":"601","text":"42"}}]`, "Field changed", false, "Seats: 42"},
		{"custom_field_700_value_changed", `[{"custom_field_value":{"text":"old"}}]`, `[]`, "Field changed", false, "field #700: old → (cleared)"},
		{"custom_field_value_changed", `[]`, `[{"custom_field_value":{"field_id":600,"enum_id":5}},{"custom_field_value":{"field_id":600,"text":"B"}}]`,
			"Field changed", false, "Plan: option #5, B"},
		{"sale_field_changed", `[{"sale_field_value":{"sale":10000}}]`, `[{"sale_field_value":{"sale":"12500"}}]`, "Budget changed", false, "10,000 → 12,500"},
		{"name_field_changed", `[{"name_field_value":{"name":"Old"}}]`, `[{"name_field_value":{"name":"New\nname"}}]`, "Name changed", false, "Old → New name"},
		{"contact_linked", `[]`, `[{"link":{"entity":{"type":"contact","id":50}}}]`, "Contact linked", false, "Jane Doe"},
		{"contact_unlinked", `[]`, `[{"unlink":{"entity":{"type":"contact","id":51}}}]`, "Contact unlinked", false, "contact #51"},
		{"company_linked", `[]`, `[{"link":{"entity":{"id":60}}}]`, "Company linked", false, "company #60"},
		{"entity_linked", `[]`, `[{"link":{"entity":{"type":"company","id":60}}}]`, "Company linked", false, "company #60"},
		{"catalog_element_linked", `[]`, `[]`, "Catalog element linked", false, ""},
		{"task_completed", `[]`, `[]`, "Task completed", false, ""},
		{"incoming_call", `[]`, `[{"note":{"id":77}}]`, "Incoming call", true, ""},
		{"outgoing_call", `[]`, `[{"note":{"id":78}}]`, "Outgoing call", true, ""},
		{"incoming_chat_message", `[]`, `[{"message":{"id":"c0","origin":"telegram","talk_id":4}}]`, "Chat message received", true, "via telegram"},
		{"outgoing_chat_message", `[]`, `[{"message":{"id":"c1"}}]`, "Chat message sent", true, ""},
		{"incoming_sms", `[]`, `[{"note":{"id":79}}]`, "SMS received", true, ""},
		{"outgoing_sms", `[]`, `[]`, "SMS sent", true, ""},
		{"entity_direct_message", `[]`, `[]`, "Direct message", true, ""},
		{"incoming_mail_message", `[]`, `[]`, "Incoming mail message", true, ""},
		{"common_note_added", `[]`, `[{"note":{"id":80}}]`, "Note added", false, ""},
		{"hologram_projected", `[]`, `[{"hologram":{"id":5}}]`, "hologram_projected", false, "[{hologram: {id: 5}}]"},
		{"hologram_moved", `{"0":{"x":1}}`, `null`, "hologram_moved", false, "before: [{x: 1}]"},
		{"", `"x"`, `7`, "Event", false, ""},
	} {
		t.Run(tc.typ, func(t *testing.T) {
			e := formatter().Event(event(t, tc.typ, tc.before, tc.after))
			checkEntry(t, e)
			if e.Kind != tc.kind || e.Comm != tc.comm || text(e) != tc.text {
				t.Errorf("got %q comm %v %q, want %q comm %v %q", e.Kind, e.Comm, text(e), tc.kind, tc.comm, tc.text)
			}
			if e.Source != story.SourceEvent || e.EventID != "e1" || e.Author != "Alice" || e.When != "2024-04-30 00:00" {
				t.Errorf("entry head %+v", e)
			}
		})
	}
}

func TestStageMoveCarriesColoursForChips(t *testing.T) {
	e := formatter().Event(event(t, "lead_status_changed", `[{"lead_status":{"id":21,"pipeline_id":2}}]`, `[{"lead_status":{"id":12,"pipeline_id":1}}]`))
	m := e.Move
	if m == nil || !m.FromKnown || !m.PipelineChanged || m.From.Color != "#98cbff" || m.To.Color != "#99ccff" ||
		m.To.Name != "Qualified" || m.To.Pipeline != "Sales" || !m.To.Known {
		t.Fatalf("move %+v", m)
	}
	unknown := formatter().Event(event(t, "lead_status_changed", `[]`, `[{"lead_status":{"id":5,"pipeline_id":1}}]`)).Move
	if unknown == nil || unknown.FromKnown || unknown.To.Known || unknown.To.Color != "" || unknown.To.Name != "stage #5" {
		t.Fatalf("unknown move %+v", unknown)
	}
}

func TestEventNoteReference(t *testing.T) {
	for typ, want := range map[string]int64{"incoming_call": 77, "common_note_added": 77, "lead_added": 0} {
		after := `[]`
		if want != 0 {
			after = `[{"note":{"id":"77"}}]`
		}
		if got := formatter().Event(event(t, typ, `[]`, after)).NoteRef; got != want {
			t.Errorf("%s: note ref %d, want %d", typ, got, want)
		}
	}
}

func TestManyTagsAreCut(t *testing.T) {
	var tags []string
	for i := range 100 {
		tags = append(tags, `{"tag":{"name":"t`+itoa(i)+`"}}`)
	}
	e := formatter().Event(event(t, "entity_tag_added", `[]`, "["+strings.Join(tags, ",")+"]"))
	checkEntry(t, e)
	if !strings.HasSuffix(text(e), "+80 more") {
		t.Errorf("tags %q", text(e))
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
