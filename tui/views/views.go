// Package views names the lead lists people work through: the built-in ones
// ("My open leads", "All open", "Updated today", "Closest task overdue")
// and the ones they define in config.json, and turns a view into the
// api.LeadQuery that lists it. It is plain Go, shared by the lead browser
// and `leadscope list`; it draws nothing.
package views

import (
	"fmt"
	"strings"
)

// State narrows a view to open, won or lost leads.
type State int

// States; the zero value is any state.
const (
	AnyState State = iota
	Open
	Won
	Lost
)

func (s State) String() string {
	return [...]string{"any", "open", "won", "lost"}[s]
}

// View is a named list of leads. Pipeline, Stage and Responsible hold what
// a person typed: a name (any case) or an ID; Responsible also "me".
type View struct {
	Name        string
	Query       string   // Kommo's search text
	Pipeline    string   // a pipeline's name or ID
	Stage       string   // a stage's name or ID, "won" or "lost"; in Pipeline when given, else in any pipeline
	Responsible string   // "me", a user's name or ID; "" or "anyone" for everyone
	Tags        []string // any of these tags; matched on the client (Kommo cannot filter by tag)
	State       State
	// UpdatedToday keeps leads updated since midnight where the user is.
	UpdatedToday bool
	// TaskOverdue keeps leads whose closest task is due before now.
	TaskOverdue bool
}

// Names of the built-in views.
const (
	MyOpenLeads        = "My open leads"
	AllOpen            = "All open"
	UpdatedToday       = "Updated today"
	ClosestTaskOverdue = "Closest task overdue"
)

// BuiltIn returns the views every account has, in tab order.
func BuiltIn() []View {
	return []View{
		{Name: MyOpenLeads, Responsible: "me", State: Open},
		{Name: AllOpen, State: Open},
		{Name: UpdatedToday, UpdatedToday: true},
		{Name: ClosestTaskOverdue, TaskOverdue: true, State: Open},
	}
}

// All is the built-in views followed by configured ones; a configured view
// named like a built-in one takes its place.
func All(configured []View) []View {
	out := BuiltIn()
	for _, v := range configured {
		if i := indexOf(out, v.Name); i >= 0 && i < len(BuiltIn()) {
			out[i] = v
			continue
		}
		out = append(out, v)
	}
	return out
}

// Find returns the view named name (any case) among views.
func Find(views []View, name string) (View, error) {
	if i := indexOf(views, name); i >= 0 {
		return views[i], nil
	}
	names := make([]string, len(views))
	for i, v := range views {
		names[i] = v.Name
	}
	return View{}, fmt.Errorf("no view named %q (views: %s)", name, listNames(names))
}

func indexOf(views []View, name string) int {
	for i, v := range views {
		if strings.EqualFold(strings.TrimSpace(v.Name), strings.TrimSpace(name)) {
			return i
		}
	}
	return -1
}

// listNames shows a few names in an error message, on one line.
func listNames(names []string) string {
	const shown = 8
	if len(names) == 0 {
		return "none"
	}
	if len(names) > shown {
		return strings.Join(names[:shown], ", ") + fmt.Sprintf(" and %d more", len(names)-shown)
	}
	return strings.Join(names, ", ")
}
