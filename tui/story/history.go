package story

import (
	"slices"
	"strings"
	"time"

	"github.com/leadscope/leadscope/api"
)

// Visit is one stay of the lead in a stage.
type Visit struct {
	Stage StageRef
	// Since is when the lead entered the stage; zero when the history does
	// not say (it starts later, or a step is missing).
	Since time.Time
	// Until is when it left; zero for the current stage, or when the
	// history does not say.
	Until   time.Time
	Current bool
}

// History is the lead's path through the stages, oldest first, read from
// lead_status_changed events.
type History struct {
	Visits []Visit
	// StartUnknown: the earliest change says where the lead went but not
	// where it came from, so the path's beginning is missing.
	StartUnknown bool
	// Partial: the events do not tell the whole path (not all loaded, a
	// step missing, or they disagree with the lead's current stage).
	Partial bool

	now time.Time
}

type stageChange struct {
	at        time.Time
	from, to  StageRef
	fromKnown bool
}

// History reads the lead's path through its stages from its events.
// complete says every event of the lead is loaded: only then is the lead's
// created_at the start of its first stay. The lead may be nil (no current
// stage to check against).
func (f *Formatter) History(lead *api.Lead, events []api.Event, complete bool) History {
	h := History{now: f.now, Partial: !complete}
	changes := f.stageChanges(events)
	var current *StageRef
	if lead != nil && lead.StatusID != 0 {
		ref := f.stage(lead.PipelineID, lead.StatusID)
		current = &ref
	}
	if len(changes) == 0 {
		if current != nil {
			v := Visit{Stage: *current, Current: true}
			if complete {
				v.Since = f.unixTime(lead.CreatedAt)
			}
			h.Visits = []Visit{v}
		}
		return h
	}
	first := changes[0]
	if first.fromKnown {
		v := Visit{Stage: first.from, Until: first.at}
		if complete && lead != nil && lead.CreatedAt != 0 && lead.CreatedAt <= first.at.Unix() {
			v.Since = f.unixTime(lead.CreatedAt)
		}
		h.Visits = append(h.Visits, v)
	} else {
		h.StartUnknown, h.Partial = true, true
	}
	for i, c := range changes {
		if i > 0 && c.fromKnown && !c.from.same(changes[i-1].to) {
			// A change is missing between these two: say the lead was in
			// c.from for an unknown time rather than invent when it got there.
			h.Visits = append(h.Visits, Visit{Stage: c.from, Until: c.at})
			h.Partial = true
		}
		h.Visits = append(h.Visits, Visit{Stage: c.to, Since: c.at})
		if i+1 < len(changes) {
			h.Visits[len(h.Visits)-1].Until = changes[i+1].at
		}
	}
	last := &h.Visits[len(h.Visits)-1]
	if current == nil || last.Stage.same(*current) {
		last.Current = true
		return h
	}
	last.Until = time.Time{}
	h.Visits = append(h.Visits, Visit{Stage: *current, Current: true})
	h.Partial = true
	return h
}

// stageChanges reads the stage changes, oldest first (ties in input order).
func (f *Formatter) stageChanges(events []api.Event) []stageChange {
	var out []stageChange
	for _, ev := range events {
		if ev.Type != "lead_status_changed" {
			continue
		}
		e := f.Event(ev)
		if e.Move == nil {
			continue
		}
		out = append(out, stageChange{at: e.At, from: e.Move.From, to: e.Move.To, fromKnown: e.Move.FromKnown})
	}
	slices.SortStableFunc(out, func(a, b stageChange) int { return a.at.Compare(b.at) })
	return out
}

// Stay is how long the visit lasted (or lasts, for the current stage);
// false when its start or its end is unknown.
func (h History) Stay(v Visit) (time.Duration, bool) {
	end := v.Until
	if v.Current {
		end = h.now
	}
	if v.Since.IsZero() || end.IsZero() {
		return 0, false
	}
	return max(end.Sub(v.Since), 0), true
}

// Path writes the stays in order with their lengths: "Incoming leads 2d →
// Qualified 5h → Proposal sent 3d". A stay of unknown length shows "?", a
// missing beginning "…", and the pipeline is named when the path changes
// pipeline. "" when there is no stage at all.
func (h History) Path() string {
	if len(h.Visits) == 0 {
		return ""
	}
	pipelines := false
	for _, v := range h.Visits[1:] {
		pipelines = pipelines || v.Stage.PipelineID != h.Visits[0].Stage.PipelineID
	}
	var parts []string
	if h.StartUnknown {
		parts = append(parts, "…")
	}
	for i, v := range h.Visits {
		name := v.Stage.Name
		if pipelines && (i == 0 || v.Stage.PipelineID != h.Visits[i-1].Stage.PipelineID) {
			name = v.Stage.withPipeline()
		}
		stay := "?"
		if d, ok := h.Stay(v); ok {
			stay = shortSpan(d)
		}
		parts = append(parts, name+" "+stay)
	}
	return strings.Join(parts, " → ")
}

// InStage says where the lead is and for how long: "in Proposal sent for
// 3 days", or "in Proposal sent" when the history does not reach back to
// when it got there; "" when the current stage is unknown.
func (h History) InStage() string {
	if len(h.Visits) == 0 || !h.Visits[len(h.Visits)-1].Current {
		return ""
	}
	v := h.Visits[len(h.Visits)-1]
	if d, ok := h.Stay(v); ok {
		return "in " + v.Stage.Name + " for " + longSpan(d)
	}
	return "in " + v.Stage.Name
}
