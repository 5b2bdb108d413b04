package leadspage

import (
	"testing"

	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/views"
)

func TestPickerNarrowsTheViewToAPipelineAndStage(t *testing.T) {
	r := newRig(t, sandbox.Faults{}, views.View{Name: "All open", State: views.Open})
	r.activate()
	r.press("f")
	if !r.p.Capturing() {
		t.Fatal("f did not open the picker")
	}
	r.requireScreen("Filters of “All open”", "Pipeline", "‹ any ›", "State", "‹ open ›")
	before := r.listRequests()
	r.press("right", "down", "right", "right") // Sales, its second stage
	r.requireScreen("‹ Sales ›")
	if r.listRequests() != before {
		t.Fatal("choosing sent requests before enter")
	}
	r.press("enter")
	if r.p.Capturing() || r.listRequests() != before+1 {
		t.Fatalf("enter: picker open %v, %d requests", r.p.Capturing(), r.listRequests()-before)
	}
	stage, ok := parseID(r.view().def.Stage)
	if !ok || len(r.view().table.Leads()) == 0 {
		t.Fatalf("stage %q, %d rows", r.view().def.Stage, len(r.view().table.Leads()))
	}
	for _, l := range r.view().table.Leads() {
		if l.PipelineID != sandbox.PipelineSales || l.StatusID != stage {
			t.Fatalf("lead %d is in pipeline %d stage %d, want %d stage %d", l.ID, l.PipelineID, l.StatusID, sandbox.PipelineSales, stage)
		}
	}
	s, _ := r.c.Names.Stage(sandbox.PipelineSales, stage)
	r.requireScreen("Sales ▸ " + s.Name)
}

func TestPickerRefusesAContradictionAndEscLeavesTheViewAsItWas(t *testing.T) {
	r := newRig(t, sandbox.Faults{}, views.View{Name: "All open", State: views.Open})
	r.activate()
	def := r.view().def
	r.press("f", "down", "right") // stage: won, while the state says open
	r.press("enter")
	if !r.p.Capturing() {
		t.Fatal("a contradiction was applied")
	}
	r.requireScreen("cannot hold open leads")
	r.press("esc")
	if r.p.Capturing() || r.view().def.Stage != def.Stage || r.view().def.State != def.State {
		t.Fatalf("esc changed the view: %+v", r.view().def)
	}
	// x sets every row to any: the view lists every lead.
	r.press("f", "x", "enter")
	if r.view().def.State != views.AnyState || r.view().def.Responsible != "" {
		t.Fatalf("x then enter left %+v", r.view().def)
	}
}

func TestPickerOffersUsersWhenNamesAreKnown(t *testing.T) {
	r := newRig(t, sandbox.Faults{})
	r.activate()
	r.press("f", "down", "down") // Responsible: me
	r.requireScreen("‹ me ›")
	r.press("right")
	if got := r.p.picker.rows[rowResponsible].options[r.p.picker.rows[rowResponsible].chosen].label; got == "me" || got == "anyone" {
		t.Fatalf("the next choice after me is %q, not a user", got)
	}
	r.press("enter")
	if _, ok := parseID(r.view().def.Responsible); !ok {
		t.Fatalf("responsible %q is not a user", r.view().def.Responsible)
	}
	for _, l := range r.view().table.Leads() {
		if id, _ := parseID(r.view().def.Responsible); l.ResponsibleUserID != id {
			t.Fatalf("lead %d is %d's", l.ID, l.ResponsibleUserID)
		}
	}
}
