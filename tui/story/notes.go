package story

import (
	"strconv"
	"strings"

	"github.com/leadscope/leadscope/api"
)

// Note turns one note into an entry; a note of any type and any params
// shape gives an entry, never an error.
func (f *Formatter) Note(n api.Note) Entry {
	at := n.CreatedAt
	if at == 0 {
		at = n.UpdatedAt
	}
	e := Entry{
		AuthorID: n.CreatedBy, Author: f.user(n.CreatedBy), Source: SourceNote,
		Type: line(n.NoteType, maxNameRunes), NoteID: n.ID,
	}
	f.entryAt(&e, at)
	v := parseValue(n.Params)
	p := asObject(v)
	render, ok := noteKinds[n.NoteType]
	if !ok {
		render = otherNote
	}
	e.Kind, e.Comm, e.Lines = render(p, e.Type)
	if p == nil && v != nil {
		// Params of no known shape (a bare string, a list): show them as they are.
		e.Lines = append(e.Lines, compact(v))
	}
	e.Kind = line(e.Kind, MaxLineRunes)
	if len(e.Lines) > MaxLines {
		e.Lines = e.Lines[:MaxLines]
	}
	return e
}

// noteRender reads one type's params into a kind, whether it is a call or
// message, and text lines.
type noteRender func(p object, typ string) (kind string, comm bool, lines []string)

var noteKinds = map[string]noteRender{
	"common":                   commonNote,
	"call_in":                  callNote("Incoming call", "from"),
	"call_out":                 callNote("Outgoing call", "to"),
	"sms_in":                   smsNote("SMS received", "from"),
	"sms_out":                  smsNote("SMS sent", "to"),
	"service_message":          serviceNote,
	"extended_service_message": serviceNote,
	"message_cashier":          cashierNote,
	"geolocation":              geolocationNote,
	"attachment":               attachmentNote,
	"amomail_message":          mailNote,
}

func commonNote(p object, _ string) (string, bool, []string) {
	return "Note", false, textLines(p.str("text"), MaxLines)
}

// callStatuses are Kommo's call_status codes.
var callStatuses = map[int64]string{
	1: "left a voicemail", 2: "call back later", 3: "not available", 4: "answered",
	5: "wrong number", 6: "no answer", 7: "busy",
}

func callNote(kind, direction string) noteRender {
	return func(p object, _ string) (string, bool, []string) {
		var status string
		if code, ok := p.int("call_status"); ok {
			status = callStatuses[code]
			if status == "" {
				status = "status " + strconv.FormatInt(code, 10)
			}
		}
		seconds, _ := p.int("duration")
		var who string
		if phone := line(p.str("phone"), maxNameRunes); phone != "" {
			who = direction + " " + phone
		}
		var via string
		if source := line(p.str("source"), maxNameRunes); source != "" {
			via = "via " + source
		}
		lines := []string{}
		if summary := joinNonEmpty(" · ", who, clockSpan(seconds), status, via); summary != "" {
			lines = append(lines, summary)
		}
		lines = append(lines, textLines(p.str("call_result"), 5)...)
		if link := line(p.str("link"), MaxLineRunes); link != "" {
			lines = append(lines, "Recording: "+link)
		}
		return kind, true, lines
	}
}

func smsNote(kind, direction string) noteRender {
	return func(p object, _ string) (string, bool, []string) {
		var lines []string
		if phone := line(p.str("phone"), maxNameRunes); phone != "" {
			lines = append(lines, direction+" "+phone)
		}
		return kind, true, append(lines, textLines(p.str("text"), MaxLines-1)...)
	}
}

func serviceNote(p object, _ string) (string, bool, []string) {
	kind := "Service message"
	if service := line(p.str("service"), maxNameRunes); service != "" {
		kind += " from " + service
	}
	return kind, false, textLines(p.str("text"), MaxLines)
}

func cashierNote(p object, _ string) (string, bool, []string) {
	var lines []string
	if status := line(p.str("status"), maxNameRunes); status != "" {
		lines = append(lines, "Status: "+status)
	}
	return "Message to cashier", false, append(lines, textLines(p.str("text"), MaxLines-1)...)
}

func geolocationNote(p object, _ string) (string, bool, []string) {
	lines := textLines(p.str("text"), 5)
	if address := line(p.str("address"), MaxLineRunes); address != "" {
		lines = append(lines, address)
	}
	lat, latOK := p.num("latitude")
	lon, lonOK := p.num("longitude")
	if latOK && lonOK {
		lines = append(lines, strconv.FormatFloat(lat, 'f', -1, 64)+", "+strconv.FormatFloat(lon, 'f', -1, 64))
	}
	return "Location", false, lines
}

func attachmentNote(p object, _ string) (string, bool, []string) {
	name := line(p.str("original_name"), MaxLineRunes)
	if name == "" {
		name = line(p.str("file_name"), MaxLineRunes)
	}
	if name == "" {
		return "Attachment", false, nil
	}
	return "Attachment", false, []string{name}
}

func mailNote(p object, _ string) (string, bool, []string) {
	kind := "E-mail sent"
	if income, _ := p.bool("income"); income {
		kind = "E-mail received"
	}
	var lines []string
	if from := mailbox(p, "from"); from != "" {
		lines = append(lines, "From: "+from)
	}
	if to := mailbox(p, "to"); to != "" {
		lines = append(lines, "To: "+to)
	}
	if subject := line(p.str("subject"), MaxLineRunes); subject != "" {
		lines = append(lines, "Subject: "+subject)
	}
	lines = append(lines, textLines(p.str("content_summary"), 5)...)
	return kind, true, lines
}

// mailbox reads "Jane Doe <jane@x>" from {name, email} or a plain string.
func mailbox(p object, key string) string {
	if s := p.str(key); s != "" {
		return line(s, MaxLineRunes)
	}
	box := p.obj(key)
	name, email := line(box.str("name"), maxNameRunes), line(box.str("email"), maxNameRunes)
	switch {
	case name != "" && email != "":
		return name + " <" + email + ">"
	case email != "":
		return email
	}
	return name
}

// otherNote shows a note of a type without its own layout: its text if it
// has one, then every other param compactly. The kind is the type's key
// in words ("Invoice paid"), or "Note" when the type is empty.
func otherNote(p object, typ string) (string, bool, []string) {
	kind := humanize(typ)
	if kind == "" {
		kind = "Note"
	}
	lines := textLines(p.str("text"), MaxLines-1)
	rest := map[string]any{}
	for k, v := range p {
		if k != "text" || len(lines) == 0 {
			rest[k] = v
		}
	}
	if len(rest) > 0 {
		lines = append(lines, compact(rest))
	}
	comm := strings.Contains(typ, "call") || strings.Contains(typ, "sms") || strings.Contains(typ, "mail") ||
		strings.Contains(typ, "message") || strings.Contains(typ, "chat")
	return kind, comm, lines
}
