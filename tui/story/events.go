package story

import (
	"strconv"
	"strings"

	"github.com/leadscope/leadscope/api"
)

// eventValues is an event's value_before and value_after as lists.
type eventValues struct {
	before, after []any
}

// first is the key member of the first element of side that has one.
func first(side []any, key string) object {
	for _, item := range side {
		if o := asObject(item).obj(key); o != nil {
			return o
		}
	}
	return nil
}

// all is the key member of every element of side that has one.
func all(side []any, key string) []object {
	var out []object
	for _, item := range side {
		if o := asObject(item).obj(key); o != nil {
			out = append(out, o)
		}
	}
	return out
}

// Event turns one event into an entry; an event of any type and any value
// shape gives an entry, never an error. An unknown type shows its key.
func (f *Formatter) Event(ev api.Event) Entry {
	e := Entry{
		AuthorID: ev.CreatedBy, Author: f.user(ev.CreatedBy), Source: SourceEvent,
		Type: line(ev.Type, maxNameRunes), EventID: line(ev.ID, maxNameRunes),
	}
	f.entryAt(&e, ev.CreatedAt)
	v := eventValues{before: asList(parseValue(ev.ValueBefore)), after: asList(parseValue(ev.ValueAfter))}
	if n := first(v.after, "note"); n != nil {
		e.NoteRef, _ = n.int("id")
	} else if n := first(v.before, "note"); n != nil {
		e.NoteRef, _ = n.int("id")
	}
	switch render, ok := f.eventRender(ev.Type); {
	case ok:
		render(v, &e)
	default:
		f.unknownEvent(v, &e)
	}
	e.Kind = line(e.Kind, MaxLineRunes)
	for i := range e.Lines {
		e.Lines[i] = clip(e.Lines[i], MaxLineRunes)
	}
	if len(e.Lines) > MaxLines {
		e.Lines = e.Lines[:MaxLines]
	}
	return e
}

type eventRender func(v eventValues, e *Entry)

// simpleEvents need no more than their name in words.
var simpleEvents = map[string]string{
	"lead_added": "Lead created", "lead_deleted": "Lead deleted", "lead_restored": "Lead restored",
	"task_added": "Task added", "task_completed": "Task completed", "task_deleted": "Task deleted",
	"task_deadline_changed": "Task deadline changed", "task_type_changed": "Task type changed",
	"task_text_changed": "Task text changed", "task_result_added": "Task result added",
	"common_note_added": "Note added", "common_note_deleted": "Note deleted",
	"attachment_note_added": "Attachment added", "geo_note_added": "Location added",
	"service_note_added": "Service message added", "site_visit_note_added": "Site visited",
	"message_to_cashier_note_added": "Message to cashier added", "targeting_in_note_added": "Targeting note added",
	"targeting_out_note_added": "Targeting note added", "robot_replied": "Robot replied",
	"intent_identified": "Intent identified", "nps_rate_added": "NPS rating added", "link_followed": "Link followed",
	"transaction_added": "Transaction added", "key_action_completed": "Key action completed",
	"entity_merged": "Merged with another lead", "talk_created": "Conversation started", "talk_closed": "Conversation closed",
}

// commEvents are calls and messages, one line each (the note, when there
// is one, holds the details).
var commEvents = map[string]string{
	"incoming_call": "Incoming call", "outgoing_call": "Outgoing call",
	"incoming_chat_message": "Chat message received", "outgoing_chat_message": "Chat message sent",
	"incoming_sms": "SMS received", "outgoing_sms": "SMS sent", "entity_direct_message": "Direct message",
}

func (f *Formatter) eventRender(typ string) (eventRender, bool) {
	switch typ {
	case "lead_status_changed":
		return f.stageEvent, true
	case "entity_responsible_changed":
		return f.responsibleEvent, true
	case "entity_tag_added":
		return tagEvent("Tags added", true), true
	case "entity_tag_deleted":
		return tagEvent("Tags removed", false), true
	case "sale_field_changed":
		return valueEvent("Budget changed", "sale_field_value", "sale", true), true
	case "name_field_changed":
		return valueEvent("Name changed", "name_field_value", "name", false), true
	case "ltv_field_changed":
		return valueEvent("Lifetime value changed", "ltv_field_value", "ltv", true), true
	}
	if fieldID, ok := fieldEventID(typ); ok {
		return func(v eventValues, e *Entry) { f.fieldEvent(fieldID, v, e) }, true
	}
	if subject, verb, ok := linkEventKind(typ); ok {
		return func(v eventValues, e *Entry) { f.linkEvent(subject, verb, v, e) }, true
	}
	if kind, ok := commEvents[typ]; ok {
		return func(v eventValues, e *Entry) { commEvent(kind, v, e) }, true
	}
	if kind, ok := simpleEvents[typ]; ok {
		return func(_ eventValues, e *Entry) { e.Kind = kind }, true
	}
	if strings.Contains(typ, "mail") {
		// Mail events have no documented shape; say what they are in one line.
		return func(_ eventValues, e *Entry) { e.Kind, e.Comm = humanize(e.Type), true }, true
	}
	return nil, false
}

func (f *Formatter) stageEvent(v eventValues, e *Entry) {
	e.Kind = "Stage changed"
	to := first(v.after, "lead_status")
	toID, ok := to.int("id")
	if !ok {
		return
	}
	toPipeline, _ := to.int("pipeline_id")
	move := &StageMove{To: f.stage(toPipeline, toID)}
	from := first(v.before, "lead_status")
	if fromID, ok := from.int("id"); ok {
		fromPipeline, _ := from.int("pipeline_id")
		move.From, move.FromKnown = f.stage(fromPipeline, fromID), true
		move.PipelineChanged = fromPipeline != toPipeline
	}
	e.Move = move
	switch {
	case !move.FromKnown:
		e.Lines = []string{"→ " + move.To.withPipeline()}
	case move.PipelineChanged:
		e.Lines = []string{move.From.withPipeline() + " → " + move.To.withPipeline()}
	default:
		e.Lines = []string{move.From.Name + " → " + move.To.Name}
	}
}

func (f *Formatter) responsibleEvent(v eventValues, e *Entry) {
	e.Kind = "Responsible changed"
	side := func(list []any) string {
		if id, ok := first(list, "responsible_user").int("id"); ok {
			return f.user(id)
		}
		return ""
	}
	if change := arrow(side(v.before), side(v.after)); change != "" {
		e.Lines = []string{change}
	}
}

// arrow writes "old → new", "→ new" or "old → (cleared)".
func arrow(before, after string) string {
	switch {
	case before == "" && after == "":
		return ""
	case before == "":
		return "→ " + after
	case after == "":
		return before + " → (cleared)"
	}
	return before + " → " + after
}

func tagEvent(kind string, added bool) eventRender {
	return func(v eventValues, e *Entry) {
		e.Kind = kind
		side, other := v.after, v.before
		if !added {
			side, other = other, side
		}
		tags := all(side, "tag")
		if len(tags) == 0 {
			tags = all(other, "tag")
		}
		var names []string
		for _, t := range tags {
			if len(names) == maxTagList {
				names = append(names, "+"+strconv.Itoa(len(tags)-maxTagList)+" more")
				break
			}
			if name := line(t.str("name"), maxNameRunes); name != "" {
				names = append(names, name)
			}
		}
		if len(names) > 0 {
			e.Lines = []string{strings.Join(names, ", ")}
		}
	}
}

// valueEvent reads {wrapper: {key: value}} on both sides, e.g. the budget.
func valueEvent(kind, wrapper, key string, amount bool) eventRender {
	return func(v eventValues, e *Entry) {
		e.Kind = kind
		side := func(list []any) string {
			s := line(first(list, wrapper).str(key), MaxLineRunes)
			if amount {
				s = groupDigits(s)
			}
			return s
		}
		if change := arrow(side(v.before), side(v.after)); change != "" {
			e.Lines = []string{change}
		}
	}
}

// fieldEventID reads custom_field_value_changed (field ID in the value,
// reported as 0 here) and custom_field_{ID}_value_changed.
func fieldEventID(typ string) (int64, bool) {
	if typ == "custom_field_value_changed" {
		return 0, true
	}
	middle, ok := strings.CutPrefix(typ, "custom_field_")
	if !ok {
		return 0, false
	}
	digits, ok := strings.CutSuffix(middle, "_value_changed")
	id, err := strconv.ParseInt(digits, 10, 64)
	if !ok || err != nil || id <= 0 {
		return 0, false
	}
	return id, true
}

func (f *Formatter) fieldEvent(fieldID int64, v eventValues, e *Entry) {
	e.Kind = "Field changed"
	before, after := all(v.before, "custom_field_value"), all(v.after, "custom_field_value")
	for _, side := range [][]object{after, before} {
		if id, ok := firstFieldID(side); ok && fieldID == 0 {
			fieldID = id
		}
	}
	name := "field #" + strconv.FormatInt(fieldID, 10)
	if n, ok := f.names.FieldName(fieldID); ok && line(n, maxNameRunes) != "" {
		name = line(n, maxNameRunes)
	}
	change := arrow(fieldText(before), fieldText(after))
	if change == "" {
		e.Lines = []string{name}
		return
	}
	if strings.HasPrefix(change, "→ ") {
		change = strings.TrimPrefix(change, "→ ")
	}
	e.Lines = []string{name + ": " + change}
}

func firstFieldID(side []object) (int64, bool) {
	for _, o := range side {
		if id, ok := o.int("field_id"); ok && id > 0 {
			return id, true
		}
	}
	return 0, false
}

// fieldText joins a side's values (a multiselect has several); an option
// without its text shows as "option #ID".
func fieldText(side []object) string {
	var parts []string
	for _, o := range side {
		text := line(o.str("text"), MaxLineRunes)
		if text == "" {
			if id, ok := o.int("enum_id"); ok {
				text = "option #" + strconv.FormatInt(id, 10)
			}
		}
		if text != "" {
			parts = append(parts, text)
		}
	}
	return strings.Join(parts, ", ")
}

// linkEventKind reads contact_linked, company_unlinked, entity_linked... as
// a subject ("contact", "company", "entity") and "linked" or "unlinked".
func linkEventKind(typ string) (subject, verb string, ok bool) {
	for _, verb := range []string{"unlinked", "linked"} {
		if subject, ok := strings.CutSuffix(typ, "_"+verb); ok && subject != "" {
			return subject, verb, true
		}
	}
	return "", "", false
}

func (f *Formatter) linkEvent(subject, verb string, v eventValues, e *Entry) {
	var refs []object
	for _, side := range [][]any{v.after, v.before} {
		for _, key := range []string{"link", "unlink"} {
			for _, o := range all(side, key) {
				if ent := o.obj("entity"); ent != nil {
					refs = append(refs, ent)
				}
			}
		}
		if len(refs) > 0 {
			break
		}
	}
	if subject == "entity" && len(refs) > 0 {
		if t := line(refs[0].str("type"), maxNameRunes); t != "" {
			subject = t
		}
	}
	e.Kind = humanize(subject) + " " + verb
	var names []string
	for _, ref := range refs {
		if len(names) == maxTagList {
			break
		}
		kind := line(ref.str("type"), maxNameRunes)
		if kind == "" {
			kind = subject
		}
		id, _ := ref.int("id")
		name, ok := f.names.EntityName(kind, id)
		if clean := line(name, maxNameRunes); ok && clean != "" {
			names = append(names, clean)
		} else {
			names = append(names, kind+" #"+strconv.FormatInt(id, 10))
		}
	}
	if len(names) > 0 {
		e.Lines = []string{strings.Join(names, ", ")}
	}
}

func commEvent(kind string, v eventValues, e *Entry) {
	e.Kind, e.Comm = kind, true
	if origin := line(first(v.after, "message").str("origin"), maxNameRunes); origin != "" {
		e.Lines = []string{"via " + origin}
	}
}

// unknownEvent shows the type's key and whatever the values hold, compactly.
func (f *Formatter) unknownEvent(v eventValues, e *Entry) {
	e.Kind = e.Type
	if e.Kind == "" {
		e.Kind = "Event"
	}
	if len(v.before) > 0 {
		e.Lines = append(e.Lines, "before: "+compact(v.before))
	}
	if len(v.after) > 0 {
		e.Lines = append(e.Lines, compact(v.after))
	}
}

// eventFieldIDs lists the fields a field-change event names, in its type
// key or in its values.
func eventFieldIDs(ev api.Event) []int64 {
	var ids []int64
	if id, _ := fieldEventID(ev.Type); id > 0 {
		ids = append(ids, id)
	}
	for _, raw := range [][]byte{ev.ValueBefore, ev.ValueAfter} {
		for _, o := range all(asList(parseValue(raw)), "custom_field_value") {
			if id, ok := o.int("field_id"); ok && id > 0 {
				ids = append(ids, id)
			}
		}
	}
	return ids
}
