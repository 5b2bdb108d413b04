package story_test

import (
	"fmt"
	"testing"

	"github.com/leadscope/leadscope/api"
)

const (
	day  = 86400
	hour = 3600
)

// stageMove is a stage change at now-ago; from 0 sends no value_before.
func stageMove(t *testing.T, ago int64, fromP, from, toP, to int) api.Event {
	before := `[]`
	if from != 0 {
		before = fmt.Sprintf(`[{"lead_status":{"id":%d,"pipeline_id":%d}}]`, from, fromP)
	}
	return decode[api.Event](t, fmt.Sprintf(`{"id":"m%d","type":"lead_status_changed","created_at":%d,"value_before":%s,"value_after":[{"lead_status":{"id":%d,"pipeline_id":%d}}]}`,
		ago, now.Unix()-ago, before, to, toP))
}

func lead(pipeline, status int64, createdAgo int64) *api.Lead {
	return &api.Lead{ID: 1, PipelineID: pipeline, StatusID: status, CreatedAt: now.Unix() - createdAgo}
}

func TestStagePathWithTimeInEachStage(t *testing.T) {
	events := []api.Event{
		stageMove(t, 3*day+5*hour, 1, 11, 1, 12), // Incoming 2d, then Qualified 5h
		stageMove(t, 3*day, 1, 12, 1, 13),        // then Proposal for 3 days
		eventAt(t, "noise", now.Unix()-day, "entity_tag_added", `[]`),
	}
	h := formatter().History(lead(1, 13, 5*day+5*hour), events, true)
	if got := h.Path(); got != "Incoming 2d → Qualified 5h → Proposal 3d" {
		t.Errorf("path %q", got)
	}
	if got := h.InStage(); got != "in Proposal for 3 days" {
		t.Errorf("in stage %q", got)
	}
	if h.Partial || h.StartUnknown || len(h.Visits) != 3 || !h.Visits[2].Current || h.Visits[0].Stage.Color != "#c1c1c1" {
		t.Errorf("history %+v", h)
	}
	// Events newest first give the same path.
	reversed := []api.Event{events[2], events[1], events[0]}
	if got := formatter().History(lead(1, 13, 5*day+5*hour), reversed, true).Path(); got != "Incoming 2d → Qualified 5h → Proposal 3d" {
		t.Errorf("path from reversed events %q", got)
	}
}

func TestStagePathNamesPipelinesWhenTheyChange(t *testing.T) {
	events := []api.Event{stageMove(t, 10*day, 2, 21, 1, 12), stageMove(t, 2*day, 1, 12, 1, 142)}
	got := formatter().History(lead(1, 142, 12*day), events, true).Path()
	if got != "Partners › First call 2d → Sales › Qualified 8d → Won 2d" {
		t.Errorf("path %q", got)
	}
}

func TestStageHistoryWithoutChanges(t *testing.T) {
	complete := formatter().History(lead(1, 12, 4*day), nil, true)
	if complete.Path() != "Qualified 4d" || complete.InStage() != "in Qualified for 4 days" || complete.Partial {
		t.Errorf("complete: %q %q %+v", complete.Path(), complete.InStage(), complete)
	}
	// Not every event is loaded yet: the lead may have moved in what is missing.
	partial := formatter().History(lead(1, 12, 4*day), nil, false)
	if partial.Path() != "Qualified ?" || partial.InStage() != "in Qualified" || !partial.Partial {
		t.Errorf("partial: %q %q %+v", partial.Path(), partial.InStage(), partial)
	}
	if none := formatter().History(nil, nil, true); none.Path() != "" || none.InStage() != "" {
		t.Errorf("no lead, no events: %q %q", none.Path(), none.InStage())
	}
}

func TestStageHistoryHonestAboutGaps(t *testing.T) {
	f := formatter()
	// The first change has no value_before: where the lead started is unknown.
	noStart := f.History(lead(1, 13, 9*day), []api.Event{stageMove(t, 2*day, 0, 0, 1, 13)}, true)
	if got := noStart.Path(); got != "… → Proposal 2d" || !noStart.StartUnknown || !noStart.Partial {
		t.Errorf("no start: %q %+v", got, noStart)
	}
	// Only the newest page is loaded: the first stay's start is unknown.
	incomplete := f.History(lead(1, 13, 9*day), []api.Event{stageMove(t, 2*day, 1, 12, 1, 13)}, false)
	if got := incomplete.Path(); got != "Qualified ? → Proposal 2d" || !incomplete.Partial {
		t.Errorf("incomplete: %q", got)
	}
	// A change is missing in the middle: Qualified's arrival is unknown.
	gap := f.History(lead(1, 13, 9*day), []api.Event{stageMove(t, 6*day, 1, 11, 1, 12), stageMove(t, 2*day, 2, 21, 1, 13)}, true)
	if got := gap.Path(); got != "Sales › Incoming 3d → Qualified 4d → Partners › First call ? → Sales › Proposal 2d" || !gap.Partial {
		t.Errorf("gap: %q", got)
	}
	// The lead is somewhere the events never took it.
	moved := f.History(lead(1, 142, 9*day), []api.Event{stageMove(t, 2*day, 1, 12, 1, 13)}, true)
	if got := moved.Path(); got != "Qualified 7d → Proposal ? → Won ?" || moved.InStage() != "in Won" || !moved.Partial {
		t.Errorf("moved: %q %q", got, moved.InStage())
	}
}

func TestStageHistoryLeadCreatedAfterItsFirstChange(t *testing.T) {
	// Odd data: the lead claims to be younger than its first change; the
	// first stay's start is then unknown rather than negative.
	h := formatter().History(lead(1, 12, hour), []api.Event{stageMove(t, 2*day, 1, 11, 1, 12)}, true)
	if got := h.Path(); got != "Incoming ? → Qualified 2d" {
		t.Errorf("path %q", got)
	}
}
