package story_test

import (
	"strings"
	"testing"

	"github.com/leadscope/leadscope/tui/story"
)

func TestEveryNoteTypeInWords(t *testing.T) {
	for _, tc := range []struct {
		typ, params string
		kind        string
		comm        bool
		lines       []string
	}{
		{"common", `{"text":"First line\n\n\n\tSecond line  \n"}`, "Note", false, []string{"First line", "", "    Second line"}},
		{"call_in", `{"uniq":"x","duration":200,"source":"PBX","link":"https://rec/1.mp3","phone":"+1 555 0100","call_status":4,"call_result":"Talked about price"}`,
			"Incoming call", true, []string{"from +1 555 0100 · 3m 20s · answered · via PBX", "Talked about price", "Recording: https://rec/1.mp3"}},
		{"call_out", `{"duration":"45","phone":15550100,"call_status":"6","link":""}`, "Outgoing call", true, []string{"to 15550100 · 45s · no answer"}},
		{"call_out", `{"duration":3725,"call_status":99}`, "Outgoing call", true, []string{"1h 2m · status 99"}},
		{"sms_in", `{"text":"Running late","phone":"+1 555 0100"}`, "SMS received", true, []string{"from +1 555 0100", "Running late"}},
		{"sms_out", `{"text":"OK"}`, "SMS sent", true, []string{"OK"}},
		{"service_message", `{"service":"Bot","text":"Scored 7"}`, "Service message from Bot", false, []string{"Scored 7"}},
		{"extended_service_message", `{"text":"Form sent"}`, "Service message", false, []string{"Form sent"}},
		{"message_cashier", `{"status":"created","text":"Invoice 1"}`, "Message to cashier", false, []string{"Status: created", "Invoice 1"}},
		{"geolocation", `{"text":"Visited","address":"1 Main St","longitude":"-0.0195","latitude":51.5049}`, "Location", false,
			[]string{"Visited", "1 Main St", "51.5049, -0.0195"}},
		{"attachment", `{"original_name":"proposal.pdf","file_name":"f3a1.pdf"}`, "Attachment", false, []string{"proposal.pdf"}},
		{"attachment", `{"file_name":"f3a1.pdf"}`, "Attachment", false, []string{"f3a1.pdf"}},
		{"amomail_message", `{"income":true,"from":{"email":"jane@acme","name":"Jane"},"to":{"email":"bo@x"},"subject":"Proposal","content_summary":"See attached"}`,
			"E-mail received", true, []string{"From: Jane <jane@acme>", "To: bo@x", "Subject: Proposal", "See attached"}},
		{"amomail_message", `{"income":"0","from":"bo@x","subject":"Re"}`, "E-mail sent", true, []string{"From: bo@x", "Subject: Re"}},
		{"invoice_paid", `{"text":"Invoice 1 paid","service":"Pay","icon_url":"https://i"}`, "Invoice paid", false,
			[]string{"Invoice 1 paid", "icon_url: https://i, service: Pay"}},
		{"hologram_meeting", `{"dimensions":3,"mode":{"kind":"volumetric","deep":{"a":{"b":{"c":1}}}}}`, "Hologram meeting", false,
			[]string{"dimensions: 3, mode: {deep: {a: {b: {…}}}, kind: volumetric}"}},
		{"common", `"just a string"`, "Note", false, []string{"just a string"}},
		{"common", `[1,2]`, "Note", false, []string{"[1, 2]"}},
		{"common", `null`, "Note", false, nil},
		{"", `{}`, "Note", false, nil},
	} {
		t.Run(tc.typ, func(t *testing.T) {
			e := formatter().Note(note(t, tc.typ, tc.params))
			checkEntry(t, e)
			if e.Kind != tc.kind || e.Comm != tc.comm || text(e) != strings.Join(tc.lines, "\n") {
				t.Errorf("got %q comm %v:\n%s\nwant %q comm %v:\n%s", e.Kind, e.Comm, text(e), tc.kind, tc.comm, strings.Join(tc.lines, "\n"))
			}
			if e.Source != story.SourceNote || e.NoteID != 1 || e.Author != "Boris" || e.When != "2024-04-30 00:00" || e.Ago != "1 day ago" {
				t.Errorf("entry head %+v", e)
			}
		})
	}
}

func TestNoteAuthorsAndTimes(t *testing.T) {
	f := formatter()
	system := f.Note(decode[noteT](t, `{"id":2,"created_by":0,"updated_at":1714520000,"note_type":"common","params":{"text":"x"}}`))
	if system.Author != "system" || system.When != "2024-04-30 23:33" || system.Ago != "26 minutes ago" {
		t.Errorf("system note %+v", system)
	}
	unknown := f.Note(decode[noteT](t, `{"id":3,"created_by":99,"note_type":"common"}`))
	if unknown.Author != "#99" || !unknown.At.IsZero() || unknown.When != "" || unknown.Ago != "" {
		t.Errorf("note without time %+v", unknown)
	}
	bare := story.New(nil, nil, now).Note(note(t, "common", `{"text":"x"}`))
	if bare.Author != "#8" {
		t.Errorf("no names: author %q", bare.Author)
	}
}

func TestNoteTextIsBoundedAndClean(t *testing.T) {
	long := strings.Repeat("word ", 2000)
	many := strings.Repeat("line\n", 500)
	evil := "\x1b[2J\x1b]52;c;aGk=\a\u202eevil\u009b31m\xff\u2028"
	for _, params := range []string{
		`{"text":"` + long + `"}`,
		`{"text":"` + strings.ReplaceAll(many, "\n", `\n`) + `"}`,
		`{"text":"` + jsonEscape(evil) + `","phone":"` + jsonEscape(evil) + `"}`,
	} {
		for _, typ := range []string{"common", "call_in", "sms_in", "amomail_message", "geolocation", "attachment", "unknown_thing"} {
			e := formatter().Note(note(t, typ, params))
			checkEntry(t, e)
		}
	}
	e := formatter().Note(note(t, "common", `{"text":"`+strings.ReplaceAll(many, "\n", `\n`)+`"}`))
	if len(e.Lines) != story.MaxLines || !strings.Contains(e.Lines[story.MaxLines-1], "more lines") {
		t.Errorf("%d lines, last %q", len(e.Lines), e.Lines[len(e.Lines)-1])
	}
	typed := formatter().Note(note(t, "\\u001b[31mred_type", `{}`))
	checkEntry(t, typed)
	if !strings.Contains(typed.Kind, "␛") {
		t.Errorf("escape in the type should show as a stand-in: %q", typed.Kind)
	}
}

func jsonEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r < 0x20:
			b.WriteString(`\u00` + string("0123456789abcdef"[r>>4]) + string("0123456789abcdef"[r&15]))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
