package api_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api"
)

func TestLeadNotesAsksOnePageNewestFirstAndKeepsRawObjects(t *testing.T) {
	const odd = `{"id":"7","entity_id":5,"created_by":"8000001","created_at":1714521600.9,"note_type":4,"params":null,"group_id":null}`
	const common = `{"id":6,"entity_id":5,"created_by":0,"created_at":1714520000,"updated_at":1714520001,"note_type":"common","params":{"text":"Hi\nthere"}}`
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		next := fmt.Sprintf(`"next":{"href":"http://%s%s?page=3"}`, r.Host, r.URL.Path)
		writeJSON(w, 200, hal, `{"_page":2,"_links":{"self":{"href":"x"},`+next+`},"_embedded":{"notes":[`+odd+`, "stray", null, `+common+`]}}`)
	})
	page, err := newClient(t, srv.URL).LeadNotes(context.Background(), 5, 2)
	if err != nil {
		t.Fatal(err)
	}
	req := srv.requests()[0]
	q := req.URL.Query()
	if req.URL.Path != "/api/v4/leads/5/notes" || q.Get("limit") != "250" || q.Get("page") != "2" || q.Get("order[id]") != "desc" {
		t.Errorf("asked %s", req.URL)
	}
	if !page.HasNext || page.Page != 2 || len(page.Notes) != 2 {
		t.Fatalf("page %+v", page)
	}
	n := page.Notes[0]
	if n.ID != 7 || n.CreatedBy != 8000001 || n.CreatedAt != 1714521600 || n.NoteType != "4" || string(n.Params) != "null" || string(n.Raw) != odd {
		t.Errorf("odd note %+v raw %s", n, n.Raw)
	}
	if c := page.Notes[1]; c.NoteType != "common" || string(c.Params) != `{"text":"Hi\nthere"}` || string(c.Raw) != common {
		t.Errorf("common note %+v", c)
	}
}

func TestStoryPagesEmptyAndLastPages(t *testing.T) {
	empty := serve(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	c := newClient(t, empty.URL)
	ctx := context.Background()
	notes, err := c.LeadNotes(ctx, 5, 1)
	if err != nil || notes.HasNext || len(notes.Notes) != 0 {
		t.Errorf("notes on 204: %+v %v", notes, err)
	}
	events, err := c.LeadEvents(ctx, 5, 1)
	if err != nil || events.HasNext || len(events.Events) != 0 {
		t.Errorf("events on 204: %+v %v", events, err)
	}
	tasks, err := c.LeadTasks(ctx, 5)
	if err != nil || tasks.Truncated || len(tasks.Tasks) != 0 {
		t.Errorf("tasks on 204: %+v %v", tasks, err)
	}
	defs, err := c.LoadFieldDefs(ctx, api.EntityLeads)
	if err != nil || len(defs.Fields) != 0 || defs.GroupsErr != nil {
		t.Errorf("field defs on 204: %+v %v", defs, err)
	}

	// A page that announces a next page but holds nothing is the last one.
	hollow := serve(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, hal, `{"_links":{"next":{"href":"/api/v4/events?page=2"}},"_embedded":{"events":[]}}`)
	})
	page, err := newClient(t, hollow.URL).LeadEvents(ctx, 5, 1)
	if err != nil || page.HasNext {
		t.Errorf("hollow page: %+v %v", page, err)
	}
}

func TestStoryRefusesImpossibleRequestsWithoutSendingThem(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	c := newClient(t, srv.URL)
	ctx := context.Background()
	for name, call := range map[string]func() error{
		"notes of lead 0":     func() error { _, err := c.LeadNotes(ctx, 0, 1); return err },
		"notes page 0":        func() error { _, err := c.LeadNotes(ctx, 5, 0); return err },
		"notes past the cap":  func() error { _, err := c.LeadNotes(ctx, 5, api.MaxNotePages+1); return err },
		"events of lead -1":   func() error { _, err := c.LeadEvents(ctx, -1, 1); return err },
		"events past the cap": func() error { _, err := c.LeadEvents(ctx, 5, api.MaxEventPages+1); return err },
		"tasks of lead 0":     func() error { _, err := c.LeadTasks(ctx, 0); return err },
		"fields of deals":     func() error { _, err := c.CustomFieldDefs(ctx, "deals"); return err },
		"groups of ../x":      func() error { _, err := c.CustomFieldGroups(ctx, "../x"); return err },
	} {
		err := call()
		mustKind(t, err, api.ErrBadRequest)
		if strings.ContainsAny(err.Error(), "\n\r") {
			t.Errorf("%s: message spans lines: %q", name, err)
		}
	}
	if _, err := c.LeadNotes(ctx, 0, 1); !errors.Is(err, api.ErrBadID) {
		t.Errorf("lead 0 does not match ErrBadID: %v", err)
	}
	if srv.count() != 0 {
		t.Errorf("%d requests sent", srv.count())
	}
}

func TestLastAllowedPageHasNoNext(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, hal, `{"_links":{"next":{"href":"/more"}},"_embedded":{"notes":[{"id":1}],"events":[{"id":"a"}]}}`)
	})
	c := newClient(t, srv.URL)
	notes, err := c.LeadNotes(context.Background(), 5, api.MaxNotePages)
	if err != nil || notes.HasNext {
		t.Errorf("notes at the cap: %+v %v", notes, err)
	}
	events, err := c.LeadEvents(context.Background(), 5, api.MaxEventPages)
	if err != nil || events.HasNext {
		t.Errorf("events at the cap: %+v %v", events, err)
	}
}

func TestLeadEventsFiltersByLeadAndToleratesOddIDs(t *testing.T) {
	const status = `{"id":"01hx","type":"lead_status_changed","entity_id":5,"entity_type":"lead","created_by":8000001,"created_at":1714521600,` +
		`"value_before":[{"lead_status":{"id":7000011,"pipeline_id":7000001}}],"value_after":[{"lead_status":{"id":7000012,"pipeline_id":7000001}}]}`
	const numeric = `{"id":123456789012,"type":"lead_added","entity_id":"5","created_at":"1714521000","value_after":{"0":{"lead":{"id":5}}},"value_before":null}`
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, hal, `{"_page":1,"_embedded":{"events":[`+status+`,`+numeric+`,{"id":{"nested":true},"type":["x"]}]}}`)
	})
	page, err := newClient(t, srv.URL).LeadEvents(context.Background(), 5, 1)
	if err != nil {
		t.Fatal(err)
	}
	q := srv.requests()[0].URL.Query()
	if srv.requests()[0].URL.Path != "/api/v4/events" || q.Get("filter[entity]") != "lead" || q.Get("filter[entity_id][]") != "5" ||
		q.Get("limit") != "100" || q.Get("page") != "1" {
		t.Errorf("asked %s", srv.requests()[0].URL)
	}
	if page.HasNext || len(page.Events) != 3 {
		t.Fatalf("page %+v", page)
	}
	e := page.Events[0]
	if e.ID != "01hx" || e.Type != "lead_status_changed" || e.EntityType != "lead" || e.CreatedBy != 8000001 ||
		!strings.Contains(string(e.ValueBefore), "7000011") || !strings.Contains(string(e.ValueAfter), "7000012") || string(e.Raw) != status {
		t.Errorf("status event %+v", e)
	}
	if n := page.Events[1]; n.ID != "123456789012" || n.EntityID != 5 || n.CreatedAt != 1714521000 || string(n.ValueBefore) != "null" {
		t.Errorf("numeric event %+v", n)
	}
	if odd := page.Events[2]; odd.ID != "" || odd.Type != "" {
		t.Errorf("odd event %+v", odd)
	}
}

func TestLeadTasksFollowsPagesAndReadsEveryResultShape(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		switch page {
		case 1:
			writeJSON(w, 200, hal, `{"_links":{"next":{"href":"/api/v4/tasks?page=2"}},"_embedded":{"tasks":[`+
				`{"id":1,"text":"Call","task_type_id":1,"is_completed":false,"complete_till":1714600000,"duration":1800,"result":[]},`+
				`{"id":2,"text":"Meet","task_type_id":"2","is_completed":true,"result":{"text":"Signed"}}]}}`)
		case 2:
			writeJSON(w, 200, hal, `{"_embedded":{"tasks":[{"id":3,"is_completed":1,"result":[{"text":"From a list"}]},`+
				`{"id":4,"result":{}},{"id":5,"result":"odd"},{"id":1,"text":"duplicate"}]}}`)
		default:
			t.Errorf("asked page %d", page)
			w.WriteHeader(http.StatusNoContent)
		}
	})
	list, err := newClient(t, srv.URL).LeadTasks(context.Background(), 5)
	if err != nil {
		t.Fatal(err)
	}
	q := srv.requests()[0].URL.Query()
	if q.Get("filter[entity_type]") != "leads" || q.Get("filter[entity_id][]") != "5" || q.Get("order[complete_till]") != "asc" || q.Get("limit") != "250" {
		t.Errorf("asked %s", srv.requests()[0].URL)
	}
	if list.Truncated || len(list.Tasks) != 5 {
		t.Fatalf("%d tasks, truncated %v", len(list.Tasks), list.Truncated)
	}
	results := map[int64]string{}
	for _, task := range list.Tasks {
		if task.Result != nil {
			results[task.ID] = task.Result.Text
		}
	}
	if len(results) != 2 || results[2] != "Signed" || results[3] != "From a list" {
		t.Errorf("results %v", results)
	}
	first := list.Tasks[0]
	if first.Text != "Call" || first.Duration != 1800 || first.CompleteTill != 1714600000 || first.IsCompleted || !list.Tasks[2].IsCompleted || list.Tasks[1].TaskTypeID != 2 {
		t.Errorf("tasks %+v", list.Tasks)
	}
}

func TestFieldDefsPagedWithGroupsAndOrder(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		page := r.URL.Query().Get("page")
		switch {
		case strings.HasSuffix(r.URL.Path, "/groups"):
			writeJSON(w, 200, hal, `{"_embedded":{"custom_field_groups":[{"id":"leads_2","name":"Billing","sort":2},{"id":77,"name":"Survey","sort":1}]}}`)
		case page == "1":
			writeJSON(w, 200, hal, `{"_total_items":4,"_links":{"next":{"href":"/x"}},"_embedded":{"custom_fields":[`+
				`{"id":10,"name":"Plan","type":"select","sort":5,"group_id":null,"enums":[{"id":1,"value":"Basic","sort":1},{"id":2,"value":"Pro","sort":2}]},`+
				`{"id":11,"name":"Bank","type":"text","sort":1,"group_id":"leads_2","enums":null}]}}`)
		case page == "2":
			writeJSON(w, 200, hal, `{"_total_items":4,"_embedded":{"custom_fields":[`+
				`{"id":12,"name":"Q1","type":"numeric","sort":1,"group_id":77},{"id":13,"name":"Code","sort":"1","group_id":""}]}}`)
		}
	})
	defs, err := newClient(t, srv.URL).LoadFieldDefs(context.Background(), api.EntityLeads)
	if err != nil {
		t.Fatal(err)
	}
	if len(defs.Fields) != 4 || len(defs.Groups) != 2 || defs.GroupsErr != nil {
		t.Fatalf("%d fields, %d groups, %v", len(defs.Fields), len(defs.Groups), defs.GroupsErr)
	}
	if name, ok := defs.FieldName(11); !ok || name != "Bank" {
		t.Errorf("field 11: %q %v", name, ok)
	}
	if _, ok := defs.FieldName(99); ok {
		t.Error("unknown field has a name")
	}
	if v, ok := defs.EnumValue(10, 2); !ok || v != "Pro" {
		t.Errorf("enum: %q %v", v, ok)
	}
	if g, ok := defs.Group("77"); !ok || g.Name != "Survey" {
		t.Errorf("numeric group ID: %+v %v", g, ok)
	}
	var order []int64
	for _, f := range defs.Ordered() {
		order = append(order, f.ID)
	}
	if fmt.Sprint(order) != "[13 10 12 11]" {
		t.Errorf("card order %v, want main group, then Survey (sort 1), then Billing (sort 2)", order)
	}
	for _, r := range srv.requests() {
		if !strings.HasPrefix(r.URL.Path, "/api/v4/leads/custom_fields") || r.URL.Query().Get("limit") != "250" {
			t.Errorf("asked %s", r.URL)
		}
	}
}

func TestFieldGroupsFailureKeepsTheFields(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/groups") {
			writeJSON(w, 403, "application/problem+json", `{"title":"Forbidden","status":403}`)
			return
		}
		writeJSON(w, 200, hal, `{"_embedded":{"custom_fields":[{"id":1,"name":"Phone"}]}}`)
	})
	defs, err := newClient(t, srv.URL).LoadFieldDefs(context.Background(), api.EntityContacts)
	if err != nil || len(defs.Fields) != 1 || !errors.Is(defs.GroupsErr, api.ErrForbidden) {
		t.Fatalf("%+v %v", defs, err)
	}
}

func TestNilFieldDefsAnswerNothing(t *testing.T) {
	var d *api.FieldDefs
	if _, ok := d.FieldName(1); ok {
		t.Error("nil defs named a field")
	}
	if d.Ordered() != nil {
		t.Error("nil defs ordered fields")
	}
	manual := &api.FieldDefs{Fields: []api.FieldDef{{ID: 3, Name: "Manual"}}}
	if name, ok := manual.FieldName(3); !ok || name != "Manual" {
		t.Errorf("unindexed defs: %q %v", name, ok)
	}
}
