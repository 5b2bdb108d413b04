package recordpage

import (
	"cmp"
	"context"
	"slices"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
)

// Every fetch runs as a tea.Cmd whose inputs are captured by value. Its
// answer names the page that asked and that page's request: the root
// routes it to the page, and the page drops answers it no longer waits for.

// FetchedMsg answers FetchRecord: the record to open a page with (Page 0,
// for the root) or to refresh a page with.
type FetchedMsg struct {
	Page   common.PageID
	Seq    uint64
	Target common.Target
	Err    error

	contact *api.Contact
	company *api.Company
	element *api.CatalogElement
}

// ForPage routes the answer.
func (m FetchedMsg) ForPage() common.PageID { return m.Page }

// FetchRecord gets the contact, company or list element t names, with
// its leads' (and a company's contacts') IDs: one request.
func FetchRecord(ctx context.Context, c *api.Client, page common.PageID, seq uint64, t common.Target) tea.Cmd {
	return func() tea.Msg {
		msg := FetchedMsg{Page: page, Seq: seq, Target: t}
		switch t.Kind {
		case common.TargetContact:
			msg.contact, msg.Err = c.GetContact(ctx, t.ID)
		case common.TargetCompany:
			msg.company, msg.Err = c.GetCompany(ctx, t.ID)
		case common.TargetCatalogElement:
			msg.element, msg.Err = c.GetCatalogElement(ctx, t.CatalogID, t.ID)
		default:
			msg.Err = &api.Error{Kind: api.ErrBadRequest, Op: "open", Detail: "not a contact, company or list element"}
		}
		return msg
	}
}

type leadsMsg struct {
	page  common.PageID
	seq   uint64
	data  *Data
	ids   []int64
	leads []api.Lead
	err   error
}

type linkedMsg struct {
	page  common.PageID
	seq   uint64
	data  *Data
	found map[int64]linkedEntry
	err   error
}

func (m leadsMsg) ForPage() common.PageID  { return m.page }
func (m linkedMsg) ForPage() common.PageID { return m.page }

// fetchLeads resolves one batch of lead IDs: one request for up to 250.
func fetchLeads(ctx context.Context, c *api.Client, page common.PageID, seq uint64, d *Data, ids []int64) tea.Cmd {
	return func() tea.Msg {
		leads, err := c.LeadsByID(ctx, ids)
		for i := range leads {
			leads[i].Raw = nil // the table never shows it
		}
		// A batch is the newest leads by creation; within it, the
		// recently active come first, as in Kommo's lists.
		slices.SortStableFunc(leads, func(a, b api.Lead) int { return cmp.Compare(b.UpdatedAt, a.UpdatedAt) })
		return leadsMsg{page: page, seq: seq, data: d, ids: ids, leads: leads, err: err}
	}
}

// fetchLinked resolves a contact's companies or a company's contacts into
// names: one request for up to 250.
func fetchLinked(ctx context.Context, c *api.Client, page common.PageID, seq uint64, d *Data, kind common.TargetKind, ids []int64) tea.Cmd {
	return func() tea.Msg {
		found := make(map[int64]linkedEntry, len(ids))
		var err error
		if kind == common.TargetContact {
			var contacts []api.Contact
			contacts, err = c.Contacts(ctx, ids)
			for _, ct := range contacts {
				found[ct.ID] = contactEntry(ct)
			}
		} else {
			var companies []api.Company
			companies, err = c.Companies(ctx, ids)
			for _, co := range companies {
				found[co.ID] = companyEntry(co)
			}
		}
		return linkedMsg{page: page, seq: seq, data: d, found: found, err: err}
	}
}
