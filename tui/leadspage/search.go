package leadspage

import (
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
)

// Debounce is the pause after the last keystroke before a search starts
// (common.Context.Debounce): typing a word sends one request, not one per
// letter.
const Debounce = 250 * time.Millisecond

// onQuery takes the find box's text. A lead ID or URL is the root's to
// open, never searched; other text is searched once typing pauses, or at
// once on enter.
func (p *Page) onQuery(msg common.QueryMsg) tea.Cmd {
	vi := p.active
	v := p.views[vi]
	v.debounce++ // whatever was pending is superseded
	if isLeadRef(msg.Text) {
		v.text = v.applied
		return nil
	}
	v.text = msg.Text
	if msg.Submitted {
		return p.search(vi, true)
	}
	if sameSearch(v.text, v.applied) {
		return nil
	}
	if p.c.Debounce <= 0 {
		return p.search(vi, false)
	}
	tick := debounceMsg{page: p.id, view: vi, seq: v.debounce}
	return tea.Tick(p.c.Debounce, func(time.Time) tea.Msg { return tick })
}

// onDebounce starts the search the newest keystroke asked for.
func (p *Page) onDebounce(msg debounceMsg) tea.Cmd {
	v := p.viewAt(msg.view)
	if v == nil || v.debounce != msg.seq {
		return nil
	}
	return p.search(msg.view, false)
}

// search shows the view's rows for its text: a new search starts over
// (what was in flight for the old one is cancelled); enter on the same
// text retries a failed search and otherwise changes nothing.
func (p *Page) search(vi int, submitted bool) tea.Cmd {
	v := p.views[vi]
	if sameSearch(v.text, v.applied) && !(submitted && v.list.err != nil) {
		return nil
	}
	v.applied = strings.TrimSpace(v.text)
	v.reset()
	if vi != p.active {
		return nil
	}
	return p.ensure()
}

func sameSearch(a, b string) bool { return strings.TrimSpace(a) == strings.TrimSpace(b) }

// isLeadRef: text the find box opens as a lead rather than searches for.
func isLeadRef(text string) bool {
	_, err := api.ParseLeadRef(strings.TrimSpace(text))
	return err == nil
}
