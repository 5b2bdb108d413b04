package leadpage

import (
	"context"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/story"
)

// storyReq is one kind of story request.
type storyReq int

const (
	reqNotes storyReq = iota
	reqEvents
	reqTasks
	reqFieldDefs
)

// storyFlight is what the page has asked for of its lead's story: the
// requests share one context, cancelled when the page leaves the screen.
type storyFlight struct {
	gen     uint64 // answers of earlier flights are dropped
	data    *Data  // the lead the requests are for
	ctx     context.Context
	cancel  context.CancelFunc
	pending map[storyReq]bool
	// failed are the flight's errors, said on the status line once
	// nothing is pending (until then it says what is loading).
	failed []string
}

// storyMsg answers one story request.
type storyMsg struct {
	page   common.PageID
	gen    uint64
	req    storyReq
	notes  *api.NotePage
	events *api.EventPage
	tasks  *api.TaskList
	defs   *api.FieldDefs
	err    error
}

func (m storyMsg) ForPage() common.PageID { return m.page }

// feedLookahead is how many entries below the screen the feed keeps loaded
// before it asks for older pages: the next screenful is there when the
// user gets to it.
const feedLookahead = 20

// storyCmds sends what the tab on screen needs of the story: the first
// pages of notes and events, older pages as the feed nears its end, the
// field definitions when an event names a field nothing else can, or the
// tasks. Nothing is sent for tabs off screen.
func (p *Page) storyCmds() tea.Cmd {
	if sp := &p.story; sp.flight != nil && sp.flight.data != p.data {
		p.cancelStory() // the lead was refreshed: its story starts anew
	}
	if !p.story.onScreen || p.expanded || p.height <= 0 {
		return nil
	}
	switch p.active {
	case tabFeed:
		return p.feedCmds()
	case tabTasks:
		s := p.cache.storyFor(p.data)
		if s.tasks.state != partNone {
			return nil
		}
		s.tasks.state = partPending
		return p.sendStory(reqTasks, 0)
	}
	return nil
}

func (p *Page) feedCmds() tea.Cmd {
	s := p.cache.storyFor(p.data)
	var cmds []tea.Cmd
	if !s.started() {
		cmds = append(cmds, p.sendPage(reqNotes, &s.notes), p.sendPage(reqEvents, &s.events))
	} else if p.feedNearEnd() {
		sources := s.sources(p.story.filter)
		if i := nextSource(sources...); i >= 0 && sources[i].state == sourceIdle {
			req := reqNotes
			if sources[i] == &s.events {
				req = reqEvents
			}
			cmds = append(cmds, p.sendPage(req, sources[i]))
		}
	}
	if s.needsFieldDefs && p.cache.story.fields.state == partNone {
		p.cache.story.fields.state = partPending
		cmds = append(cmds, p.sendStory(reqFieldDefs, 0))
	}
	return tea.Batch(cmds...)
}

// feedNearEnd reports whether the feed's last shown entry is close enough
// to the screen that older ones should be on their way.
func (p *Page) feedNearEnd() bool {
	v := p.tabs[tabFeed].view.scroll
	_, last := v.Visible()
	return last >= v.Len()-1-max(feedLookahead, v.Height())
}

// sendPage asks for the next page of one stream.
func (p *Page) sendPage(req storyReq, src *feedSource) tea.Cmd {
	src.state = sourcePending
	return p.sendStory(req, src.pages+1)
}

// sendStory starts one request under the page's story flight.
func (p *Page) sendStory(req storyReq, pageNum int) tea.Cmd {
	f := p.storyFlight()
	f.pending[req] = true
	p.data.version++
	ctx, client, page, gen, leadID := f.ctx, p.c.Client, p.id, f.gen, p.data.ID
	return func() tea.Msg {
		m := storyMsg{page: page, gen: gen, req: req}
		switch req {
		case reqNotes:
			m.notes, m.err = client.LeadNotes(ctx, leadID, pageNum)
		case reqEvents:
			m.events, m.err = client.LeadEvents(ctx, leadID, pageNum)
		case reqTasks:
			m.tasks, m.err = client.LeadTasks(ctx, leadID)
		case reqFieldDefs:
			m.defs, m.err = client.LoadFieldDefs(ctx, api.EntityLeads)
		}
		return m
	}
}

// storyFlight is the flight requests join, started when there is none.
func (p *Page) storyFlight() *storyFlight {
	sp := &p.story
	if sp.flight == nil {
		sp.gen++
		ctx, cancel := context.WithCancel(p.c.Lifetime)
		sp.flight = &storyFlight{gen: sp.gen, data: p.data, ctx: ctx, cancel: cancel, pending: map[storyReq]bool{}}
	}
	return sp.flight
}

// cancelStory stops the page's story requests; what they were fetching is
// asked for again the next time its tab is on screen.
func (p *Page) cancelStory() {
	f := p.story.flight
	if f == nil {
		return
	}
	f.cancel()
	p.story.flight = nil
	d := f.data
	if s := d.story; s != nil {
		for req := range f.pending {
			switch req {
			case reqNotes:
				s.notes.state = sourceIdle
			case reqEvents:
				s.events.state = sourceIdle
			case reqTasks:
				s.tasks.state = partNone
			}
		}
	}
	if f.pending[reqFieldDefs] {
		p.cache.story.fields.state = partNone
	}
	d.version++
}

// retryStory lets failed story requests be sent again: on a new visit, as
// failed parts are.
func (p *Page) retryStory() {
	s := p.data.story
	if s == nil {
		return
	}
	for _, src := range []*feedSource{&s.notes, &s.events} {
		if src.state == sourceFailed {
			src.state, src.err = sourceIdle, nil
		}
	}
	if s.tasks.state == partFailed {
		s.tasks.state = partNone
	}
}

// onStory takes an answer of the current flight; others are dropped.
func (p *Page) onStory(msg storyMsg) tea.Cmd {
	f := p.story.flight
	if f == nil || msg.gen != f.gen || !f.pending[msg.req] {
		return nil
	}
	delete(f.pending, msg.req)
	d := f.data
	d.version++
	p.takeStory(d, msg)
	if len(f.pending) > 0 {
		return nil
	}
	f.cancel()
	p.story.flight = nil
	if len(f.failed) > 0 {
		return p.say(common.StatusError, strings.Join(f.failed, "; "))
	}
	return nil
}

// takeStory puts one answer into the lead's story.
func (p *Page) takeStory(d *Data, msg storyMsg) {
	if msg.req == reqFieldDefs {
		p.onFieldDefs(msg)
		return
	}
	s := d.story
	if s == nil {
		return // dropped meanwhile for other leads' stories
	}
	if msg.err != nil {
		f := p.story.flight
		f.failed = append(f.failed, storyFailed(s, msg))
		return
	}
	switch msg.req {
	case reqNotes, reqEvents:
		fm, key := storyFormatter(p.c, d, p.cache.fieldDefs())
		s.word(key, fm)
		if msg.req == reqNotes {
			s.addNotes(msg.notes, fm)
		} else {
			s.addEvents(msg.events, fm)
			s.needsFieldDefs = s.needsFieldDefs || len(storyNames(p.c, d, p.cache.fieldDefs()).UnnamedFields(msg.events.Events)) > 0
		}
	case reqTasks:
		s.setTasks(msg.tasks, nil)
	}
}

// storyFailed records a failed request in the story and words it.
func storyFailed(s *storyData, msg storyMsg) string {
	what := "tasks"
	switch msg.req {
	case reqNotes:
		s.notes.state, s.notes.err, what = sourceFailed, msg.err, "notes"
	case reqEvents:
		s.events.state, s.events.err, what = sourceFailed, msg.err, "events"
	case reqTasks:
		s.setTasks(nil, msg.err)
	}
	return "Could not load " + what + ": " + common.ErrorText(msg.err)
}

// onFieldDefs keeps the definitions for every lead page; a failure leaves
// fields named by their IDs (the feed says why), and is not asked again
// this run.
func (p *Page) onFieldDefs(msg storyMsg) {
	sc := &p.cache.story
	if msg.err != nil {
		sc.fields.settle(nil, msg.err)
		return
	}
	sc.fields.settle([]*api.FieldDefs{msg.defs}, nil)
	p.cache.storiesChanged()
}

// storyNames answers the story's names from what the app has loaded: the
// account, the field definitions, the lead's own field values and its
// resolved contacts and companies.
func storyNames(c *common.Context, d *Data, defs *api.FieldDefs) story.DirectoryNames {
	n := story.DirectoryNames{
		Fields:  defs,
		Lead:    d.Lead,
		Related: &api.Related{Contacts: d.contacts.items, Companies: d.companies.items},
	}
	if c.Names != nil {
		n.Dir = c.Names.Dir
	}
	return n
}

// storyFormatter words the story in the account's zone, with what names
// it now, and says what that is.
func storyFormatter(c *common.Context, d *Data, defs *api.FieldDefs) (*story.Formatter, wordKey) {
	key := wordKey{
		namesVersion: c.NamesVersion, defs: defs, loc: c.Loc(),
		related: [2]int{len(d.contacts.items), len(d.companies.items)},
	}
	return story.New(storyNames(c, d, defs), c.Loc(), c.Now()), key
}
