package leadspage

import (
	"strconv"
	"strings"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
	"github.com/leadscope/leadscope/tui/views"
)

// scopeLine says what the view on screen lists (search, filters, sort)
// on the left and how many rows are loaded on the right.
func (p *Page) scopeLine(v *view) string {
	st := p.c.Styles
	left := st.Muted.Render(strings.Join(describe(p.c.Names, v), " · "))
	return common.Spread(left, st.Muted.Render(countText(v)), p.width)
}

// describe puts the view's conditions in words, as the user set them.
func describe(n *common.Names, v *view) []string {
	var parts []string
	if v.applied != "" {
		parts = append(parts, "“"+sanitize.Line(v.applied)+"”")
	}
	d := v.def
	if where := placeOf(n, d); where != "" {
		parts = append(parts, where)
	}
	if who := responsibleOf(n, d.Responsible); who != "" {
		parts = append(parts, who)
	}
	if d.State != views.AnyState {
		parts = append(parts, d.State.String())
	}
	if d.UpdatedToday {
		parts = append(parts, "updated today")
	}
	if d.TaskOverdue {
		parts = append(parts, "task overdue")
	}
	if len(d.Tags) > 0 {
		parts = append(parts, "tagged "+sanitize.Line(strings.Join(d.Tags, ", ")))
	}
	if len(parts) == 0 {
		parts = append(parts, "every lead")
	}
	parts = append(parts, "by "+v.sort.label())
	if v.list.localFilter {
		parts = append(parts, "filtered on this computer")
	}
	return parts
}

// placeOf names the pipeline and stage a view is narrowed to.
func placeOf(n *common.Names, d views.View) string {
	pipeline := strings.TrimSpace(d.Pipeline)
	stage := strings.TrimSpace(d.Stage)
	pid, pipelineIsID := parseID(pipeline)
	if pipelineIsID {
		pipeline = n.Pipeline(pid)
	}
	switch sid, ok := parseID(stage); {
	case ok && sid == api.StatusWon:
		stage = "won"
	case ok && sid == api.StatusLost:
		stage = "lost"
	case ok && pipelineIsID:
		s, _ := n.Stage(pid, sid)
		stage = s.Name
	}
	switch {
	case pipeline != "" && stage != "":
		return sanitize.Line(pipeline + " ▸ " + stage)
	case stage != "":
		return "stage " + sanitize.Line(stage)
	}
	return sanitize.Line(pipeline)
}

func responsibleOf(n *common.Names, who string) string {
	who = strings.TrimSpace(who)
	switch strings.ToLower(who) {
	case "", "anyone", "any", "all":
		return ""
	case "me":
		return "mine"
	}
	if id, ok := parseID(who); ok {
		return "of " + n.User(id)
	}
	return "of " + sanitize.Line(who)
}

func parseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	return id, err == nil && id > 0
}

// countText is how many rows are loaded, and whether more exist.
func countText(v *view) string {
	l := &v.list
	if l.loaded == 0 {
		return ""
	}
	n := v.table.Len()
	text := common.Money(float64(n), "") + " leads"
	if n == 1 {
		text = "1 lead"
	}
	switch {
	case l.hasNext:
		text += " · more"
	case l.capped:
		text += " · stopped"
	}
	return text
}
