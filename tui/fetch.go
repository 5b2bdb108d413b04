package tui

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
)

// Every fetch runs as a tea.Cmd whose inputs are captured by value. Its
// answer carries the lookup's sequence number: the model drops answers to
// lookups it has moved on from.

type directoryMsg struct {
	dir *api.Directory
	err error
}

type leadMsg struct {
	seq  uint64
	id   int64
	lead *api.Lead
	err  error
}

type contactsMsg struct {
	seq      uint64
	contacts []api.Contact
	err      error
}

type companiesMsg struct {
	seq       uint64
	companies []api.Company
	err       error
}

type catalogMsg struct {
	seq       uint64
	catalogID int64
	elements  []api.CatalogElement
	err       error
}

func loadDirectory(ctx context.Context, c *api.Client) tea.Cmd {
	return func() tea.Msg {
		d, err := c.LoadDirectory(ctx)
		return directoryMsg{dir: d, err: err}
	}
}

func fetchLead(ctx context.Context, c *api.Client, seq uint64, id int64) tea.Cmd {
	return func() tea.Msg {
		lead, err := c.GetLead(ctx, id)
		return leadMsg{seq: seq, id: id, lead: lead, err: err}
	}
}

func fetchContacts(ctx context.Context, c *api.Client, seq uint64, ids []int64) tea.Cmd {
	return func() tea.Msg {
		contacts, err := c.Contacts(ctx, ids)
		return contactsMsg{seq: seq, contacts: contacts, err: err}
	}
}

func fetchCompanies(ctx context.Context, c *api.Client, seq uint64, ids []int64) tea.Cmd {
	return func() tea.Msg {
		companies, err := c.Companies(ctx, ids)
		return companiesMsg{seq: seq, companies: companies, err: err}
	}
}

func fetchCatalog(ctx context.Context, c *api.Client, seq uint64, catalogID int64, ids []int64) tea.Cmd {
	return func() tea.Msg {
		elements, err := c.CatalogElements(ctx, catalogID, ids)
		return catalogMsg{seq: seq, catalogID: catalogID, elements: elements, err: err}
	}
}
