package leadpage

import (
	"strconv"
	"strings"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/story"
)

// tasksTab lists the lead's open tasks soonest due first, overdue ones in
// the warning colour and saying so, then the completed ones with their
// result.
func (p *Page) tasksTab() tabContent {
	c, d, width := p.c, p.data, p.width
	s := d.story
	switch {
	case s == nil || s.tasks.state == partNone || s.tasks.state == partPending:
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "Loading tasks…", width)}
	case s.tasks.state == partFailed:
		return tabContent{head: partStatus(c, partFailed, s.tasks.err, "tasks", width), body: common.Lines(nil)}
	case len(s.tasks.items) == 0:
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "This lead has no tasks.", width)}
	}
	fm, _ := storyFormatter(c, d, nil)
	tasks := fm.Tasks(s.tasks.items)
	var head []string
	if s.tasksTruncated {
		head = common.CutLines(c, "Only the first "+strconv.Itoa(api.MaxTaskPages*api.TasksPageSize)+" tasks are loaded.", width)
	}
	return tabContent{head: head, body: newTaskItems(c, tasks)}
}

// taskRow is a section title or a task.
type taskRow struct {
	title string
	task  story.TaskItem
}

type taskItems struct {
	c    *common.Context
	rows []taskRow
}

func newTaskItems(c *common.Context, t story.Tasks) taskItems {
	rows := make([]taskRow, 0, len(t.Open)+len(t.Done)+2)
	if len(t.Open) > 0 {
		overdue := 0
		for _, task := range t.Open {
			if task.Overdue {
				overdue++
			}
		}
		title := "Open · " + strconv.Itoa(len(t.Open))
		if overdue > 0 {
			title += " (" + strconv.Itoa(overdue) + " overdue)"
		}
		rows = append(rows, taskRow{title: title})
		for _, task := range t.Open {
			rows = append(rows, taskRow{task: task})
		}
	}
	if len(t.Done) > 0 {
		rows = append(rows, taskRow{title: "Completed · " + strconv.Itoa(len(t.Done))})
		for _, task := range t.Done {
			rows = append(rows, taskRow{task: task})
		}
	}
	return taskItems{c: c, rows: rows}
}

func (t taskItems) Len() int { return len(t.rows) }

func (t taskItems) Render(i, width int, _ bool) []string {
	st := t.c.Styles
	r := t.rows[i]
	if r.title != "" {
		var out []string
		if i > 0 {
			out = append(out, "")
		}
		return append(out, common.Truncate(st.Label.Render(r.title), width))
	}
	task := r.task
	out := []string{common.Truncate(taskHead(t.c, task), width)}
	textWidth := max(1, width-len(feedIndent))
	for _, l := range task.Text {
		for _, w := range common.Wrap(l, textWidth) {
			out = append(out, feedIndent+st.Value.Render(w))
		}
	}
	for n, l := range task.Result {
		if n == 0 {
			l = "Result: " + l
		}
		for _, w := range common.Wrap(l, textWidth) {
			out = append(out, feedIndent+st.Success.Render(w))
		}
	}
	return out
}

// taskHead is a task's first line: its mark ([ ] open, [!] overdue, [x]
// done, in words too so no colour is needed), due time, how it stands,
// type, responsible and duration.
func taskHead(c *common.Context, t story.TaskItem) string {
	st := c.Styles
	when := t.When
	if when == "" {
		when = "no due date"
	}
	details := strings.Join(nonEmpty(t.Type, t.Responsible, t.Duration), " · ")
	switch {
	case t.Completed:
		return st.Success.Render("[x]") + "  " + st.Muted.Render(when) + "  " + st.Value.Render(details)
	case t.Overdue:
		return st.Warning.Render("[!]  " + when + "  " + t.DueText + "  " + details)
	}
	due := ""
	if t.DueText != "" && t.DueText != when {
		due = "  " + st.Muted.Render(t.DueText)
	}
	return st.Muted.Render("[ ]") + "  " + st.Value.Render(when) + due + "  " + st.Value.Render(details)
}

func nonEmpty(parts ...string) []string {
	out := parts[:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
