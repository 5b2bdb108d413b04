package leadpage

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/tui/story"
)

// storyPage is the page's own side of its lead's story: the feed's filter
// and the story requests it has in flight.
type storyPage struct {
	filter story.Filter
	drawn  int // counts filter changes, so the Feed tab is drawn anew
	seq    uint64
	flight *storyFlight
	// onScreen is true between Activate and Deactivate: answers still
	// reach a page in history, and must not make it fetch.
	onScreen bool
	// noPrefetch leaves the story to load when its tabs open (tests of
	// that path).
	noPrefetch bool
}

// filterKey cycles the feed's filter: all, notes, events, calls and
// messages. f clashes with nothing: digits go to the find box.
var filterKey = key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "filter feed"))

// settle brings the page up to date after a change: it lays the page out,
// sends what the story tab on screen now needs, and lays it out again for
// what that changed.
func (p *Page) settle() tea.Cmd {
	layout := p.relayout()
	fetch := p.storyCmds()
	return tea.Batch(layout, fetch, p.relayout())
}

// onStoryKey handles the Feed tab's keys; false when msg is none of them.
func (p *Page) onStoryKey(msg tea.KeyMsg) bool {
	if p.active != tabFeed || p.expanded || !key.Matches(msg, filterKey) {
		return false
	}
	p.story.filter = p.story.filter.Next()
	p.story.drawn++
	p.tabs[tabFeed].view.Scroll().Top()
	return true
}

// storyHelp is the Feed tab's keys, while it is on screen.
func (p *Page) storyHelp() []key.Binding {
	if p.active != tabFeed || p.expanded {
		return nil
	}
	return []key.Binding{filterKey}
}

// withStoryHelp adds the Feed tab's keys to the help screen's columns
// while it is on screen.
func (p *Page) withStoryHelp(columns [][]key.Binding) [][]key.Binding {
	if keys := p.storyHelp(); len(keys) > 0 {
		return append(columns, keys)
	}
	return columns
}

// storyBusy says what the story tab on screen is loading, "" for nothing.
func (p *Page) storyBusy() string {
	s := p.data.story
	if s == nil || p.expanded {
		return ""
	}
	switch p.active {
	case tabFeed:
		switch {
		case s.notes.state == sourcePending || s.events.state == sourcePending:
			if s.notes.pages == 0 || s.events.pages == 0 {
				return "Loading the feed…"
			}
			return "Loading older entries…"
		case p.cache.story.fields.state == partPending:
			return "Loading field names…"
		}
	case tabTasks:
		if s.tasks.state == partPending {
			return "Loading tasks…"
		}
	}
	return ""
}

// storyTabItems counts what the Feed tab (notes and events loaded) or the
// Tasks tab holds; -1 before they are known.
func storyTabItems(d *Data, t tabKind) int {
	s := d.story
	switch {
	case s == nil:
		return -1
	case t == tabTasks:
		if s.tasks.state != partLoaded {
			return -1
		}
		return len(s.tasks.items)
	case !s.firstPagesIn():
		return -1
	}
	return s.loaded()
}

// storyTabLoading reports whether the tab's first answer is on its way.
func storyTabLoading(d *Data, t tabKind) bool {
	s := d.story
	switch {
	case s == nil:
		return false
	case t == tabTasks:
		return s.tasks.state == partPending && !s.quiet[reqTasks]
	}
	return (s.notes.state == sourcePending && !s.quiet[reqNotes]) || (s.events.state == sourcePending && !s.quiet[reqEvents])
}

// tabMore reports whether the server has more of what the tab counts.
func tabMore(d *Data, t tabKind) bool {
	return t == tabFeed && d != nil && d.story != nil && d.story.loaded() > 0 && d.story.hasMore()
}
