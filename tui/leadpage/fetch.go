package leadpage

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
)

// Every fetch runs as a tea.Cmd whose inputs are captured by value. Its
// answer names the page that asked and that page's flight: the root routes
// it to the page, and the page drops answers to flights it has moved on from.

// FetchedMsg answers FetchLead: the lead itself, for the root to open a
// page with (page 0) or for a page refreshing its lead.
type FetchedMsg struct {
	Page common.PageID
	Seq  uint64
	ID   int64
	Lead *api.Lead
	Err  error
}

// ForPage routes the answer.
func (m FetchedMsg) ForPage() common.PageID { return m.Page }

type contactsMsg struct {
	page     common.PageID
	seq      uint64
	contacts []api.Contact
	err      error
}

type companiesMsg struct {
	page      common.PageID
	seq       uint64
	companies []api.Company
	err       error
}

type catalogMsg struct {
	page      common.PageID
	seq       uint64
	catalogID int64
	elements  []api.CatalogElement
	err       error
}

func (m contactsMsg) ForPage() common.PageID  { return m.page }
func (m companiesMsg) ForPage() common.PageID { return m.page }
func (m catalogMsg) ForPage() common.PageID   { return m.page }

// FetchLead gets lead id; the answer is a FetchedMsg for page with seq.
func FetchLead(ctx context.Context, c *api.Client, page common.PageID, seq uint64, id int64) tea.Cmd {
	return func() tea.Msg {
		lead, err := c.GetLead(ctx, id)
		return FetchedMsg{Page: page, Seq: seq, ID: id, Lead: lead, Err: err}
	}
}

func fetchContacts(ctx context.Context, c *api.Client, page common.PageID, seq uint64, ids []int64) tea.Cmd {
	return func() tea.Msg {
		contacts, err := c.Contacts(ctx, ids)
		return contactsMsg{page: page, seq: seq, contacts: contacts, err: err}
	}
}

func fetchCompanies(ctx context.Context, c *api.Client, page common.PageID, seq uint64, ids []int64) tea.Cmd {
	return func() tea.Msg {
		companies, err := c.Companies(ctx, ids)
		return companiesMsg{page: page, seq: seq, companies: companies, err: err}
	}
}

func fetchCatalog(ctx context.Context, c *api.Client, page common.PageID, seq uint64, catalogID int64, ids []int64) tea.Cmd {
	return func() tea.Msg {
		elements, err := c.CatalogElements(ctx, catalogID, ids)
		return catalogMsg{page: page, seq: seq, catalogID: catalogID, elements: elements, err: err}
	}
}
