package leadpage

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/story"
)

// feedTab shows the lead's notes and events merged newest first, as far as
// the loaded pages allow (see story_merge.go), under a head with the
// filter, the counts, the path through the stages and what is missing.
func (p *Page) feedTab() tabContent {
	c, d, width := p.c, p.data, p.width
	s := d.story
	if s == nil || !s.started() {
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "Loading the feed…", width)}
	}
	fm, key := storyFormatter(c, d, p.cache.fieldDefs())
	s.word(key, fm)
	filter := p.story.filter
	shown, held := showable(s.entries(), filter, cutFor(s.sources(filter)...))
	head := []string{filterLine(c, filter, feedCount(len(shown), held, s.hasMore()), width)}
	head = append(head, stagePathLines(c, fm, d, s, width, pathLines(p.height))...)
	head = append(head, feedNotices(c, s, p.cache.story.fields, width)...)
	if len(shown) == 0 {
		return tabContent{head: head, body: common.WrappedLines(c.Styles.Muted, emptyFeedText(s, filter), width)}
	}
	return tabContent{head: head, body: feedItems{c: c, entries: shown}}
}

// feedCount says how many entries are shown, how many are loaded (some
// wait for older pages of the other stream), and whether the server has
// more.
func feedCount(shown, held int, more bool) string {
	if held == 0 && !more {
		return plural(shown, "entry", "entries")
	}
	text := strconv.Itoa(shown) + " shown · " + strconv.Itoa(shown+held) + " loaded"
	if more {
		text += " · more"
	}
	return text
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// filterLine lists the filters with the one in use marked, and the counts
// at the right.
func filterLine(c *common.Context, active story.Filter, count string, width int) string {
	st := c.Styles
	parts := make([]string, 0, len(story.Filters()))
	for _, f := range story.Filters() {
		name := filterTitle(f)
		switch {
		case f == active && st.Plain:
			parts = append(parts, "["+name+"]")
		case f == active:
			parts = append(parts, st.TabActive.Render(name))
		default:
			parts = append(parts, st.Muted.Render(name))
		}
	}
	left := strings.Join(parts, " ") + "  " + st.HelpKey.Render("f")
	right := st.Muted.Render(count)
	if lipgloss.Width(left)+2+lipgloss.Width(right) > width {
		return common.Truncate(left, width)
	}
	return common.Spread(left, right, width)
}

func filterTitle(f story.Filter) string {
	switch f {
	case story.FilterNotes:
		return "Notes"
	case story.FilterEvents:
		return "Events"
	case story.FilterComms:
		return "Calls & messages"
	}
	return "All"
}

// pathLines is how many lines the stage path may take in the head: two
// where the page is tall enough to spare them.
func pathLines(height int) int {
	if height < 30 {
		return 1
	}
	return 2
}

// stagePathLines is the lead's path through the stages with the time in
// each, from the loaded stage changes; when it does not fit, its oldest
// stays give way, since the newest say where the lead is.
func stagePathLines(c *common.Context, fm *story.Formatter, d *Data, s *storyData, width, maxLines int) []string {
	st := c.Styles
	label := st.Label.Render("Stages") + "  "
	if s.events.pages == 0 {
		if s.events.state == sourcePending {
			return []string{common.Truncate(label+st.Muted.Render("…"), width)}
		}
		return nil
	}
	h := fm.History(d.Lead, s.eventItems, s.eventsComplete())
	path := h.Path()
	if path == "" {
		return nil
	}
	note := ""
	switch {
	case h.Partial && s.events.holdsBack():
		note = " (so far: older events are not loaded yet)"
	case h.Partial:
		note = " (partial: the events do not tell the whole path)"
	}
	room := max(1, width-lipgloss.Width(label))
	steps := strings.Split(path, " → ")
	from := 0
	shown := func() string {
		if from == 0 {
			return path + note
		}
		return "… → " + strings.Join(steps[from:], " → ") + note
	}
	for from < len(steps)-1 && len(common.Wrap(shown(), room)) > maxLines {
		from++
	}
	lines := common.Wrap(shown(), room)
	if len(lines) > maxLines {
		lines = append(lines[:maxLines-1:maxLines-1], common.Truncate(strings.Join(lines[maxLines-1:], " "), room))
	}
	out := make([]string, len(lines))
	indent := strings.Repeat(" ", lipgloss.Width(label))
	for i, l := range lines {
		prefix := indent
		if i == 0 {
			prefix = label
		}
		out[i] = common.Truncate(prefix+st.Value.Render(l), width)
	}
	return out
}

// feedNotices say what the feed lacks: a stream that failed, stopped at a
// cap or arrives out of order, field names that could not be loaded.
func feedNotices(c *common.Context, s *storyData, fields part[*api.FieldDefs], width int) []string {
	st := c.Styles
	var out []string
	add := func(style lipgloss.Style, text string) {
		out = append(out, common.StyleLines(common.Wrap(text, width), style)...)
	}
	for _, src := range []struct {
		what string
		s    *feedSource
	}{{"notes", &s.notes}, {"events", &s.events}} {
		switch {
		case src.s.state == sourceFailed:
			add(st.Error, "Could not load "+src.what+": "+common.ErrorText(src.s.err)+" (r retries)")
		case src.s.cut != "":
			add(st.Warning, src.s.cut)
		case !src.s.ordered && src.s.holdsBack():
			add(st.Muted, "Kommo sent the "+src.what+" out of time order: the feed shows them once all are loaded ("+
				plural(src.s.pages, "page", "pages")+" so far).")
		}
	}
	if fields.state == partFailed {
		add(st.Muted, "Field names could not be loaded: "+common.ErrorText(fields.err))
	}
	return out
}

func emptyFeedText(s *storyData, filter story.Filter) string {
	switch {
	case s.hasMore() || s.notes.state == sourcePending || s.events.state == sourcePending:
		return "Loading…"
	case s.loaded() == 0 && s.notes.state != sourceFailed && s.events.state != sourceFailed:
		return "Nothing in this lead's feed yet."
	case filter != story.FilterAll:
		return "No " + strings.ToLower(filterTitle(filter)) + " in this lead's feed."
	}
	return "Nothing to show."
}

// feedItems draws entries: a head line with the time, author and kind
// (and how long ago at the right), then the entry's text indented.
type feedItems struct {
	c       *common.Context
	entries []story.Entry
}

func (f feedItems) Len() int { return len(f.entries) }

const feedIndent = "    "

func (f feedItems) Render(i, width int, _ bool) []string {
	st := f.c.Styles
	e := f.entries[i]
	when := e.When
	if when == "" {
		when = "(no date)"
	}
	head := st.Muted.Render(when) + "  " + st.Value.Render(e.Author) + "  " + kindStyle(f.c, e).Render(e.Kind)
	ago := st.Faint.Render(e.Ago)
	line := common.Truncate(head, width)
	if e.Ago != "" && lipgloss.Width(head)+2+lipgloss.Width(ago) <= width {
		line = common.Spread(head, ago, width)
	}
	out := []string{line}
	textWidth := max(1, width-len(feedIndent))
	if e.Move != nil {
		return append(out, common.Truncate(feedIndent+moveChips(f.c, e.Move), width))
	}
	for _, l := range e.Lines {
		for _, w := range common.Wrap(l, textWidth) {
			out = append(out, feedIndent+st.Value.Render(w))
		}
	}
	return out
}

// kindStyle sets notes, calls and messages, stage moves and other events apart.
func kindStyle(c *common.Context, e story.Entry) lipgloss.Style {
	st := c.Styles
	switch {
	case e.Comm:
		return st.Marker
	case e.Source == story.SourceNote || e.Move != nil:
		return st.Heading
	}
	return st.Value
}

// moveChips draws a stage move as chips in the stages' Kommo colours,
// naming the pipelines when the lead changed pipeline.
func moveChips(c *common.Context, m *story.StageMove) string {
	arrow := c.Styles.Muted.Render(" → ")
	to := stageChip(c, m.To, m.PipelineChanged || !m.FromKnown)
	if !m.FromKnown {
		return c.Styles.Muted.Render("→ ") + to
	}
	return stageChip(c, m.From, m.PipelineChanged) + arrow + to
}

func stageChip(c *common.Context, ref story.StageRef, withPipeline bool) string {
	chip := common.Chip(c.Styles, ref.Name, ref.Color)
	if withPipeline {
		return c.Styles.Muted.Render(ref.Pipeline+" ▸ ") + chip
	}
	return chip
}
