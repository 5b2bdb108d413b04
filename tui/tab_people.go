package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/api"
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
	name := c.Name
	if strings.TrimSpace(name) == "" {
		name = strings.TrimSpace(c.FirstName + " " + c.LastName)
	}
	return party{id: c.ID, name: name, main: main, phones: c.Phones(), emails: c.Emails(), others: otherFields(c.CustomFields)}
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

// renderContacts lists the lead's contacts, the main one first and marked.
func renderContacts(sh *shared, d *leadData, width int) string {
	refs := d.lead.Embedded.Contacts
	if len(refs) == 0 {
		return sh.st.Muted.Render("No contacts are linked to this lead.")
	}
	byID := make(map[int64]api.Contact, len(d.contacts.items))
	for _, c := range d.contacts.items {
		byID[c.ID] = c
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
		if c, ok := byID[r.ID]; ok {
			parties[i] = contactParty(c, r.IsMain)
			continue
		}
		parties[i] = party{id: r.ID, main: r.IsMain, missing: true}
	}
	return renderParties(sh, parties, d.contacts.state, partStatus(sh, d.contacts.state, d.contacts.err, "contacts", width), width)
}

// renderCompanies lists the lead's companies.
func renderCompanies(sh *shared, d *leadData, width int) string {
	refs := d.lead.Embedded.Companies
	if len(refs) == 0 {
		return sh.st.Muted.Render("No company is linked to this lead.")
	}
	byID := make(map[int64]api.Company, len(d.companies.items))
	for _, c := range d.companies.items {
		byID[c.ID] = c
	}
	parties := make([]party, len(refs))
	for i, r := range refs {
		if c, ok := byID[r.ID]; ok {
			parties[i] = companyParty(c)
			continue
		}
		parties[i] = party{id: r.ID, missing: true}
	}
	return renderParties(sh, parties, d.companies.state, partStatus(sh, d.companies.state, d.companies.err, "companies", width), width)
}

// renderParties draws contacts or companies one block each, their labels
// in one column across all blocks.
func renderParties(sh *shared, parties []party, state partState, head string, width int) string {
	rows := make([][][2]string, len(parties))
	labelWidth := 0
	for i, p := range parties {
		rows[i] = partyRows(sh, p)
		for _, r := range rows[i] {
			labelWidth = max(labelWidth, lipgloss.Width(r[0]))
		}
	}
	labelWidth = min(labelWidth, max(8, width/3))
	var blocks []string
	if head != "" {
		blocks = append(blocks, head)
	}
	for i, p := range parties {
		if p.missing {
			blocks = append(blocks, unresolved(sh, p.id, p.main, state, width))
			continue
		}
		blocks = append(blocks, renderParty(sh, p, rows[i], labelWidth, width))
	}
	return strings.Join(blocks, "\n\n")
}

func renderParty(sh *shared, p party, rows [][2]string, labelWidth, width int) string {
	st := sh.st
	name := sanitize.Line(p.name)
	if strings.TrimSpace(name) == "" {
		name = "(unnamed)"
	}
	head := mainMarker(sh, p.main) + st.Heading.Render(name) + "  " + st.LeadID.Render("#"+strconv.FormatInt(p.id, 10))
	if p.main {
		head += "  " + st.Marker.Render("main contact")
	}
	lines := []string{truncate(head, width)}
	const indent = "  "
	if len(rows) == 0 {
		return strings.Join(append(lines, indent+st.Faint.Render("no phone, e-mail or fields")), "\n")
	}
	for _, r := range rows {
		for _, l := range labelled(st, r[0], r[1], labelWidth, width-len(indent)) {
			lines = append(lines, indent+l)
		}
	}
	return strings.Join(lines, "\n")
}

// partyRows are the label/value pairs under a contact's or company's name:
// phones and e-mails first, then its other custom fields.
func partyRows(sh *shared, p party) [][2]string {
	var rows [][2]string
	if len(p.phones) > 0 {
		rows = append(rows, [2]string{"Phone", sanitize.Line(strings.Join(p.phones, ", "))})
	}
	if len(p.emails) > 0 {
		rows = append(rows, [2]string{"E-mail", sanitize.Line(strings.Join(p.emails, ", "))})
	}
	for _, f := range p.others {
		rows = append(rows, [2]string{fieldName(f), fieldValue(sh, f)})
	}
	return rows
}

// mainMarker sets the main contact apart: a star in colour, "*" without.
func mainMarker(sh *shared, main bool) string {
	switch {
	case !main:
		return "  "
	case sh.st.Plain:
		return "* "
	}
	return sh.st.Marker.Render("★") + " "
}

// unresolved stands in for an entity whose details are not (yet) known.
func unresolved(sh *shared, id int64, main bool, state partState, width int) string {
	note := "not returned by Kommo (deleted or no access)"
	switch state {
	case partPending:
		note = "loading…"
	case partFailed:
		note = "could not be loaded"
	}
	line := mainMarker(sh, main) + sh.st.Heading.Render("#"+strconv.FormatInt(id, 10)) + "  " + sh.st.Faint.Render(note)
	return truncate(line, width)
}

// partStatus is what a tab whose data is loading or failed says above its
// content, wrapped to width: an error is worth reading in full.
func partStatus(sh *shared, state partState, err error, what string, width int) string {
	var text string
	style := sh.st.Muted
	switch state {
	case partPending:
		text = "Loading " + what + "…"
	case partFailed:
		text, style = "Could not load "+what+": "+errorText(err)+" (r retries)", sh.st.Error
	default:
		return ""
	}
	lines := wrap(text, width)
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return strings.Join(lines, "\n")
}
