package common

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// PageID names one page for as long as the program runs; answers to a
// page's requests carry it so the root can deliver them even when the page
// is not on screen.
type PageID uint64

// Page is one screen of the browser: the leads list, a lead, a contact...
// The root shows one at a time, keeps the others in its history with their
// state, and routes messages. A page never reaches into another: it asks
// the root to open something with a NavigateMsg.
type Page interface {
	ID() PageID
	// Title names the page in the header and in history.
	Title() string
	// Activate is called each time the page comes on screen; the first
	// time is when it starts fetching what it shows.
	Activate() tea.Cmd
	// Deactivate is called when it leaves the screen but stays in history:
	// it stops fetching what only the screen needed.
	Deactivate()
	// SetSize gives the page its area: width columns by height lines.
	SetSize(width, height int)
	// Update handles keys the root did not take, and the page's own
	// messages. It must never block.
	Update(msg tea.Msg) tea.Cmd
	// View draws exactly the page's height in lines, none wider than its width.
	View() string
	// ShortHelp and FullHelp are the page's enabled key bindings.
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// Position is the footer's scroll position, "" for none.
	Position() string
	// WebURL is the Kommo page o and y act on, "" for none.
	WebURL() string
	// Busy says what the page is loading, "" when it is idle.
	Busy() string
	// Status is the page's last message for the status line.
	Status() Status
	// Close cancels what the page has in flight: it leaves history for good.
	Close()
}

// Modal is implemented by pages that sometimes take every key (a picker, a
// prompt): while Capturing is true the root passes them all keys but ctrl+c.
type Modal interface {
	Capturing() bool
}

// Searcher is implemented by pages driven by the find box (the leads list):
// the root sends them every change of its text as a QueryMsg, and shows
// their query in the box when they come back on screen.
type Searcher interface {
	Query() string
}

// QueryMsg is the find box's text, sent to a Searcher on every change;
// Submitted is true when the user pressed enter.
type QueryMsg struct {
	Text      string
	Submitted bool
}

// TargetKind is what a Target opens.
type TargetKind int

const (
	TargetLeads TargetKind = iota // the leads list, optionally with a query
	TargetLead
	TargetContact
	TargetCompany
	TargetCatalogElement
)

// Target is something the root can open in a page.
type Target struct {
	Kind      TargetKind
	ID        int64
	CatalogID int64  // for TargetCatalogElement
	Query     string // for TargetLeads
}

// NavigateMsg asks the root to open a target in a new page.
type NavigateMsg struct{ Target Target }

// Navigate is a command that asks the root to open t.
func Navigate(t Target) tea.Cmd {
	return func() tea.Msg { return NavigateMsg{Target: t} }
}

// PageMsg is an answer meant for one page.
type PageMsg interface {
	ForPage() PageID
}
