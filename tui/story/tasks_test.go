package story_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/story"
)

func taskJSON(t *testing.T, id int64, due int64, typ int64, completed bool, extra string) api.Task {
	return decode[api.Task](t, fmt.Sprintf(`{"id":%d,"text":"task %d","task_type_id":%d,"responsible_user_id":8,"complete_till":%d,"is_completed":%v%s}`,
		id, id, typ, due, completed, extra))
}

func taskIDs(items []story.TaskItem) []int64 {
	out := make([]int64, len(items))
	for i, it := range items {
		out[i] = it.ID
	}
	return out
}

func TestTasksOpenByDueThenDone(t *testing.T) {
	n := now.Unix()
	tasks := []api.Task{
		taskJSON(t, 1, n+5*day, 1, false, ""),
		taskJSON(t, 2, n-3*day-hour, 2, false, `,"duration":1800`),
		taskJSON(t, 3, 0, 3, false, ""),
		taskJSON(t, 4, n-5*hour, 99, false, ""),
		taskJSON(t, 5, n-10*day, 1, true, `,"updated_at":`+fmt.Sprint(n-9*day)+`,"result":{"text":"Signed"}`),
		taskJSON(t, 6, n-2*day, 0, true, `,"updated_at":`+fmt.Sprint(n-day)+`,"result":[]`),
		taskJSON(t, 7, n+2*day, 2, false, `,"duration":5400`),
	}
	got := formatter().Tasks(tasks)
	if ids := taskIDs(got.Open); !slices.Equal(ids, []int64{2, 4, 7, 1, 3}) {
		t.Errorf("open order %v", ids)
	}
	if ids := taskIDs(got.Done); !slices.Equal(ids, []int64{6, 5}) {
		t.Errorf("done order %v (most recently completed first)", ids)
	}
	byID := map[int64]story.TaskItem{}
	for _, it := range append(got.Open, got.Done...) {
		byID[it.ID] = it
		for _, s := range append(append([]string{it.When, it.DueText, it.Type, it.Responsible, it.Duration}, it.Text...), it.Result...) {
			checkClean(t, s)
		}
	}
	for id, want := range map[int64]struct {
		due, typ, duration string
		overdue            bool
		days               int
	}{
		1: {"in 5 days", "Follow-up", "", false, 0},
		2: {"overdue 3 days", "Meeting", "30m", true, 3},
		3: {"no due date", "Send contract", "", false, 0},
		4: {"overdue 5 hours", "type #99", "", true, 0},
		7: {"in 2 days", "Meeting", "1h 30m", false, 0},
	} {
		it := byID[id]
		if it.DueText != want.due || it.Type != want.typ || it.Duration != want.duration || it.Overdue != want.overdue || it.OverdueDays != want.days {
			t.Errorf("task %d: %+v, want %+v", id, it, want)
		}
		if it.Responsible != "Boris" || !slices.Equal(it.Text, []string{fmt.Sprintf("task %d", id)}) {
			t.Errorf("task %d: %q %q", id, it.Responsible, it.Text)
		}
	}
	if done := byID[5]; !done.Completed || done.DueText != "" || !slices.Equal(done.Result, []string{"Signed"}) || done.Overdue {
		t.Errorf("done task %+v", done)
	}
	if done := byID[6]; done.Result != nil || done.Type != "Task" {
		t.Errorf("done without result %+v", done)
	}
}

func TestTaskTypeNamesFallBackToKommosDefaults(t *testing.T) {
	bare := story.New(nil, nil, now).Tasks([]api.Task{taskJSON(t, 1, 0, 1, false, ""), taskJSON(t, 2, 0, 2, false, ""), taskJSON(t, 3, 0, 3, false, "")})
	var types []string
	for _, it := range bare.Open {
		types = append(types, it.Type)
	}
	if !slices.Equal(types, []string{"Follow-up", "Meeting", "type #3"}) {
		t.Errorf("types %v", types)
	}
}

func TestPlainTasks(t *testing.T) {
	n := now.Unix()
	got := formatter().Tasks([]api.Task{
		taskJSON(t, 1, n-3*day, 1, false, `,"text":"Call\nback"`),
		taskJSON(t, 2, n+2*day, 2, false, `,"duration":3600`),
		taskJSON(t, 3, n-day, 1, true, `,"result":{"text":"Done it"}`),
	})
	var lines []string
	for _, it := range append(got.Open, got.Done...) {
		lines = append(lines, it.Plain()...)
	}
	want := []string{
		"[!]  2024-04-28 00:00 (overdue 3 days)  Follow-up  Boris", "    Call", "    back",
		"[ ]  2024-05-03 00:00 (in 2 days)  Meeting  Boris  1h", "    task 2",
		"[x]  2024-04-30 00:00  Follow-up  Boris", "    task 3", "    Result: Done it",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("plain tasks\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}
