package tui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui/common"
)

// homePage is the start screen: how to look a lead up, and in the demo the
// sample leads worth a look.
type homePage struct {
	id            common.PageID
	c             *common.Context
	width, height int
}

func (h *homePage) ID() common.PageID         { return h.id }
func (h *homePage) Title() string             { return "Start" }
func (h *homePage) Activate() tea.Cmd         { return nil }
func (h *homePage) Deactivate()               {}
func (h *homePage) Close()                    {}
func (h *homePage) SetSize(width, height int) { h.width, h.height = width, height }
func (h *homePage) Update(tea.Msg) tea.Cmd    { return nil }
func (h *homePage) ShortHelp() []key.Binding  { return nil }
func (h *homePage) FullHelp() [][]key.Binding { return nil }
func (h *homePage) Position() string          { return "" }
func (h *homePage) WebURL() string            { return "" }
func (h *homePage) Busy() string              { return "" }
func (h *homePage) Status() common.Status     { return common.Status{} }

func (h *homePage) View() string {
	st := h.c.Styles
	lines := []string{
		"",
		"  " + st.Heading.Render("Look up a lead"),
		"",
		"  " + st.Value.Render("Type a lead ID, or paste a lead's URL from Kommo, and press enter."),
		"  " + st.Muted.Render("For example 12345 or https://yourcompany.kommo.com/leads/detail/12345"),
	}
	if h.c.Demo {
		lines = append(lines, "",
			"  "+st.Warning.Render("Demo: a built-in sample account on this computer, no Kommo needed."),
			"  "+st.Muted.Render("Leads to try:"))
		for _, l := range demoLeads {
			lines = append(lines, "    "+st.HelpKey.Render(strconv.FormatInt(l.id, 10))+"  "+st.Value.Render(l.what))
		}
	}
	for i := range lines {
		lines[i] = common.Truncate(lines[i], h.width)
	}
	return common.JoinLines(common.FillLines(lines, h.height))
}

// demoLeads are the sandbox's notable leads, so a first look at --demo
// does not start with guessing IDs.
var demoLeads = []struct {
	id   int64
	what string
}{
	{sandbox.LeadBasic, "a typical lead: contacts, company, products, tags"},
	{sandbox.LeadHuge, "a huge one: 520 fields, 250 contacts, 250 products"},
	{sandbox.LeadAllFieldTypes, "every custom field type"},
	{sandbox.LeadLost, "lost, with a reason and a source"},
	{sandbox.LeadEscapes, "hostile escape sequences, shown harmless"},
}
