package leadspage

import (
	"strconv"
	"strings"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
	"github.com/leadscope/leadscope/tui/views"
)

// picker edits a view's pipeline and stage, responsible and state. Each
// row cycles through its choices; enter applies them all at once.
type picker struct {
	view  int
	base  views.View // the view being edited: what the picker does not touch stays
	rows  [pickRowCount]pickRow
	focus int
	err   string
	keys  pickerKeys
	dir   *api.Directory
}

const (
	rowPipeline = iota
	rowStage
	rowResponsible
	rowState
	pickRowCount
)

type pickRow struct {
	label   string
	options []option
	chosen  int
}

// option is one choice: what the row shows, and the text it puts in the
// view (an ID, "me", "won"; "" for any).
type option struct{ label, value string }

func (r *pickRow) value() string { return r.options[r.chosen].value }

// choose selects the option whose value is value (IDs and names alike,
// any case); an unknown value is kept as a choice of its own.
func (r *pickRow) choose(value string, names func(option) []string) {
	value = strings.TrimSpace(value)
	r.chosen = 0
	if value == "" {
		return
	}
	for i, o := range r.options {
		for _, n := range append(names(o), o.value) {
			if strings.EqualFold(n, value) {
				r.chosen = i
				return
			}
		}
	}
	r.options = append(r.options, option{label: sanitize.Line(value) + " (unknown)", value: value})
	r.chosen = len(r.options) - 1
}

func labelOf(o option) []string { return []string{o.label} }

// openPicker starts editing the view on screen.
func (p *Page) openPicker() {
	v := p.views[p.active]
	var dir *api.Directory
	if p.c.Names != nil {
		dir = p.c.Names.Dir
	}
	pk := &picker{view: p.active, base: v.def, keys: newPickerKeys(), dir: dir}
	pk.rows[rowPipeline] = pickRow{label: "Pipeline", options: pipelineOptions(dir)}
	pk.rows[rowPipeline].choose(v.def.Pipeline, labelOf)
	pk.rows[rowStage] = pickRow{label: "Stage"}
	pk.syncStages(v.def.Stage)
	pk.rows[rowResponsible] = pickRow{label: "Responsible", options: userOptions(dir)}
	pk.rows[rowResponsible].choose(responsibleValue(v.def.Responsible), labelOf)
	pk.rows[rowState] = pickRow{label: "State", options: []option{
		{"any", ""}, {"open", "open"}, {"won", "won"}, {"lost", "lost"}}}
	pk.rows[rowState].choose(stateValue(v.def.State), labelOf)
	p.picker = pk
}

func pipelineOptions(dir *api.Directory) []option {
	opts := []option{{"any", ""}}
	if dir == nil {
		return opts
	}
	for _, pl := range dir.Pipelines {
		opts = append(opts, option{sanitize.Line(pl.Name), strconv.FormatInt(pl.ID, 10)})
	}
	return opts
}

// syncStages offers the chosen pipeline's stages, or won and lost in any
// pipeline when none is chosen; want is kept when it is among them.
func (pk *picker) syncStages(want string) {
	opts := []option{{"any", ""}}
	if pid, ok := parseID(pk.rows[rowPipeline].value()); ok && pk.dir != nil {
		for _, pl := range pk.dir.Pipelines {
			if pl.ID != pid {
				continue
			}
			for _, s := range pl.Statuses {
				opts = append(opts, option{sanitize.Line(s.Name), strconv.FormatInt(s.ID, 10)})
			}
		}
	} else {
		opts = append(opts, option{"won", "won"}, option{"lost", "lost"})
	}
	r := &pk.rows[rowStage]
	r.options = opts
	r.choose(want, func(o option) []string {
		switch o.value {
		case strconv.FormatInt(api.StatusWon, 10):
			return []string{o.label, "won"}
		case strconv.FormatInt(api.StatusLost, 10):
			return []string{o.label, "lost"}
		}
		return []string{o.label}
	})
}

func userOptions(dir *api.Directory) []option {
	opts := []option{{"anyone", ""}, {"me", "me"}}
	if dir == nil {
		return opts
	}
	for _, u := range dir.Users {
		opts = append(opts, option{sanitize.Line(u.Name), strconv.FormatInt(u.ID, 10)})
	}
	return opts
}

func responsibleValue(who string) string {
	switch strings.ToLower(strings.TrimSpace(who)) {
	case "anyone", "any", "all":
		return ""
	}
	return strings.TrimPrefix(strings.TrimSpace(who), "#")
}

func stateValue(s views.State) string {
	if s == views.AnyState {
		return ""
	}
	return s.String()
}

// move changes the focused row's choice by delta, wrapping around.
func (pk *picker) move(delta int) {
	r := &pk.rows[pk.focus]
	n := len(r.options)
	r.chosen = ((r.chosen+delta)%n + n) % n
	if pk.focus == rowPipeline {
		pk.syncStages("")
	}
	pk.err = ""
}

// clear sets every row to any.
func (pk *picker) clear() {
	for i := range pk.rows {
		pk.rows[i].chosen = 0
	}
	pk.syncStages("")
	pk.err = ""
}

// edited is the view with the picker's choices.
func (pk *picker) edited() views.View {
	def := pk.base
	def.Pipeline = pk.rows[rowPipeline].value()
	def.Stage = pk.rows[rowStage].value()
	def.Responsible = pk.rows[rowResponsible].value()
	switch pk.rows[rowState].value() {
	case "open":
		def.State = views.Open
	case "won":
		def.State = views.Won
	case "lost":
		def.State = views.Lost
	default:
		def.State = views.AnyState
	}
	return def
}

// applyPicker checks the choices and, when they make a list, starts it
// over; a contradiction (a won stage with open leads) stays to be fixed.
func (p *Page) applyPicker() {
	pk := p.picker
	def := pk.edited()
	if _, err := def.Resolve(accountOf(p.c), p.c.Now(), p.c.Loc()); err != nil {
		pk.err = sanitize.Line(err.Error())
		return
	}
	p.picker = nil
	v := p.viewAt(pk.view)
	if v == nil || sameFilters(v.def, def) {
		return
	}
	v.def = def
	v.reset()
}

func sameFilters(a, b views.View) bool {
	return a.Pipeline == b.Pipeline && a.Stage == b.Stage && a.Responsible == b.Responsible && a.State == b.State
}

// also lists what the view narrows by that the picker does not edit.
func (pk *picker) also() []string {
	var parts []string
	if pk.base.UpdatedToday {
		parts = append(parts, "updated today")
	}
	if pk.base.TaskOverdue {
		parts = append(parts, "task overdue")
	}
	if len(pk.base.Tags) > 0 {
		parts = append(parts, "tagged "+sanitize.Line(strings.Join(pk.base.Tags, ", ")))
	}
	return parts
}

// render draws the picker in the table's place.
func (pk *picker) render(c *common.Context, width, height int) []string {
	st := c.Styles
	labelWidth := 12
	lines := []string{"", "  " + st.Heading.Render("Filters of “"+sanitize.Line(strings.TrimSpace(pk.base.Name))+"”"), ""}
	for i, r := range pk.rows {
		mark := "  "
		label := st.Label
		if i == pk.focus {
			mark, label = st.Marker.Render("▸ "), st.Heading
			if st.Plain {
				mark = "> "
			}
		}
		choice := st.Value.Render(r.options[r.chosen].label)
		if len(r.options) > 1 {
			choice = st.Muted.Render("‹ ") + choice + st.Muted.Render(" ›")
		}
		lines = append(lines, "  "+mark+label.Render(common.PadRight(r.label, labelWidth))+choice)
	}
	if also := pk.also(); len(also) > 0 {
		lines = append(lines, "", "    "+st.Muted.Render("Also: "+strings.Join(also, " · ")))
	}
	if pk.err != "" {
		lines = append(lines, "")
		for _, l := range common.Wrap("✗ "+pk.err, max(1, width-4)) {
			lines = append(lines, "    "+st.Error.Render(l))
		}
	}
	lines = append(lines, "", "    "+st.Muted.Render("←/→ change · ↑/↓ row · enter apply · x any · esc cancel"))
	for i := range lines {
		lines[i] = common.Truncate(lines[i], width)
	}
	return common.FillLines(lines, height)
}
