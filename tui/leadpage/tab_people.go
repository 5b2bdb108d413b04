package leadpage

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// party is a contact or a company as the tabs show it.
type party struct {
	id      int64
	name    string
	main    bool
	phones  []string
	emails  []string
	others  []api.CustomField // fields besides phones and e-mails
	missing bool              // linked, but its details are not (yet) known
}

func contactParty(c api.Contact, main bool) party {
	return party{id: c.ID, name: c.DisplayName(), main: main, phones: c.Phones(), emails: c.Emails(), others: otherFields(c.CustomFields)}
}

func companyParty(c api.Company) party {
	return party{id: c.ID, name: c.Name, phones: c.Phones(), emails: c.Emails(), others: otherFields(c.CustomFields)}
}

func otherFields(fields []api.CustomField) []api.CustomField {
	var out []api.CustomField
	for _, f := range fields {
		if !strings.EqualFold(f.FieldCode, "PHONE") && !strings.EqualFold(f.FieldCode, "EMAIL") {
			out = append(out, f)
		}
	}
	return out
}

// contactsTab lists the lead's contacts, the main one first and marked.
func contactsTab(c *common.Context, d *Data, width int) tabContent {
	refs := d.Lead.Embedded.Contacts
	if len(refs) == 0 {
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "No contacts are linked to this lead.", width)}
	}
	byID := make(map[int64]api.Contact, len(d.contacts.items))
	for _, ct := range d.contacts.items {
		byID[ct.ID] = ct
	}
	ordered := make([]api.ContactRef, 0, len(refs))
	for _, r := range refs {
		if r.IsMain {
			ordered = append(ordered, r)
		}
	}
	for _, r := range refs {
		if !r.IsMain {
			ordered = append(ordered, r)
		}
	}
	parties := make([]party, len(ordered))
	for i, r := range ordered {
		if ct, ok := byID[r.ID]; ok {
			parties[i] = contactParty(ct, r.IsMain)
			continue
		}
		parties[i] = party{id: r.ID, main: r.IsMain, missing: true}
	}
	return tabContent{
		head: append(partStatus(c, d.contacts.state, d.contacts.err, "contacts", width), common.CutLines(c, d.contacts.cut, width)...),
		body: newPartyItems(c, common.TargetContact, parties, d.contacts.state, width),
	}
}

// companiesTab lists the lead's companies.
func companiesTab(c *common.Context, d *Data, width int) tabContent {
	refs := d.Lead.Embedded.Companies
	if len(refs) == 0 {
		return tabContent{body: common.WrappedLines(c.Styles.Muted, "No company is linked to this lead.", width)}
	}
	byID := make(map[int64]api.Company, len(d.companies.items))
	for _, co := range d.companies.items {
		byID[co.ID] = co
	}
	parties := make([]party, len(refs))
	for i, r := range refs {
		if co, ok := byID[r.ID]; ok {
			parties[i] = companyParty(co)
			continue
		}
		parties[i] = party{id: r.ID, missing: true}
	}
	return tabContent{
		head: append(partStatus(c, d.companies.state, d.companies.err, "companies", width), common.CutLines(c, d.companies.cut, width)...),
		body: newPartyItems(c, common.TargetCompany, parties, d.companies.state, width),
	}
}

// partyItems draws contacts or companies one block each, their labels in
// one column across all blocks; the cursor selects a block to open.
type partyItems struct {
	c          *common.Context
	kind       common.TargetKind
	format     api.FieldFormatter
	parties    []party
	state      partState
	labelWidth int
}

func newPartyItems(c *common.Context, kind common.TargetKind, parties []party, state partState, width int) partyItems {
	labelWidth := len("E-mail")
	for _, p := range parties[:min(len(parties), common.LabelSample)] {
		for _, f := range p.others {
			labelWidth = max(labelWidth, lipgloss.Width(common.FieldName(f)))
		}
	}
	return partyItems{c: c, kind: kind, format: c.Formatter(), parties: parties, state: state, labelWidth: min(labelWidth, max(8, width/3))}
}

func (p partyItems) Len() int { return len(p.parties) }

// Target opens the contact's or company's page.
func (p partyItems) Target(i int) (common.Target, bool) {
	return common.Target{Kind: p.kind, ID: p.parties[i].id}, true
}

func (p partyItems) Render(i, width int, selected bool) []string {
	var out []string
	if i > 0 {
		out = append(out, "")
	}
	party := p.parties[i]
	inner := max(1, width-2)
	block := []string{unresolved(p.c, party.id, party.main, p.state, inner)}
	if !party.missing {
		block = renderParty(p.c, party, partyRows(p.format, party), p.labelWidth, inner)
	}
	for j, l := range block {
		out = append(out, common.SelectionMark(p.c, selected, j == 0)+l)
	}
	return out
}

func renderParty(c *common.Context, p party, rows [][2]string, labelWidth, width int) []string {
	st := c.Styles
	name := sanitize.Line(p.name)
	if strings.TrimSpace(name) == "" {
		name = "(unnamed)"
	}
	head := mainMarker(c, p.main) + st.Heading.Render(name) + "  " + st.LeadID.Render("#"+strconv.FormatInt(p.id, 10))
	if p.main {
		head += "  " + st.Marker.Render("main contact")
	}
	lines := []string{common.Truncate(head, width)}
	const indent = "  "
	if len(rows) == 0 {
		return append(lines, indent+st.Faint.Render("no phone, e-mail or fields"))
	}
	for _, r := range rows {
		for _, l := range common.Labelled(st, r[0], r[1], labelWidth, width-len(indent)) {
			lines = append(lines, indent+l)
		}
	}
	return lines
}

// partyRows are the label/value pairs under a contact's or company's name:
// phones and e-mails first, then its other custom fields.
func partyRows(format api.FieldFormatter, p party) [][2]string {
	var rows [][2]string
	if len(p.phones) > 0 {
		rows = append(rows, [2]string{"Phone", sanitize.Line(strings.Join(p.phones, ", "))})
	}
	if len(p.emails) > 0 {
		rows = append(rows, [2]string{"E-mail", sanitize.Line(strings.Join(p.emails, ", "))})
	}
	for _, f := range p.others {
		rows = append(rows, [2]string{common.FieldName(f), common.FieldValue(format, f)})
	}
	return rows
}

// mainMarker sets the main contact apart: a star in colour, "*" without.
func mainMarker(c *common.Context, main bool) string {
	switch {
	case !main:
		return "  "
	case c.Styles.Plain:
		return "* "
	}
	return c.Styles.Marker.Render("★") + " "
}

// unresolved stands in for an entity whose details are not (yet) known.
func unresolved(c *common.Context, id int64, main bool, state partState, width int) string {
	note := "not returned by Kommo (deleted or no access)"
	switch state {
	case partPending:
		note = "loading…"
	case partFailed:
		note = "could not be loaded"
	}
	line := mainMarker(c, main) + c.Styles.Heading.Render("#"+strconv.FormatInt(id, 10)) + "  " + c.Styles.Faint.Render(note)
	return common.Truncate(line, width)
}

// partStatus is what a tab whose data is loading or failed says above its
// content.
func partStatus(c *common.Context, state partState, err error, what string, width int) []string {
	switch state {
	case partPending:
		return common.LoadingLines(c, what, width)
	case partFailed:
		return common.LoadFailedLines(c, what, err, width)
	}
	return nil
}
