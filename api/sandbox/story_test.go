package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// pages follows _links.next from path and returns every item under key.
func pages(t *testing.T, s *Server, path, key string) (items []any, requests int) {
	t.Helper()
	for next := path; next != ""; requests++ {
		if requests > 50 {
			t.Fatalf("%s: paging does not end", path)
		}
		a := get(t, s, next)
		if a.status == http.StatusNoContent {
			if len(a.body) != 0 {
				t.Fatalf("204 with a body")
			}
			return items, requests + 1
		}
		page := a.want(t, 200, contentHAL).json(t)
		items = append(items, list(t, page, "_embedded", key)...)
		next = ""
		if n, ok := dig(t, page, "_links").(map[string]any)["next"]; ok {
			next = strings.TrimPrefix(dig(t, n, "href").(string), s.URL())
		}
	}
	return items, requests
}

func leadNotesPath(id int64, query string) string {
	return fmt.Sprintf("/api/v4/leads/%d/notes?%s", id, query)
}

func leadEventsPath(id int64, query string) string {
	return fmt.Sprintf("/api/v4/events?filter[entity]=lead&filter[entity_id][]=%d&%s", id, query)
}

func TestBasicLeadHasEveryNoteType(t *testing.T) {
	s := startTest(t, Options{})
	notes, _ := pages(t, s, leadNotesPath(LeadBasic, "limit=250&order[id]=desc"), "notes")
	seen := map[string]int{}
	var ids []int64
	for _, n := range notes {
		seen[dig(t, n, "note_type").(string)]++
		ids = append(ids, num(t, n, "id"))
		if num(t, n, "entity_id") != LeadBasic {
			t.Errorf("note of another lead: %v", n)
		}
		if _, ok := dig(t, n, "params").(map[string]any); !ok {
			t.Errorf("params not an object: %v", n)
		}
	}
	for _, typ := range append(NoteTypes(), UnknownNoteType) {
		if seen[typ] == 0 {
			t.Errorf("no %s note", typ)
		}
	}
	if seen["amomail_message"] != 2 {
		t.Errorf("%d mails, want one received and one sent", seen["amomail_message"])
	}
	if !slices.IsSortedFunc(ids, func(a, b int64) int { return int(b - a) }) {
		t.Errorf("order[id]=desc gave %v", ids)
	}
	asc, _ := pages(t, s, leadNotesPath(LeadBasic, "order[updated_at]=asc&limit=3"), "notes")
	for i := 1; i < len(asc); i++ {
		if num(t, asc[i], "updated_at") < num(t, asc[i-1], "updated_at") {
			t.Fatalf("order[updated_at]=asc out of order at %d", i)
		}
	}
	if len(asc) != len(notes) {
		t.Errorf("pages of 3 gave %d notes, one page of 250 gave %d", len(asc), len(notes))
	}
	calls, _ := pages(t, s, leadNotesPath(LeadBasic, "filter[note_type][]=call_in&filter[note_type][]=call_out"), "notes")
	if len(calls) != 2 {
		t.Errorf("%d calls", len(calls))
	}
	call := calls[0]
	if dig(t, call, "note_type") == "call_out" {
		call = calls[1]
	}
	if dig(t, call, "params", "phone") != BasicCallPhone || num(t, call, "params", "duration") != BasicCallSeconds ||
		dig(t, call, "params", "link") != BasicCallLink || dig(t, call, "params", "call_result") != BasicCallResult {
		t.Errorf("call_in params %v", dig(t, call, "params"))
	}
}

func TestBasicLeadHasEveryEventTypeNewestFirst(t *testing.T) {
	s := startTest(t, Options{})
	events, _ := pages(t, s, leadEventsPath(LeadBasic, "limit=100"), "events")
	seen := map[string]bool{}
	var times []int64
	for _, e := range events {
		seen[dig(t, e, "type").(string)] = true
		times = append(times, num(t, e, "created_at"))
		if _, ok := dig(t, e, "id").(string); !ok || dig(t, e, "entity_type") != "lead" {
			t.Errorf("event %v", e)
		}
		list(t, e, "value_before")
		list(t, e, "value_after")
	}
	for _, typ := range append(EventTypes(), UnknownEventType) {
		if !seen[typ] {
			t.Errorf("no %s event", typ)
		}
	}
	if !slices.IsSortedFunc(times, func(a, b int64) int { return int(b - a) }) {
		t.Errorf("events not newest first: %v", times)
	}
	old := startTest(t, Options{EventsOldestFirst: true})
	events, _ = pages(t, old, leadEventsPath(LeadBasic, ""), "events")
	if first, last := num(t, events[0], "created_at"), num(t, events[len(events)-1], "created_at"); first > last {
		t.Errorf("EventsOldestFirst starts at %d and ends at %d", first, last)
	}
}

func TestStoryEndpointsRefuseWhatKommoRefuses(t *testing.T) {
	s := startTest(t, Options{})
	get(t, s, leadNotesPath(LeadBasic, "limit=251")).problem(t, http.StatusUnprocessableEntity)
	get(t, s, leadNotesPath(LeadBasic, "order[created_at]=desc")).problem(t, http.StatusBadRequest)
	get(t, s, leadEventsPath(LeadBasic, "limit=101")).problem(t, http.StatusUnprocessableEntity)
	get(t, s, "/api/v4/events?filter[entity_id][]=1").problem(t, http.StatusBadRequest)
	get(t, s, "/api/v4/events?filter[entity]=unicorn").problem(t, http.StatusBadRequest)
	get(t, s, "/api/v4/events?filter[entity]=lead&filter[entity_id]=1,2,3,4,5,6,7,8,9,10,11").problem(t, http.StatusBadRequest)
	get(t, s, "/api/v4/tasks?filter[entity_id][]=abc").problem(t, http.StatusBadRequest)
	get(t, s, "/api/v4/tasks?limit=251").problem(t, http.StatusUnprocessableEntity)
	get(t, s, "/api/v4/leads/abc/notes").problem(t, http.StatusNotFound)
	get(t, s, "/api/v4/customers/custom_fields").problem(t, http.StatusNotFound)
	if n := s.Requests(EndpointNotes) + s.Requests(EndpointEvents) + s.Requests(EndpointTasks) + s.Requests(EndpointCustomFields); n != 9 {
		t.Errorf("story endpoints counted %d requests, want 9", n)
	}
}

func TestLeadWithNoStoryAnswers204Everywhere(t *testing.T) {
	s := startTest(t, Options{})
	for _, path := range []string{
		leadNotesPath(LeadNoStory, ""), leadEventsPath(LeadNoStory, ""),
		fmt.Sprintf("/api/v4/tasks?filter[entity_type]=leads&filter[entity_id][]=%d", LeadNoStory),
		leadNotesPath(LeadMissing, ""), leadEventsPath(LeadBasic, "page=99"),
		"/api/v4/events?filter[entity]=contact&filter[entity_id][]=1",
	} {
		if a := get(t, s, path); a.status != http.StatusNoContent || len(a.body) != 0 {
			t.Errorf("%s: %d %q", path, a.status, a.body)
		}
	}
}

func TestHugeLeadStoryPages(t *testing.T) {
	s := startTest(t, Options{})
	notes, requests := pages(t, s, leadNotesPath(LeadHuge, "limit=250"), "notes")
	if len(notes) != HugeNotes || requests != 2 {
		t.Errorf("%d notes in %d requests", len(notes), requests)
	}
	events, requests := pages(t, s, leadEventsPath(LeadHuge, "limit=100"), "events")
	if len(events) != HugeEvents || requests != 6 {
		t.Errorf("%d events in %d requests", len(events), requests)
	}
	ties := 0
	for i := 1; i < len(events); i++ {
		if num(t, events[i], "created_at") == num(t, events[i-1], "created_at") {
			ties++
		}
	}
	if ties == 0 {
		t.Error("no two events share a second: ordering ties go untested")
	}
	tasks, _ := pages(t, s, fmt.Sprintf("/api/v4/tasks?filter[entity_type]=leads&filter[entity_id][]=%d&limit=250", LeadHuge), "tasks")
	if len(tasks) != HugeTasks {
		t.Errorf("%d tasks", len(tasks))
	}
}

func TestTasksShapesAndFilters(t *testing.T) {
	s := startTest(t, Options{})
	path := fmt.Sprintf("/api/v4/tasks?filter[entity_type]=leads&filter[entity_id][]=%d&order[complete_till]=asc", LeadBasic)
	tasks, _ := pages(t, s, path, "tasks")
	open, done := 0, 0
	var due []int64
	for _, task := range tasks {
		due = append(due, num(t, task, "complete_till"))
		if dig(t, task, "is_completed").(bool) {
			done++
		} else {
			open++
		}
		switch r := dig(t, task, "result").(type) {
		case []any:
			if len(r) != 0 {
				t.Errorf("result list %v", r)
			}
		case map[string]any:
			if r["text"] == "" {
				t.Errorf("result object without text")
			}
		default:
			t.Errorf("result %T", r)
		}
	}
	if open != BasicOpenTasks || done != BasicDoneTasks || !slices.IsSorted(due) {
		t.Errorf("open %d done %d, due %v", open, done, due)
	}
	openOnly, _ := pages(t, s, path+"&filter[is_completed]=0", "tasks")
	if len(openOnly) != BasicOpenTasks {
		t.Errorf("filter[is_completed]=0 gave %d", len(openOnly))
	}
}

// Every lead's story agrees with the lead: its last stage change ends in
// its current stage, and closest_task_at is its soonest open task.
func TestStoriesAgreeWithTheirLeads(t *testing.T) {
	d := seedAt(anchorOf(time.Now()))
	for _, id := range d.leadIDs {
		l := d.leads[id]
		var last event
		for _, e := range d.stories.events[id] {
			if e.Type == "lead_status_changed" {
				last = e
			}
			if e.CreatedAt < l.CreatedAt {
				t.Errorf("lead %d: event %s before the lead was created", id, e.Type)
			}
		}
		if last.Type != "" {
			st := last.ValueAfter[0].(map[string]any)["lead_status"].(map[string]any)
			if st["id"] != l.StatusID || st["pipeline_id"] != l.PipelineID {
				t.Errorf("lead %d: last move to %v, lead is in %d/%d", id, st, l.PipelineID, l.StatusID)
			}
		}
		var soonest *int64
		for _, task := range d.stories.tasks[id] {
			if !task.IsCompleted && (soonest == nil || task.CompleteTill < *soonest) {
				soonest = ptr(task.CompleteTill)
			}
		}
		if (soonest == nil) != (l.ClosestTaskAt == nil) || (soonest != nil && *soonest != *l.ClosestTaskAt) {
			t.Errorf("lead %d: soonest open task %v, closest_task_at %v", id, soonest, l.ClosestTaskAt)
		}
	}
}

func TestStagesLeadMovesThroughFiveStages(t *testing.T) {
	s := startTest(t, Options{})
	events, _ := pages(t, s, leadEventsPath(LeadStages, "filter[type][]=lead_status_changed"), "events")
	visits := LeadStagesHistory()
	if len(events) != len(visits)-1 || len(visits) != 5 {
		t.Fatalf("%d stage changes for %d visits", len(events), len(visits))
	}
	slices.Reverse(events) // newest first on the wire
	pipelines := map[int64]bool{}
	for i, e := range events {
		from, to := visits[i], visits[i+1]
		if num(t, e, "value_before", 0, "lead_status", "id") != from.StatusID || num(t, e, "value_after", 0, "lead_status", "id") != to.StatusID ||
			num(t, e, "value_after", 0, "lead_status", "pipeline_id") != to.PipelineID || num(t, e, "created_at") != to.Entered {
			t.Errorf("change %d: %v", i, e)
		}
		pipelines[to.PipelineID] = true
	}
	if len(pipelines) != 2 {
		t.Error("the path never changes pipeline")
	}
	if span := visits[4].Entered - visits[0].Entered; span < 21*86400 {
		t.Errorf("the stages span %d days, want weeks", span/86400)
	}
}

func TestFieldDefinitionsCoverTheSeededFields(t *testing.T) {
	s := startTest(t, Options{})
	defs, requests := pages(t, s, "/api/v4/leads/custom_fields?limit=250", "custom_fields")
	if requests < 2 {
		t.Errorf("%d field definitions fit in %d page: paging goes untested", len(defs), requests)
	}
	first := get(t, s, "/api/v4/leads/custom_fields").want(t, 200, contentHAL).json(t)
	if num(t, first, "_total_items") != int64(len(defs)) {
		t.Errorf("_total_items %d, paged %d", num(t, first, "_total_items"), len(defs))
	}
	groups, _ := pages(t, s, "/api/v4/leads/custom_fields/groups", "custom_field_groups")
	groupIDs := map[string]bool{}
	for _, g := range groups {
		groupIDs[dig(t, g, "id").(string)] = true
	}
	byID := map[int64]map[string]any{}
	for _, f := range defs {
		m := f.(map[string]any)
		byID[num(t, m, "id")] = m
		if g, ok := m["group_id"].(string); ok && !groupIDs[g] {
			t.Errorf("field %v in unknown group %q", m["name"], g)
		}
	}
	d := seedAt(anchorOf(time.Now()))
	for _, id := range d.leadIDs {
		for _, f := range d.leads[id].CustomFields {
			def, ok := byID[f.FieldID]
			if !ok || def["name"] != f.FieldName || def["type"] != f.FieldType {
				t.Fatalf("lead %d field %d %q has definition %v", id, f.FieldID, f.FieldName, def)
			}
		}
		for _, e := range d.stories.events[id] {
			if strings.HasPrefix(e.Type, "custom_field_") {
				fid := e.ValueAfter[0].(map[string]any)["custom_field_value"].(map[string]any)["field_id"].(int64)
				if byID[fid] == nil {
					t.Errorf("event %s names undefined field %d", e.Type, fid)
				}
			}
		}
	}
	plan := byID[fieldPlan]
	if len(list(t, plan, "enums")) < 3 || plan["enums"] == nil {
		t.Errorf("Plan options %v", plan["enums"])
	}
	if byID[fieldProjectCode]["enums"] != nil {
		t.Errorf("a text field has options %v", byID[fieldProjectCode]["enums"])
	}
	for _, entity := range []string{"contacts", "companies"} {
		if fields, _ := pages(t, s, "/api/v4/"+entity+"/custom_fields", "custom_fields"); len(fields) == 0 {
			t.Errorf("no %s field definitions", entity)
		}
	}
}
