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

// storyFlight is what the page has asked for of its lead's story. Every
// request has its own context, so one sent in the background can be
// cancelled and sent again in the foreground when its tab opens; all of
// them are cancelled when the page leaves the screen.
type storyFlight struct {
	data    *Data // the lead the requests are for
	pending map[storyReq]storyRequest
	// failed are the flight's errors, said on the status line once
	// nothing is pending (until then it says what is loading).
	failed []string
}

// storyRequest is one request in flight.
type storyRequest struct {
	seq        uint64 // its answer carries it; answers to anything else are dropped
	cancel     context.CancelFunc
	background bool
}

// storyMsg answers one story request.
type storyMsg struct {
	page   common.PageID
	seq    uint64
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
// tasks. Once the lead's own requests are done, the feed's first pages
// and the tasks are prefetched in the background (the limiter lets them
// go only when no request a person waits for does), so the summary can
// say how long the lead is in its stage and the tabs open at once.
func (p *Page) storyCmds() tea.Cmd {
	if f := p.story.flight; f != nil && f.data != p.data {
		p.cancelStory() // the lead was refreshed: its story starts anew
	}
	if !p.story.onScreen || p.height <= 0 {
		return nil
	}
	var cmds []tea.Cmd
	if !p.expanded {
		switch p.active {
		case tabFeed:
			cmds = append(cmds, p.feedCmds())
		case tabTasks:
			cmds = append(cmds, p.tasksCmds())
		}
	}
	return tea.Batch(append(cmds, p.prefetchStory())...)
}

func (p *Page) feedCmds() tea.Cmd {
	s := p.cache.storyFor(p.data)
	p.foreground(reqNotes, reqEvents)
	var cmds []tea.Cmd
	for _, first := range []struct {
		req storyReq
		src *feedSource
	}{{reqNotes, &s.notes}, {reqEvents, &s.events}} {
		if first.src.pages == 0 && first.src.state == sourceIdle {
			cmds = append(cmds, p.sendPage(first.req, first.src, false))
		}
	}
	if len(cmds) == 0 && p.feedNearEnd() {
		sources := s.sources(p.story.filter)
		if i := nextSource(sources...); i >= 0 && sources[i].state == sourceIdle {
			req := reqNotes
			if sources[i] == &s.events {
				req = reqEvents
			}
			cmds = append(cmds, p.sendPage(req, sources[i], false))
		}
	}
	if s.needsFieldDefs && p.cache.story.fields.state == partNone {
		p.cache.story.fields.state = partPending
		cmds = append(cmds, p.sendStory(reqFieldDefs, 0, false))
	}
	return tea.Batch(cmds...)
}

func (p *Page) tasksCmds() tea.Cmd {
	s := p.cache.storyFor(p.data)
	p.foreground(reqTasks)
	if s.tasks.state != partNone {
		return nil
	}
	s.tasks.state = partPending
	return p.sendStory(reqTasks, 0, false)
}

// prefetchStory asks in the background for the feed's first pages and the
// tasks once the lead and its parts have arrived.
func (p *Page) prefetchStory() tea.Cmd {
	if p.story.noPrefetch || p.flight != nil || p.data.busy != 0 {
		return nil
	}
	s := p.cache.storyFor(p.data)
	if s.prefetchFailed {
		return nil
	}
	var cmds []tea.Cmd
	if s.notes.pages == 0 && s.notes.state == sourceIdle {
		cmds = append(cmds, p.sendPage(reqNotes, &s.notes, true))
	}
	if s.events.pages == 0 && s.events.state == sourceIdle {
		cmds = append(cmds, p.sendPage(reqEvents, &s.events, true))
	}
	if s.tasks.state == partNone {
		s.tasks.state = partPending
		cmds = append(cmds, p.sendStory(reqTasks, 0, true))
	}
	return tea.Batch(cmds...)
}

// foreground takes back what was asked for in the background: the tab that
// needs it is on screen now, so it is sent again at the front of the queue.
func (p *Page) foreground(reqs ...storyReq) {
	f := p.story.flight
	if f == nil {
		return
	}
	for _, req := range reqs {
		if r, ok := f.pending[req]; ok && r.background {
			r.cancel()
			delete(f.pending, req)
			p.unpend(f.data, req)
		}
	}
}

// feedNearEnd reports whether the feed's last shown entry is close enough
// to the screen that older ones should be on their way.
func (p *Page) feedNearEnd() bool {
	v := p.tabs[tabFeed].view.Scroll()
	_, last := v.Visible()
	return last >= v.Len()-1-max(feedLookahead, v.Height())
}

// sendPage asks for the next page of one stream.
func (p *Page) sendPage(req storyReq, src *feedSource, background bool) tea.Cmd {
	src.state = sourcePending
	return p.sendStory(req, src.pages+1, background)
}

// sendStory starts one request; background ones go when no request a
// person waits for does.
func (p *Page) sendStory(req storyReq, pageNum int, background bool) tea.Cmd {
	sp := &p.story
	if sp.flight == nil {
		sp.flight = &storyFlight{data: p.data, pending: map[storyReq]storyRequest{}}
	}
	sp.seq++
	ctx, cancel := context.WithCancel(p.c.Lifetime)
	if background {
		ctx = api.WithPriority(ctx, api.Background)
	}
	sp.flight.pending[req] = storyRequest{seq: sp.seq, cancel: cancel, background: background}
	if s := p.data.story; s != nil {
		s.quiet[req] = background
	}
	p.data.version++
	client, page, seq, leadID := p.c.Client, p.id, sp.seq, p.data.ID
	return func() tea.Msg {
		m := storyMsg{page: page, seq: seq, req: req}
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

// cancelStory stops the page's story requests; what they were fetching is
// asked for again the next time the page is on screen.
func (p *Page) cancelStory() {
	f := p.story.flight
	if f == nil {
		return
	}
	p.story.flight = nil
	for req, r := range f.pending {
		r.cancel()
		p.unpend(f.data, req)
	}
	f.data.version++
}

// unpend marks what a cancelled request was fetching as not asked for.
func (p *Page) unpend(d *Data, req storyReq) {
	if req == reqFieldDefs {
		p.cache.story.fields.state = partNone
		return
	}
	s := d.story
	if s == nil {
		return
	}
	switch req {
	case reqNotes:
		s.notes.state = sourceIdle
	case reqEvents:
		s.events.state = sourceIdle
	case reqTasks:
		s.tasks.state = partNone
	}
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

// onStory takes the answer of a request in flight; others (cancelled,
// replaced) are dropped.
func (p *Page) onStory(msg storyMsg) tea.Cmd {
	f := p.story.flight
	if f == nil {
		return nil
	}
	r, ok := f.pending[msg.req]
	if !ok || r.seq != msg.seq {
		return nil
	}
	r.cancel()
	delete(f.pending, msg.req)
	d := f.data
	d.version++
	p.takeStory(d, msg, r.background)
	if len(f.pending) > 0 {
		return nil
	}
	p.story.flight = nil
	if len(f.failed) > 0 {
		return p.say(common.StatusError, strings.Join(f.failed, "; "))
	}
	return nil
}

// takeStory puts one answer into the lead's story. A background request
// that failed is not reported, nor prefetched again: its tab asks again,
// in the foreground, when it opens.
func (p *Page) takeStory(d *Data, msg storyMsg, background bool) {
	if msg.req == reqFieldDefs {
		p.onFieldDefs(msg)
		return
	}
	s := d.story
	if s == nil {
		return // dropped meanwhile for other leads' stories
	}
	if msg.err != nil && background {
		s.prefetchFailed = true
		p.unpend(d, msg.req)
		return
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
		sc.fields.settle(nil, msg.err, storyCutNote)
		return
	}
	sc.fields.settle([]*api.FieldDefs{msg.defs}, nil, storyCutNote)
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
