package story

import (
	"slices"
	"strconv"
	"time"

	"github.com/leadscope/leadscope/api"
)

// TaskItem is one task as the Tasks tab and the CLI show it. Every string
// is clean and bounded.
type TaskItem struct {
	ID          int64
	Due         time.Time // zero when the task has no due time
	When        string    // Due as "2024-05-01 10:30"
	DueText     string    // "in 2 days", "overdue 3 days", "no due date"; "" when completed
	Overdue     bool      // open and past its due time
	OverdueDays int       // whole days past due (0 on the day it fell due)
	Type        string    // "Follow-up", "Meeting", the account's name, or "type #ID"
	Responsible string
	Duration    string // "30m", "1h 30m"; "" when none
	Text        []string
	Completed   bool
	Result      []string // what was written on completing it
}

// Tasks is a lead's tasks: open ones soonest due first, then completed ones
// most recently touched first.
type Tasks struct {
	Open, Done []TaskItem
}

// defaultTaskTypes are Kommo's built-in task types, named when the account
// does not say otherwise.
var defaultTaskTypes = map[int64]string{1: "Follow-up", 2: "Meeting"}

// Tasks orders and words a lead's tasks.
func (f *Formatter) Tasks(tasks []api.Task) Tasks {
	var out Tasks
	open := slices.Clone(tasks)
	open = slices.DeleteFunc(open, func(t api.Task) bool { return t.IsCompleted })
	done := slices.DeleteFunc(slices.Clone(tasks), func(t api.Task) bool { return !t.IsCompleted })
	slices.SortStableFunc(open, func(a, b api.Task) int { return compareDue(a.CompleteTill, b.CompleteTill) })
	slices.SortStableFunc(done, func(a, b api.Task) int {
		return compareDue(touched(b), touched(a))
	})
	for _, t := range open {
		out.Open = append(out.Open, f.task(t))
	}
	for _, t := range done {
		out.Done = append(out.Done, f.task(t))
	}
	return out
}

// compareDue sorts a missing time (0) after every real one.
func compareDue(a, b int64) int {
	switch {
	case a == b:
		return 0
	case a == 0:
		return 1
	case b == 0:
		return -1
	case a < b:
		return -1
	}
	return 1
}

func touched(t api.Task) int64 {
	if t.UpdatedAt != 0 {
		return t.UpdatedAt
	}
	return t.CompleteTill
}

func (f *Formatter) task(t api.Task) TaskItem {
	item := TaskItem{
		ID: t.ID, Due: f.unixTime(t.CompleteTill), Type: f.taskType(t.TaskTypeID),
		Responsible: f.user(t.ResponsibleUserID), Duration: clockSpan(t.Duration),
		Text: textLines(t.Text, MaxLines), Completed: t.IsCompleted,
	}
	item.When = f.When(item.Due)
	if t.Result != nil {
		item.Result = textLines(t.Result.Text, MaxLines)
	}
	if t.IsCompleted {
		return item
	}
	switch {
	case item.Due.IsZero():
		item.DueText = "no due date"
	case item.Due.Before(f.now):
		late := f.now.Sub(item.Due)
		item.Overdue, item.OverdueDays = true, int(late/(24*time.Hour))
		if item.OverdueDays > 0 {
			item.DueText = "overdue " + plural(int64(item.OverdueDays), "day")
		} else {
			item.DueText = "overdue " + longSpan(late)
		}
	default:
		item.DueText = f.Ago(item.Due)
	}
	return item
}

func (f *Formatter) taskType(id int64) string {
	if name, ok := f.names.TaskTypeName(id); ok && line(name, maxNameRunes) != "" {
		return line(name, maxNameRunes)
	}
	if name, ok := defaultTaskTypes[id]; ok {
		return name
	}
	if id == 0 {
		return "Task"
	}
	return "type #" + strconv.FormatInt(id, 10)
}
