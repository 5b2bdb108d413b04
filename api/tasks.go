package api

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
)

// Task is one task of a lead (GET /api/v4/tasks). CompleteTill is the due
// time and Duration the task's length, both in seconds.
type Task struct {
	ID                int64       `json:"id"`
	Text              string      `json:"text"`
	TaskTypeID        int64       `json:"task_type_id"`
	ResponsibleUserID int64       `json:"responsible_user_id"`
	GroupID           int64       `json:"group_id"`
	EntityID          int64       `json:"entity_id"`
	EntityType        string      `json:"entity_type"`
	IsCompleted       bool        `json:"is_completed"`
	CompleteTill      int64       `json:"complete_till"`
	Duration          int64       `json:"duration"`
	Result            *TaskResult `json:"result"` // nil for Kommo's [] (no result)
	CreatedBy         int64       `json:"created_by"`
	UpdatedBy         int64       `json:"updated_by"`
	CreatedAt         int64       `json:"created_at"`
	UpdatedAt         int64       `json:"updated_at"`

	// Raw is the task object exactly as Kommo sent it, for --json.
	Raw []byte `json:"-"`
}

// TaskResult is what was written when the task was completed.
type TaskResult struct {
	Text string `json:"text"`
}

// TaskList is every task of a lead, as far as the caps allowed.
type TaskList struct {
	Tasks []Task
	// Truncated: the server still announced pages when MaxTaskPages or
	// the byte budget ended the load.
	Truncated bool
}

// Tasks paging: one lead's tasks are few; the cap (5,000 tasks) only
// stops a server that pages forever.
const (
	TasksPageSize = 250
	MaxTaskPages  = 20
)

// LeadTasks fetches every task of the lead, soonest due first, following
// pages up to MaxTaskPages. A 204 is no tasks.
func (c *Client) LeadTasks(ctx context.Context, leadID int64) (*TaskList, error) {
	op := "load tasks of lead " + strconv.FormatInt(leadID, 10)
	if leadID <= 0 {
		return nil, &Error{Kind: ErrBadRequest, Op: op, Err: fmt.Errorf("%w: lead IDs are positive numbers", ErrBadID)}
	}
	q := url.Values{
		"filter[entity_type]":  {"leads"},
		"filter[entity_id][]":  {strconv.FormatInt(leadID, 10)},
		"order[complete_till]": {"asc"},
	}
	load := pagedLoad[Task]{
		op: op, key: "tasks", maxPages: MaxTaskPages,
		pageRef: func(page int) *url.URL { return pagedQuery("/api/v4/tasks", q, TasksPageSize, page) },
		idOf:    func(t Task) string { return strconv.FormatInt(t.ID, 10) },
	}
	tasks, truncated, err := load.run(ctx, c)
	if err != nil {
		return nil, err
	}
	return &TaskList{Tasks: tasks, Truncated: truncated}, nil
}

// UnmarshalJSON reads a task leniently (see lenient.go); it never fails.
func (t *Task) UnmarshalJSON(data []byte) error {
	t.decodeLooseJSON(append([]byte(nil), data...))
	return nil
}

func (t *Task) decodeLooseJSON(data []byte) bool {
	type plain Task
	ok := resetAndFill(data, (*plain)(t))
	if ok {
		t.Raw = trimSpace(data)
	}
	return ok
}

// UnmarshalJSON accepts the documented {text} and, like loss_reason, a
// one-element list of it; Kommo's [] (no result) leaves it empty.
func (r *TaskResult) UnmarshalJSON(data []byte) error {
	r.decodeLooseJSON(data)
	return nil
}

func (r *TaskResult) decodeLooseJSON(data []byte) bool {
	type plain TaskResult
	*r = TaskResult{}
	items := looseItems(data)
	if len(items) == 0 {
		return false
	}
	return decodeLoose(items[0], (*plain)(r))
}
