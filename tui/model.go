// Package tui is leadscope's lead browser: a Bubble Tea model with an ID
// input, a lead summary and tabs, driving fetch commands against api.
package tui

import (
	"context"
	"io"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/theme"
)

// Options configures the lead browser.
type Options struct {
	Client      *api.Client        // nil => the not-logged-in screen
	Demo        bool               // shows a "demo" badge in the header
	Account     string             // header label until /account arrives (e.g. the host)
	InitialLead int64              // 0 => start at the ID input
	Renderer    *lipgloss.Renderer // nil => lipgloss.DefaultRenderer()
	Theme       string             // "auto" | "dark" | "light"
	Location    *time.Location     // nil => time.Local
	Now         func() time.Time   // nil => time.Now
	Mouse       bool               // wheel scrolling; off by default so terminal selection works
	LoginHint   string             // shown on the not-logged-in screen (e.g. the start-up auth error)
}

type focusArea int

const (
	focusInput focusArea = iota
	focusContent
)

// Model is the lead browser. It implements tea.Model.
type Model struct {
	opts   Options
	client *api.Client
	sh     *shared
	ctx    context.Context // ends when the program does; every fetch derives from it
	stop   context.CancelFunc

	keys     keyMap
	help     help.Model
	input    idInput
	spin     spinner.Model
	status   status
	focus    focusArea
	showHelp bool

	width, height int

	namesVersion int
	dirLoading   bool

	cache   map[int64]*leadData
	current *leadData
	hist    history
	active  tabKind
	panes   [tabCount]pane

	seq    uint64
	flight *flight

	summary summaryCache
	frame   frame

	// Side doors, replaced in tests: where OSC 52 goes and how a URL opens.
	clipboard io.Writer
	open      func(string) error
	fade      time.Duration // how long info messages stay; 0 = until replaced

	startCmds []tea.Cmd
}

// flight is the lookup in progress.
type flight struct {
	seq     uint64
	id      int64
	cancel  context.CancelFunc
	entry   *leadData        // nil until the lead itself has arrived
	pending map[partKey]bool // parts asked for and not yet answered
	histPos int              // where in history the lead goes; -1 = a new visit
	refresh bool
	typed   bool     // the lead was typed into the input, not refreshed or revisited
	failed  []string // parts that failed, for the status line
}

// partKey names one request of a lookup: a kind, and for catalog elements
// the catalog.
type partKey struct {
	kind      tabKind
	catalogID int64
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
	if opts.Location == nil {
		opts.Location = time.Local
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	st := theme.New(r)
	ctx, stop := context.WithCancel(ctx)
	m := Model{
		opts:   opts,
		client: opts.Client,
		sh:     &shared{st: st, loc: opts.Location, now: opts.Now},
		ctx:    ctx,
		stop:   stop,
		keys:   newKeyMap(),
		help:   newHelp(st),
		input:  newIDInput(st),
		spin:   spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(st.Spinner)),
		cache:  map[int64]*leadData{},
		hist:   newHistory(),
		open:   openURL,
		fade:   statusFadeAfter,
		focus:  focusInput,
	}
	for i := range m.panes {
		m.panes[i] = newPane()
	}
	// Until the terminal tells its size (it never does when the output is
	// not a terminal), lay out for the classic one.
	m.resize(80, 24)
	if m.client == nil {
		m.relayout()
		return m
	}
	m.dirLoading = true
	m.startCmds = append(m.startCmds, loadDirectory(ctx, m.client))
	if opts.InitialLead > 0 {
		m.focus = focusContent
		m.startCmds = append(m.startCmds, m.lookup(opts.InitialLead, false, -1))
	} else {
		m.input.focus()
	}
	m.startCmds = append(m.startCmds, m.spin.Tick)
	m.relayout()
	return m
}

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

// Init starts the directory prefetch and the initial lookup, if any.
func (m Model) Init() tea.Cmd {
	return tea.Batch(m.startCmds...)
}

// loading is true while anything the user waits for is in flight.
func (m *Model) loading() bool {
	return m.flight != nil || m.dirLoading
}

// syncKeys enables exactly the bindings that work now.
func (m *Model) syncKeys() {
	m.keys.setEnabled(keyState{
		inputFocused: m.focus == focusInput,
		hasLead:      m.current != nil,
		canBack:      m.hist.canBack(),
		canForward:   m.hist.canForward(),
		loggedOut:    m.client == nil,
		helpOpen:     m.showHelp,
	})
}

// shutdown cancels whatever is in flight.
func (m *Model) shutdown() {
	m.flight = nil
	m.stop()
}
