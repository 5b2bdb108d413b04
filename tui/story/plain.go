package story

// Plain text for the CLI: the same words the TUI shows, without colour.

// Plain is the entry as lines of text: a head line with its time, author
// and kind, then its text indented by four spaces.
func (e Entry) Plain() []string {
	when := e.When
	if e.Ago != "" {
		when = joinNonEmpty(" ", when, "("+e.Ago+")")
	}
	out := []string{joinNonEmpty("  ", when, e.Author, e.Kind)}
	for _, l := range e.Lines {
		out = append(out, "    "+l)
	}
	return out
}

// Plain is the task as lines of text: a head line marked [ ] open, [!]
// overdue or [x] done, with due time, type, responsible and duration, then
// its text and result indented by four spaces.
func (t TaskItem) Plain() []string {
	mark := "[ ]"
	switch {
	case t.Completed:
		mark = "[x]"
	case t.Overdue:
		mark = "[!]"
	}
	due := t.When
	if t.DueText != "" {
		due = joinNonEmpty(" ", due, "("+t.DueText+")")
	}
	out := []string{joinNonEmpty("  ", mark, due, t.Type, t.Responsible, t.Duration)}
	for _, l := range t.Text {
		out = append(out, "    "+l)
	}
	for i, l := range t.Result {
		if i == 0 {
			l = "Result: " + l
		}
		out = append(out, "    "+l)
	}
	return out
}
