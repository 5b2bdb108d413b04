package api_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
)

func TestSandboxHugeLeadStoryCostsOneRequestPerPage(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	ctx := context.Background()
	notes, _, err := walkNotesOf(ctx, c, sandbox.LeadHuge)
	if err != nil || len(notes) != sandbox.HugeNotes {
		t.Fatalf("%d notes: %v", len(notes), err)
	}
	var events []api.Event
	for page := 1; ; page++ {
		p, err := c.LeadEvents(ctx, sandbox.LeadHuge, page)
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, p.Events...)
		if !p.HasNext {
			break
		}
	}
	tasks, err := c.LeadTasks(ctx, sandbox.LeadHuge)
	if err != nil || len(tasks.Tasks) != sandbox.HugeTasks || tasks.Truncated {
		t.Fatalf("tasks %+v: %v", tasks, err)
	}
	if len(events) != sandbox.HugeEvents {
		t.Errorf("%d events", len(events))
	}
	want := map[string]int{sandbox.EndpointNotes: 2, sandbox.EndpointEvents: 6, sandbox.EndpointTasks: 1}
	for endpoint, n := range want {
		if got := srv.Requests(endpoint); got != n {
			t.Errorf("%s: %d requests, want %d", endpoint, got, n)
		}
	}
	if srv.RateLimited() != 0 {
		t.Errorf("rate limited %d times", srv.RateLimited())
	}
	for _, n := range notes {
		if n.EntityID != sandbox.LeadHuge || n.NoteType == "" || len(n.Params) == 0 || !strings.HasPrefix(string(n.Raw), "{") {
			t.Fatalf("note %+v", n)
		}
	}
	for _, e := range events {
		if e.ID == "" || e.Type == "" || e.CreatedAt == 0 || !strings.HasPrefix(string(e.ValueAfter), "[") {
			t.Fatalf("event %+v", e)
		}
	}
}

func walkNotesOf(ctx context.Context, c *api.Client, leadID int64) ([]api.Note, int, error) {
	var notes []api.Note
	for page := 1; ; page++ {
		p, err := c.LeadNotes(ctx, leadID, page)
		if err != nil {
			return nil, page, err
		}
		notes = append(notes, p.Notes...)
		if !p.HasNext {
			return notes, page, nil
		}
	}
}

func TestSandboxLeadWithNoStory(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	ctx := context.Background()
	notes, err := c.LeadNotes(ctx, sandbox.LeadNoStory, 1)
	if err != nil || len(notes.Notes) != 0 || notes.HasNext {
		t.Errorf("notes %+v %v", notes, err)
	}
	events, err := c.LeadEvents(ctx, sandbox.LeadNoStory, 1)
	if err != nil || len(events.Events) != 0 || events.HasNext {
		t.Errorf("events %+v %v", events, err)
	}
	tasks, err := c.LeadTasks(ctx, sandbox.LeadNoStory)
	if err != nil || len(tasks.Tasks) != 0 {
		t.Errorf("tasks %+v %v", tasks, err)
	}
}

func TestSandboxBasicLeadTasksAndFieldNames(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, srv)
	ctx := context.Background()
	tasks, err := c.LeadTasks(ctx, sandbox.LeadBasic)
	if err != nil {
		t.Fatal(err)
	}
	open, done, results := 0, 0, 0
	for i, task := range tasks.Tasks {
		if i > 0 && task.CompleteTill < tasks.Tasks[i-1].CompleteTill {
			t.Errorf("tasks not soonest first")
		}
		if task.IsCompleted {
			done++
		} else {
			open++
		}
		if task.Result != nil {
			results++
			if task.Result.Text != sandbox.BasicDoneTaskResult {
				t.Errorf("result %q", task.Result.Text)
			}
		}
	}
	if open != sandbox.BasicOpenTasks || done != sandbox.BasicDoneTasks || results != 1 {
		t.Errorf("open %d, done %d, with result %d", open, done, results)
	}

	srv.ResetCounts()
	defs, err := c.LoadFieldDefs(ctx, api.EntityLeads)
	if err != nil || defs.GroupsErr != nil {
		t.Fatal(err, defs.GroupsErr)
	}
	lead, err := c.GetLead(ctx, sandbox.LeadAllFieldTypes)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range lead.CustomFields {
		if name, ok := defs.FieldName(f.FieldID); !ok || name != f.FieldName {
			t.Errorf("field %d %q defined as %q", f.FieldID, f.FieldName, name)
		}
	}
	if got := srv.Requests(sandbox.EndpointCustomFields); got < 3 {
		t.Errorf("%d requests: the definitions should take more than one page, plus the groups", got)
	}
	ordered := defs.Ordered()
	if len(ordered) != len(defs.Fields) || ordered[0].GroupID != "" || ordered[len(ordered)-1].GroupID == "" {
		t.Errorf("card order starts in %q and ends in %q", ordered[0].GroupID, ordered[len(ordered)-1].GroupID)
	}
	for _, entity := range []string{api.EntityContacts, api.EntityCompanies} {
		if fields, err := c.CustomFieldDefs(ctx, entity); err != nil || len(fields) == 0 {
			t.Errorf("%s: %d fields, %v", entity, len(fields), err)
		}
	}
}

// The sandbox's own faults on the story endpoints, through the client.
func TestSandboxStoryFaults(t *testing.T) {
	for _, tc := range []struct {
		name     string
		faults   sandbox.Faults
		endpoint string
		kind     error
		text     string
	}{
		{"notes huge body", sandbox.Faults{Fault: sandbox.FaultHugeBody, Endpoint: sandbox.EndpointNotes}, sandbox.EndpointNotes, api.ErrBadResponse, "larger than"},
		{"events malformed", sandbox.Faults{Fault: sandbox.FaultMalformedJSON, Endpoint: sandbox.EndpointEvents}, sandbox.EndpointEvents, api.ErrBadResponse, "malformed"},
		{"tasks cut JSON", sandbox.Faults{Fault: sandbox.FaultCutJSON, Endpoint: sandbox.EndpointTasks}, sandbox.EndpointTasks, api.ErrBadResponse, "malformed"},
		{"fields 403 html", sandbox.Faults{Fault: sandbox.FaultBlockedHTML, Endpoint: sandbox.EndpointCustomFields}, sandbox.EndpointCustomFields, api.ErrBlocked, "blocked"},
		{"events wrong type", sandbox.Faults{Fault: sandbox.FaultWrongContentType, Endpoint: sandbox.EndpointEvents}, sandbox.EndpointEvents, api.ErrBadResponse, "text/plain"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := startSandbox(t, sandbox.Options{})
			c := sandboxClient(t, srv, func(o *api.Options) { o.Timeout = 2 * time.Second })
			srv.SetFaults(tc.faults)
			ctx := context.Background()
			var err error
			switch tc.endpoint {
			case sandbox.EndpointNotes:
				_, err = c.LeadNotes(ctx, sandbox.LeadBasic, 1)
			case sandbox.EndpointEvents:
				_, err = c.LeadEvents(ctx, sandbox.LeadBasic, 1)
			case sandbox.EndpointTasks:
				_, err = c.LeadTasks(ctx, sandbox.LeadBasic)
			case sandbox.EndpointCustomFields:
				_, err = c.LoadFieldDefs(ctx, api.EntityLeads)
			}
			mustKind(t, err, tc.kind)
			if !strings.Contains(err.Error(), tc.text) {
				t.Errorf("message %q lacks %q", err, tc.text)
			}
			if got := srv.Requests(tc.endpoint); got < 1 || got > 2 {
				t.Errorf("%d requests", got)
			}
		})
	}
}
