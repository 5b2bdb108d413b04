// Package tui is leadscope's lead browser: a root Bubble Tea model that
// routes between pages (the lead, later lists and related records), with a
// find box, a status line and help around them. Pages live in their own
// packages and share one context (tui/common).
package tui

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/cache"
	"github.com/leadscope/leadscope/theme"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/leadpage"
	"github.com/leadscope/leadscope/tui/leadspage"
	"github.com/leadscope/leadscope/tui/recordpage"
	"github.com/leadscope/leadscope/tui/sanitize"
	"github.com/leadscope/leadscope/tui/views"
)

// Options configures the lead browser.
type Options struct {
	Client      *api.Client        // nil => the not-logged-in screen
	Demo        bool               // shows a "demo" badge in the header
	Account     string             // header label until /account arrives (e.g. the host)
	InitialLead int64              // 0 => start on the leads list
	Renderer    *lipgloss.Renderer // nil => lipgloss.DefaultRenderer()
	Theme       string             // "auto" | "dark" | "light"
	// Location shows timestamps in a fixed zone (--tz local or ZONE); nil
	// shows them in the account's zone once it is known, as Kommo's web
	// card does (the machine's zone until then).
	Location  *time.Location
	Now       func() time.Time // nil => time.Now
	Mouse     bool             // wheel scrolling; off by default so terminal selection works
	LoginHint string           // shown on the not-logged-in screen (e.g. the start-up auth error)
	// AccountData serves the account's names: the account cache when there
	// is one (no request at start). nil fetches them from Kommo every run.
	AccountData *cache.Source
	// Warnings are said in the status line at start (a cache that could not
	// be used, a rate limit not shared with other processes).
	Warnings []string
	// Views are config.json's lead list views, shown as tabs after the
	// built-in ones (views.All).
	Views []views.View
}

type focusArea int

const (
	focusInput focusArea = iota
	focusContent
)

// Model is the lead browser. It implements tea.Model.
type Model struct {
	opts Options
	c    *common.Context
	stop context.CancelFunc

	keys     keyMap
	help     help.Model
	input    findInput
	spin     spinner.Model
	status   common.StatusLine // the root's own messages; pages have theirs
	focus    focusArea
	showHelp bool

	width, height int

	hist     history
	nextPage common.PageID
	opening  *opening // a page being fetched before it is shown
	leads    *leadpage.Cache
	records  *recordpage.Cache // contacts, companies and list elements
	// listPage is the leads list's page, while it is in history; a lead
	// given at start is opened over it before it is ever shown.
	listPage  common.PageID
	listShown bool

	dirSource          *cache.Source
	snap               cache.Snapshot // the account data in use
	dirLoading         bool
	revalidateWhenIdle bool
	spinning           bool // a tick chain is running

	frame frame

	// Side doors, replaced in tests: where OSC 52 goes and how a URL opens.
	clipboard io.Writer
	open      func(string) error

	startCmds []tea.Cmd
}

// New builds the model; Run is the usual way to start it.
func New(opts Options) Model {
	return newModel(context.Background(), opts)
}

func newModel(ctx context.Context, opts Options) Model {
	r := opts.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	if mode, err := theme.ParseMode(opts.Theme); err == nil {
		mode.Apply(r)
	}
	// Ask the terminal for its background now: once Bubble Tea reads the
	// keyboard, the terminal's answer would arrive as keystrokes.
	r.HasDarkBackground()
	if opts.Now == nil {
		opts.Now = time.Now
	}
	st := theme.New(r)
	ctx, stop := context.WithCancel(ctx)
	c := &common.Context{
		Client:   opts.Client,
		Styles:   st,
		Now:      opts.Now,
		Demo:     opts.Demo,
		Mouse:    opts.Mouse,
		Lifetime: ctx,
		Fade:     statusFadeAfter,
		Debounce: leadspage.Debounce,
	}
	c.Zone = zoneFor(opts.Location, nil)
	m := Model{
		opts:  opts,
		c:     c,
		stop:  stop,
		keys:  newKeyMap(),
		help:  newHelp(st),
		input: newFindInput(st),
		spin:  spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(st.Spinner)),
		hist:  newHistory(),
		leads: leadpage.NewCache(),
		open:  openURL,
		focus: focusInput,
	}
	m.records = recordpage.NewCache()
	// Until the terminal tells its size (it never does when the output is
	// not a terminal), lay out for the classic one.
	m.resize(80, 24)
	if m.c.Client == nil {
		return m
	}
	m.dirSource = opts.AccountData
	if m.dirSource == nil {
		m.dirSource = cache.NewSource(c.Client, nil)
	}
	// The account data first: from the cache the list can resolve its
	// views at once, else it is loading when the list first looks.
	m.startCmds = append(m.startCmds, m.startDirectory())
	if len(opts.Warnings) > 0 {
		m.startCmds = append(m.startCmds, m.say(common.StatusWarn, sanitize.Line(strings.Join(opts.Warnings, "; "))))
	}
	list := m.newListPage()
	if opts.InitialLead > 0 {
		// The list waits below the lead, unshown: the lead's requests go first.
		m.hist.push(list)
		m.startCmds = append(m.startCmds, m.openTarget(common.Target{Kind: common.TargetLead, ID: opts.InitialLead}, false))
	} else {
		m.startCmds = append(m.startCmds, m.pushPage(list))
	}
	m.focus = focusContent
	m.startCmds = append(m.startCmds, m.keepSpinning())
	m.relayout()
	return m
}

// statusFadeAfter is how long info messages stay.
const statusFadeAfter = 4 * time.Second

func newHelp(st theme.Styles) help.Model {
	h := help.New()
	h.ShortSeparator = " · "
	h.Styles = help.Styles{
		Ellipsis:       st.HelpSep,
		ShortKey:       st.HelpKey,
		ShortDesc:      st.HelpDesc,
		ShortSeparator: st.HelpSep,
		FullKey:        st.HelpKey,
		FullDesc:       st.HelpDesc,
		FullSeparator:  st.HelpSep,
	}
	return h
}

// Init starts the account data and the initial lookup, if any.
func (m Model) Init() tea.Cmd {
	return tea.Batch(m.startCmds...)
}

func (m *Model) newPageID() common.PageID {
	m.nextPage++
	return m.nextPage
}

// loading is true while anything the user waits for is in flight.
func (m *Model) loading() bool {
	if m.opening != nil || m.dirLoading {
		return true
	}
	p := m.hist.current()
	return p != nil && p.Busy() != ""
}

// shutdown cancels whatever is in flight.
func (m *Model) shutdown() {
	m.cancelOpening()
	for _, p := range m.hist.pages {
		p.Close()
	}
	m.stop()
}
