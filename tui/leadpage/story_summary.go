package leadpage

import "github.com/leadscope/leadscope/tui/common"

// stageStay is the summary's line on the lead's time in its stage, read
// from the loaded stage changes: "in Proposal for 3 days"; "…" while the
// Feed tab waits for the first events; "" before they were asked for or
// while they load in the background. When the loaded events do not reach
// back to when the lead got there, it says so.
func stageStay(c *common.Context, d *Data) string {
	s := d.story
	switch {
	case s == nil || s.events.pages == 0 && (s.events.state != sourcePending || s.quiet[reqEvents]):
		return ""
	case s.events.pages == 0:
		return "…"
	}
	fm, _ := storyFormatter(c, d, nil)
	h := fm.History(d.Lead, s.eventItems, s.eventsComplete())
	in := h.InStage()
	if in == "" {
		return ""
	}
	if _, known := h.Stay(h.Visits[len(h.Visits)-1]); !known {
		in += " (since before the loaded events)"
	}
	return in
}
