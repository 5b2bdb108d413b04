package views

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/leadscope/leadscope/api"
)

// Account is what resolving a view needs to know of the account: its
// pipelines with their stages, its users (empty when this token may not
// list them) and who is asking.
type Account struct {
	Pipelines     []api.Pipeline
	Users         []api.User
	CurrentUserID int64
}

// AccountFrom takes what a view needs from the start-up directory.
func AccountFrom(dir *api.Directory) Account {
	if dir == nil {
		return Account{}
	}
	a := Account{Pipelines: dir.Pipelines, Users: dir.Users}
	if dir.Account != nil {
		a.CurrentUserID = dir.Account.CurrentUserID
	}
	return a
}

// Resolve turns v into the query that lists it, at now in loc (for
// "today" and "overdue"). An unknown pipeline, stage or user is a one-line
// error naming the view and what exists instead. The query's Tags are
// matched on the client: Kommo's API cannot filter by tag.
func (v View) Resolve(acc Account, now time.Time, loc *time.Location) (api.LeadQuery, error) {
	q, err := v.resolve(acc, now, loc)
	if err != nil && v.Name != "" {
		return q, fmt.Errorf("view %q: %w", v.Name, err)
	}
	return q, err
}

func (v View) resolve(acc Account, now time.Time, loc *time.Location) (api.LeadQuery, error) {
	q := api.LeadQuery{Text: strings.TrimSpace(v.Query)}
	for _, t := range v.Tags {
		if t = strings.TrimSpace(t); t != "" {
			q.Tags = append(q.Tags, t)
		}
	}
	pipelines := acc.Pipelines
	if strings.TrimSpace(v.Pipeline) != "" {
		p, err := findPipeline(acc.Pipelines, v.Pipeline)
		if err != nil {
			return q, err
		}
		pipelines = []api.Pipeline{p}
	}
	statuses, err := v.statuses(pipelines)
	if err != nil {
		return q, err
	}
	q.Statuses = statuses
	if q.Statuses == nil && strings.TrimSpace(v.Pipeline) != "" {
		q.PipelineIDs = []int64{pipelines[0].ID}
	}
	if q.ResponsibleUserIDs, err = findResponsible(acc, v.Responsible); err != nil {
		return q, err
	}
	if loc == nil {
		loc = time.Local
	}
	if v.UpdatedToday {
		local := now.In(loc)
		q.UpdatedAt.From = time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, loc)
	}
	if v.TaskOverdue {
		q.ClosestTaskAt.To = now
	}
	return q, nil
}

// statuses is the (pipeline, stage) pairs v's stage and state allow within
// pipelines; nil when they allow every stage.
func (v View) statuses(pipelines []api.Pipeline) ([]api.StatusRef, error) {
	if strings.TrimSpace(v.Stage) != "" {
		pairs, err := findStage(pipelines, v.Stage)
		if err != nil {
			return nil, err
		}
		for _, p := range pairs {
			if !stateAllows(v.State, p.StatusID) {
				return nil, fmt.Errorf("stage %q cannot hold %s leads", strings.TrimSpace(v.Stage), v.State)
			}
		}
		return pairs, nil
	}
	if v.State == AnyState {
		return nil, nil
	}
	var pairs []api.StatusRef
	for _, p := range pipelines {
		for _, s := range p.Statuses {
			if stateAllows(v.State, s.ID) {
				pairs = append(pairs, api.StatusRef{PipelineID: p.ID, StatusID: s.ID})
			}
		}
	}
	if len(pairs) == 0 {
		return nil, fmt.Errorf("no stage holds %s leads", v.State)
	}
	return pairs, nil
}

func stateAllows(s State, statusID int64) bool {
	switch s {
	case Open:
		return statusID != api.StatusWon && statusID != api.StatusLost
	case Won:
		return statusID == api.StatusWon
	case Lost:
		return statusID == api.StatusLost
	}
	return true
}

func findPipeline(pipelines []api.Pipeline, text string) (api.Pipeline, error) {
	text = strings.TrimSpace(text)
	id, isID := parseID(text)
	names := make([]string, 0, len(pipelines))
	for _, p := range pipelines {
		if (isID && p.ID == id) || strings.EqualFold(strings.TrimSpace(p.Name), text) {
			return p, nil
		}
		names = append(names, p.Name)
	}
	return api.Pipeline{}, fmt.Errorf("no pipeline %q (pipelines: %s)", text, listNames(names))
}

// findStage matches a stage by ID or name in every given pipeline: a name
// like "Incoming leads" exists in each, and means each. "won" and "lost"
// name the closing stages 142 and 143.
func findStage(pipelines []api.Pipeline, text string) ([]api.StatusRef, error) {
	text = strings.TrimSpace(text)
	id, isID := parseID(text)
	switch strings.ToLower(text) {
	case "won":
		id, isID = api.StatusWon, true
	case "lost":
		id, isID = api.StatusLost, true
	}
	var pairs []api.StatusRef
	var names []string
	seen := map[string]bool{}
	for _, p := range pipelines {
		for _, s := range p.Statuses {
			if (isID && s.ID == id) || strings.EqualFold(strings.TrimSpace(s.Name), text) {
				pairs = append(pairs, api.StatusRef{PipelineID: p.ID, StatusID: s.ID})
			}
			if !seen[strings.ToLower(s.Name)] {
				seen[strings.ToLower(s.Name)] = true
				names = append(names, s.Name)
			}
		}
	}
	if len(pairs) == 0 {
		return nil, fmt.Errorf("no stage %q (stages: %s)", text, listNames(names))
	}
	return pairs, nil
}

// errUsersUnknown: a non-administrator cannot list users, so names cannot be matched.
var errUsersUnknown = errors.New("user names are unknown: listing users needs administrator rights in Kommo; give the user's ID or \"me\"")

func findResponsible(acc Account, text string) ([]int64, error) {
	text = strings.TrimSpace(text)
	switch strings.ToLower(text) {
	case "", "anyone", "any", "all":
		return nil, nil
	case "me":
		if acc.CurrentUserID <= 0 {
			return nil, errors.New(`"me": the account did not say who you are`)
		}
		return []int64{acc.CurrentUserID}, nil
	}
	if id, ok := parseID(text); ok {
		return []int64{id}, nil
	}
	if len(acc.Users) == 0 {
		return nil, fmt.Errorf("responsible %q: %w", text, errUsersUnknown)
	}
	var exact, partial []int64
	names := make([]string, 0, len(acc.Users))
	for _, u := range acc.Users {
		names = append(names, u.Name)
		switch {
		case strings.EqualFold(strings.TrimSpace(u.Name), text):
			exact = append(exact, u.ID)
		case strings.Contains(strings.ToLower(u.Name), strings.ToLower(text)):
			partial = append(partial, u.ID)
		}
	}
	switch {
	case len(exact) > 0:
		return exact, nil
	case len(partial) == 1:
		return partial, nil
	case len(partial) > 1:
		return nil, fmt.Errorf("responsible %q matches %d users: give more of the name or the ID", text, len(partial))
	}
	return nil, fmt.Errorf("no user %q (users: %s)", text, listNames(names))
}

func parseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	return id, err == nil && id > 0
}
