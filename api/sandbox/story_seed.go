package sandbox

import (
	"fmt"
	"sort"
)

// storySeeder hands out note, event and task IDs in seeding order.
type storySeeder struct {
	st        *stories
	nextNote  int64
	nextTask  int64
	nextEvent int
}

// seedStories writes the feed of every seeded lead: the notable stories on
// LeadBasic, LeadStages, LeadHuge and LeadEscapes, nothing on LeadNoStory,
// and a short story consistent with its fields on every other lead.
func seedStories(d *dataset) *stories {
	st := &stories{notes: map[int64][]note{}, events: map[int64][]event{}, tasks: map[int64][]task{}}
	s := &storySeeder{st: st, nextNote: 90000001, nextTask: 91000001}
	notable := map[int64]func(*storySeeder, *lead){
		LeadBasic: seedBasicStory, LeadStages: seedStagesStory, LeadHuge: seedHugeStory, LeadEscapes: seedEscapeStory,
	}
	for _, id := range d.leadIDs {
		l := d.leads[id]
		switch write, ok := notable[id]; {
		case ok:
			write(s, l)
		case id != LeadNoStory:
			seedShortStory(s, l)
		}
	}
	for id := range st.events {
		evs := st.events[id]
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].CreatedAt < evs[j].CreatedAt })
		st.allEvents = append(st.allEvents, evs...)
	}
	sort.SliceStable(st.allEvents, func(i, j int) bool {
		a, b := st.allEvents[i], st.allEvents[j]
		return a.CreatedAt < b.CreatedAt || (a.CreatedAt == b.CreatedAt && a.ID < b.ID)
	})
	st.fields, st.groups = seedFieldDefs(d)
	return st
}

func (s *storySeeder) note(leadID, at, by int64, typ string, params map[string]any) int64 {
	id := s.nextNote
	s.nextNote++
	s.st.notes[leadID] = append(s.st.notes[leadID], note{
		ID: id, LeadID: leadID, CreatedBy: by, UpdatedBy: by, CreatedAt: at, UpdatedAt: at,
		ResponsibleUserID: by, NoteType: typ, Params: params,
	})
	return id
}

func (s *storySeeder) event(leadID, at, by int64, typ string, before, after []any) {
	s.nextEvent++
	s.st.events[leadID] = append(s.st.events[leadID], event{
		ID: fmt.Sprintf("01sb%022x", s.nextEvent), Type: typ, LeadID: leadID, CreatedBy: by, CreatedAt: at,
		ValueBefore: before, ValueAfter: after,
	})
}

func (s *storySeeder) task(t task) {
	t.ID = s.nextTask
	s.nextTask++
	if t.UpdatedAt == 0 {
		t.UpdatedAt = t.CreatedAt
	}
	if t.CreatedBy == 0 {
		t.CreatedBy = t.ResponsibleUserID
	}
	s.st.tasks[t.LeadID] = append(s.st.tasks[t.LeadID], t)
}

// Value shapes of events, as kommo-api.md records them.

func statusValue(pipelineID, statusID int64) []any {
	return []any{map[string]any{"lead_status": map[string]any{"id": statusID, "pipeline_id": pipelineID}}}
}

func responsibleValue(userID int64) []any {
	return []any{map[string]any{"responsible_user": map[string]any{"id": userID}}}
}

func tagsValue(names ...string) []any {
	out := make([]any, 0, len(names))
	for _, n := range names {
		out = append(out, map[string]any{"tag": map[string]any{"name": n}})
	}
	return out
}

func fieldChange(fieldID int64, fieldType int, enumID *int64, text string) []any {
	return []any{map[string]any{"custom_field_value": map[string]any{
		"field_id": fieldID, "field_type": fieldType, "enum_id": enumID, "text": text,
	}}}
}

func linkValue(verb, kind string, id int64) []any {
	return []any{map[string]any{verb: map[string]any{"entity": map[string]any{"type": kind, "id": id}}}}
}

func noteValue(id int64) []any { return []any{map[string]any{"note": map[string]any{"id": id}}} }

func messageValue(n int, origin string) []any {
	return []any{map[string]any{"message": map[string]any{"id": fmt.Sprintf("c0ffee00-0000-4000-8000-%012d", n), "origin": origin, "talk_id": 4000 + n}}}
}

// Note params by type, as kommo-api.md records them.

func callParams(phone string, seconds, status int, result, link string) map[string]any {
	p := map[string]any{"uniq": fmt.Sprintf("call-%s-%d", phone, seconds), "duration": seconds, "source": "Sandbox PBX",
		"link": link, "phone": phone, "call_status": status}
	if result != "" {
		p["call_result"] = result
	}
	return p
}

func mailParams(income bool, from, to, subject, summary string) map[string]any {
	return map[string]any{
		"income": income, "subject": subject, "content_summary": summary, "thread_id": 7001, "message_id": 7002,
		"private": false, "attach_cnt": 1, "version": 2, "access_granted": 1,
		"from": map[string]any{"email": from, "name": nameOfAddress(from)},
		"to":   map[string]any{"email": to, "name": nameOfAddress(to)},
	}
}

func nameOfAddress(addr string) string {
	switch addr {
	case BasicMailFrom:
		return LeadBasicContactName
	case "boris@sandbox.example":
		return UserSalesName
	}
	return ""
}

func seedBasicStory(s *storySeeder, l *lead) {
	c, id := l.CreatedAt, l.ID
	at := func(minutes int64) int64 { return c + minutes*60 }
	s.event(id, at(0), UserAdmin, "lead_added", nil, nil)
	s.event(id, at(5), UserAdmin, "entity_responsible_changed", responsibleValue(UserAdmin), responsibleValue(UserSales))
	s.event(id, at(10), UserAdmin, "contact_linked", nil, linkValue("link", "contact", LeadBasicContact))
	s.event(id, at(11), UserAdmin, "company_linked", nil, linkValue("link", "company", LeadBasicCompany))
	s.event(id, at(12), UserAdmin, "contact_linked", nil, linkValue("link", "contact", namedContactID(1)))
	s.event(id, at(13), UserAdmin, "contact_linked", nil, linkValue("link", "contact", namedContactID(9)))
	common := s.note(id, at(15), UserSales, "common", map[string]any{"text": BasicCommonNoteText})
	s.event(id, at(15), UserSales, "common_note_added", nil, noteValue(common))
	s.event(id, at(30), UserSales, "entity_tag_added", nil, tagsValue(LeadBasicTagColored, LeadBasicTagPlain))
	s.event(id, at(31), UserSales, "entity_tag_added", nil, tagsValue("cold"))
	s.event(id, at(40), UserSales, "entity_tag_deleted", tagsValue("cold"), nil)
	callIn := s.note(id, at(60), UserSales, "call_in", callParams(BasicCallPhone, BasicCallSeconds, 4, BasicCallResult, BasicCallLink))
	s.event(id, at(60), UserSales, "incoming_call", nil, noteValue(callIn))
	s.event(id, at(120), UserSales, "lead_status_changed", statusValue(PipelineSales, 7000011), statusValue(PipelineSales, 7000012))
	smsIn := s.note(id, at(150), 0, "sms_in", map[string]any{"text": "Can we move the call to 3 pm?", "phone": BasicCallPhone})
	s.event(id, at(150), 0, "incoming_sms", nil, noteValue(smsIn))
	smsOut := s.note(id, at(155), UserSales, "sms_out", map[string]any{"text": "Sure, 3 pm it is.", "phone": BasicCallPhone})
	s.event(id, at(155), UserSales, "outgoing_sms", nil, noteValue(smsOut))
	s.event(id, at(180), UserSales, fmt.Sprintf("custom_field_%d_value_changed", fieldPlan),
		fieldChange(fieldPlan, 4, ptr(enumPlanPro), "Pro"), fieldChange(fieldPlan, 4, ptr(int64(610001)), "Enterprise"))
	s.event(id, at(190), UserSales, "custom_field_value_changed", fieldChange(fieldSeats, 2, nil, "40"), fieldChange(fieldSeats, 2, nil, "42.5"))
	s.event(id, at(200), UserSales, "sale_field_changed",
		[]any{map[string]any{"sale_field_value": map[string]any{"sale": 10000}}},
		[]any{map[string]any{"sale_field_value": map[string]any{"sale": LeadBasicPrice}}})
	s.event(id, at(210), UserSales, "name_field_changed",
		[]any{map[string]any{"name_field_value": map[string]any{"name": "Acme website"}}},
		[]any{map[string]any{"name_field_value": map[string]any{"name": LeadBasicName}}})
	callOut := s.note(id, at(240), UserSales, "call_out", callParams(LeadBasicContactPhone, 0, 6, "", ""))
	s.event(id, at(240), UserSales, "outgoing_call", nil, noteValue(callOut))
	s.note(id, at(300), 0, "service_message", map[string]any{"service": "Sandbox bot", "text": "Lead scored 7 of 10"})
	s.note(id, at(305), 0, "extended_service_message", map[string]any{"service": "Sandbox forms", "text": "Form \"Get a quote\" submitted"})
	s.event(id, at(330), 0, "incoming_chat_message", nil, messageValue(1, "telegram"))
	s.event(id, at(332), UserSales, "outgoing_chat_message", nil, messageValue(2, "telegram"))
	s.note(id, at(360), UserSales, "message_cashier", map[string]any{"status": "created", "text": "Invoice #1001 for the deposit"})
	s.note(id, at(400), UserSales, "geolocation", map[string]any{"text": "Visited the client's office", "address": "1 Canada Square, London",
		"longitude": "-0.0195", "latitude": "51.5049"})
	s.event(id, at(420), UserSales, "lead_status_changed", statusValue(PipelineSales, 7000012), statusValue(PipelineSales, LeadBasicStatus))
	s.note(id, at(430), UserSales, "attachment", map[string]any{"original_name": BasicAttachmentName, "file_name": "f3a1c2d4.pdf",
		"file_uuid": "4b1d8f0e-5c2a-4e7b-9d3f-1a2b3c4d5e6f", "version_uuid": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", "is_drive_attachment": true})
	s.note(id, at(450), 0, "amomail_message", mailParams(true, BasicMailFrom, "boris@sandbox.example", BasicMailSubject,
		"Hi Boris, attached is our feedback on the proposal."))
	s.note(id, at(470), UserSales, "amomail_message", mailParams(false, "boris@sandbox.example", BasicMailFrom, "Re: "+BasicMailSubject,
		"Thanks Jane, the revised version follows."))
	s.event(id, at(500), UserSales, "task_added", nil, nil)
	s.event(id, at(520), UserSales, "task_completed", nil, nil)
	s.note(id, at(600), 0, "link_followed", map[string]any{"url": "https://acme.example/pricing", "text": "Opened the pricing page"})
	s.note(id, at(610), 0, "invoice_paid", map[string]any{"service": "Sandbox Pay", "text": "Invoice #1001 paid", "icon_url": "https://pay.sandbox.example/icon.png"})
	s.note(id, at(620), UserSales, UnknownNoteType, map[string]any{"dimensions": 3, "mode": "volumetric"})
	s.event(id, at(700), UserSales, "contact_unlinked", nil, linkValue("unlink", "contact", namedContactID(9)))
	s.event(id, at(800), UserSales, UnknownEventType, nil, []any{map[string]any{"hologram": map[string]any{"id": 5}}})

	s.task(task{LeadID: id, Text: BasicMeetingText, TaskTypeID: TaskTypeMeeting, ResponsibleUserID: UserSales,
		CreatedAt: at(500), CompleteTill: *l.ClosestTaskAt, Duration: 3600})
	s.task(task{LeadID: id, Text: "Call Jane about the contract", TaskTypeID: TaskTypeFollowUp, ResponsibleUserID: UserSales,
		CreatedAt: at(510), CompleteTill: seedEpoch + 5*86400})
	s.task(task{LeadID: id, Text: "Prepare the contract draft", TaskTypeID: TaskTypeCustom, ResponsibleUserID: UserAdmin,
		CreatedAt: at(515), CompleteTill: seedEpoch + 7*86400, Duration: 5400})
	s.task(task{LeadID: id, Text: "Send the revised proposal", TaskTypeID: TaskTypeFollowUp, ResponsibleUserID: UserSales,
		CreatedAt: at(100), UpdatedAt: at(520), CompleteTill: at(360), IsCompleted: true, Result: BasicDoneTaskResult})
	s.task(task{LeadID: id, Text: "Intro meeting", TaskTypeID: TaskTypeMeeting, ResponsibleUserID: UserSales,
		CreatedAt: at(20), UpdatedAt: at(200), CompleteTill: at(180), IsCompleted: true, Duration: 1800})
}

func seedStagesStory(s *storySeeder, l *lead) {
	id, visits := l.ID, LeadStagesHistory()
	s.event(id, l.CreatedAt, UserAdmin, "lead_added", nil, nil)
	s.event(id, l.CreatedAt+60, UserAdmin, "contact_linked", nil, linkValue("link", "contact", namedContactID(8)))
	for i := 1; i < len(visits); i++ {
		from, to := visits[i-1], visits[i]
		s.event(id, to.Entered, UserSales, "lead_status_changed", statusValue(from.PipelineID, from.StatusID), statusValue(to.PipelineID, to.StatusID))
	}
	s.event(id, visits[2].Entered+60, UserAdmin, "entity_responsible_changed", responsibleValue(UserSales), responsibleValue(l.ResponsibleUserID))
	s.note(id, l.CreatedAt+86400, UserSales, "common", map[string]any{"text": "Partner referral from Tyrell."})
	s.note(id, visits[1].Entered, UserSales, "call_out", callParams("+1 555 0142", 320, 4, "Interested, wants a pilot", ""))
	s.note(id, visits[3].Entered, UserSales, "common", map[string]any{"text": "Proposal sent, waiting for their legal review."})
	s.task(task{LeadID: id, Text: "Chase the legal review", TaskTypeID: TaskTypeFollowUp, ResponsibleUserID: l.ResponsibleUserID,
		CreatedAt: visits[3].Entered, CompleteTill: *l.ClosestTaskAt})
	s.task(task{LeadID: id, Text: "Pilot scoping meeting", TaskTypeID: TaskTypeMeeting, ResponsibleUserID: UserSales,
		CreatedAt: visits[1].Entered, UpdatedAt: visits[2].Entered, CompleteTill: visits[2].Entered - 86400, Duration: 3600,
		IsCompleted: true, Result: "Agreed to move to the sales pipeline"})
}

// stagesLead is LeadStages: created eight weeks before SeedEpoch, now in
// the last stage of LeadStagesHistory with its follow-up overdue.
func stagesLead() *lead {
	visits := LeadStagesHistory()
	last := visits[len(visits)-1]
	l := baseLead(LeadStages, "Office move for Initech (five stages)", 40)
	l.CreatedAt, l.UpdatedAt = stagesLeadCreated, last.Entered
	l.PipelineID, l.StatusID, l.ResponsibleUserID = last.PipelineID, last.StatusID, 8000003
	l.ClosestTaskAt = ptr(seedEpoch - 4*86400)
	l.Contacts = contactLinks([]int64{namedContactID(8)}, 0)
	l.Companies = []int64{LeadBasicCompany + 2}
	return l
}

var hugeNoteTypes = []string{"common", "call_in", "call_out", "sms_in", "common", "amomail_message", "service_message", "attachment", "common", "geolocation"}

func hugeNoteParams(typ string, i int) map[string]any {
	switch typ {
	case "call_in", "call_out":
		return callParams(fmt.Sprintf("+1 555 %04d", 3000+i), 30+i*7%900, 1+i%7, fmt.Sprintf("Call %d about region-%03d", i, i%HugeTags+1),
			fmt.Sprintf("https://calls.sandbox.example/rec/h%04d.mp3", i))
	case "sms_in":
		return map[string]any{"text": fmt.Sprintf("Delivery window for site %d?", i), "phone": fmt.Sprintf("+1 555 %04d", 3000+i)}
	case "amomail_message":
		return mailParams(i%2 == 0, fmt.Sprintf("site%d@rollout.example", i), "boris@sandbox.example",
			fmt.Sprintf("Site %d survey", i), fmt.Sprintf("Survey results for site %d attached.", i))
	case "service_message":
		return map[string]any{"service": "Rollout tracker", "text": fmt.Sprintf("Site %d marked ready", i)}
	case "attachment":
		return map[string]any{"original_name": fmt.Sprintf("site-%03d-floorplan.pdf", i), "file_name": fmt.Sprintf("h%04d.pdf", i)}
	case "geolocation":
		return map[string]any{"text": fmt.Sprintf("Visited site %d", i), "address": fmt.Sprintf("%d Rollout Road", i), "longitude": "-0.1", "latitude": "51.5"}
	}
	return map[string]any{"text": fmt.Sprintf("Site %d: walkthrough done.\nOpen items: %d.", i, i%5)}
}

// seedHugeStory gives LeadHuge HugeNotes notes, HugeEvents events (some
// sharing a second, so ordering ties happen) and HugeTasks tasks.
func seedHugeStory(s *storySeeder, l *lead) {
	id, c := l.ID, l.CreatedAt
	var calls []int64
	for i := 0; i < HugeNotes; i++ {
		typ := hugeNoteTypes[i%len(hugeNoteTypes)]
		n := s.note(id, c+900+int64(i)*2800, salesUserIDs[i%len(salesUserIDs)], typ, hugeNoteParams(typ, i))
		if typ == "call_in" {
			calls = append(calls, n)
		}
	}
	stages := openStages(PipelineSales)
	moves, at := 0, c
	for i := 0; i < HugeEvents; i++ {
		if i%7 != 6 {
			at = c + 600 + int64(i)*1400
		}
		by := salesUserIDs[i%len(salesUserIDs)]
		switch {
		case i == 0:
			s.event(id, at, UserAdmin, "lead_added", nil, nil)
		case i%28 == 14:
			s.event(id, at, by, "lead_status_changed", statusValue(PipelineSales, stages[moves%4]), statusValue(PipelineSales, stages[(moves+1)%4]))
			moves++
		default:
			hugeEvent(s, id, at, by, i, calls)
		}
	}
	for i := 0; i < HugeTasks; i++ {
		t := task{LeadID: id, Text: fmt.Sprintf("Site %d: confirm the install date", i), TaskTypeID: TaskTypeFollowUp + int64(i%2),
			ResponsibleUserID: salesUserIDs[i%len(salesUserIDs)], CreatedAt: c + int64(i)*3600, CompleteTill: *l.ClosestTaskAt + int64(i)*7200}
		if i%3 == 2 {
			t.IsCompleted, t.UpdatedAt = true, seedEpoch-int64(i)*600
			if i%2 == 0 {
				t.Result = fmt.Sprintf("Site %d confirmed", i)
			}
		}
		s.task(t)
	}
}

func hugeEvent(s *storySeeder, id, at, by int64, i int, calls []int64) {
	tag := fmt.Sprintf("region-%03d", i%HugeTags+1)
	switch i % 6 {
	case 0:
		s.event(id, at, by, "entity_tag_added", nil, tagsValue(tag))
	case 1:
		field := int64(620001 + (i/6)%HugeCustomFields)
		s.event(id, at, by, fmt.Sprintf("custom_field_%d_value_changed", field), nil, fieldChange(field, 1, nil, fmt.Sprintf("Answer %d", i)))
	case 2:
		s.event(id, at, by, "incoming_call", nil, noteValue(calls[(i/6)%len(calls)]))
	case 3:
		s.event(id, at, 0, "incoming_chat_message", nil, messageValue(100+i, "whatsapp"))
	case 4:
		next := salesUserIDs[(i/6+1)%len(salesUserIDs)]
		s.event(id, at, by, "entity_responsible_changed", responsibleValue(salesUserIDs[(i/6)%len(salesUserIDs)]), responsibleValue(next))
	default:
		s.event(id, at, by, "entity_tag_deleted", tagsValue(tag), nil)
	}
}

// seedEscapeStory puts terminal escapes and bidi overrides in every kind of story text.
func seedEscapeStory(s *storySeeder, l *lead) {
	id, c := l.ID, l.CreatedAt
	s.note(id, c+60, UserSales, "common", map[string]any{"text": "Line one\x1b[2J\x1b]52;c;aGk=\a\nline \x1b[31mtwo\x1b[0m\r\nthree\u202eevil"})
	s.note(id, c+120, UserSales, "call_in", callParams("\x1b[31m+1 555 6666\x1b[0m", 61, 4, "\x1b]0;pwned\aresult", "https://x.example/\x1b[2J"))
	s.note(id, c+180, 0, "amomail_message", mailParams(true, "mallory@evil.example", "boris@sandbox.example", "Invoice \u202egpj.exe", "\x9b31mC1 CSI"))
	s.note(id, c+240, UserSales, "\x1b[31mred_type", map[string]any{"text\x1b[2J": "\x1b]52;c;aGk=\a"})
	s.event(id, c+300, UserSales, "entity_tag_added", nil, tagsValue(EscapeTagName))
	s.event(id, c+360, UserSales, "name_field_changed", nil, []any{map[string]any{"name_field_value": map[string]any{"name": EscapeLeadName}}})
	s.event(id, c+420, UserSales, "\x1b]52;c;aGk=\aevil_type", nil, nil)
	s.task(task{LeadID: id, Text: "Call \x1b[2Jback\x1b]0;pwned\a", TaskTypeID: TaskTypeFollowUp, ResponsibleUserID: UserSales,
		CreatedAt: c + 480, CompleteTill: c + 3600, IsCompleted: true})
	s.task(task{LeadID: id, Text: "Done", TaskTypeID: TaskTypeMeeting, ResponsibleUserID: UserSales,
		CreatedAt: c + 480, CompleteTill: c + 600, IsCompleted: true, Result: "\x1b[31mred result\x1b[0m"})
}

// seedShortStory: created, maybe moved from the first stage to the current
// one, one note, and the open task closest_task_at promises.
func seedShortStory(s *storySeeder, l *lead) {
	s.event(l.ID, l.CreatedAt, l.CreatedBy, "lead_added", nil, nil)
	first := openStages(l.PipelineID)[0]
	if l.StatusID != first {
		moved := l.CreatedAt + (l.UpdatedAt-l.CreatedAt)/2
		if l.ClosedAt != nil && *l.ClosedAt > l.CreatedAt {
			moved = *l.ClosedAt
		}
		s.event(l.ID, moved, l.ResponsibleUserID, "lead_status_changed", statusValue(l.PipelineID, first), statusValue(l.PipelineID, l.StatusID))
	}
	s.note(l.ID, l.CreatedAt+1800, l.ResponsibleUserID, "common", map[string]any{"text": "First contact logged."})
	if l.ClosestTaskAt != nil {
		s.task(task{LeadID: l.ID, Text: "Follow up", TaskTypeID: TaskTypeFollowUp, ResponsibleUserID: l.ResponsibleUserID,
			CreatedAt: l.CreatedAt + 1800, CompleteTill: *l.ClosestTaskAt})
	}
}
