package sandbox

import (
	"sort"
	"strings"
)

// indexes are views of the seeded data that lists and records need: who
// links to whom, each list order, and the text `query` searches.
type indexes struct {
	contactByID     map[int64]*contact
	companyByID     map[int64]*company
	contactLeads    map[int64][]int64 // contact -> its leads, by lead ID
	companyLeads    map[int64][]int64
	companyContacts map[int64][]int64
	// Leads in ascending order of each sortable field, ties by ID.
	byUpdated, byCreated []*lead
	// leadText and contactText are what `query` searches, lower-cased.
	leadText    map[int64]string
	contactText map[int64]string
	// contactDigits holds each contact's phone numbers as bare digits.
	contactDigits map[int64][]string
}

func (d *dataset) index() {
	x := indexes{
		contactByID: map[int64]*contact{}, companyByID: map[int64]*company{},
		contactLeads: map[int64][]int64{}, companyLeads: map[int64][]int64{}, companyContacts: map[int64][]int64{},
		leadText: map[int64]string{}, contactText: map[int64]string{}, contactDigits: map[int64][]string{},
	}
	for i := range d.contacts {
		c := &d.contacts[i]
		x.contactByID[c.ID] = c
		x.contactText[c.ID] = searchText(c.Name+"\n"+c.FirstName+"\n"+c.LastName, c.CustomFields)
		x.contactDigits[c.ID] = phoneDigits(c.CustomFields)
		for _, id := range c.CompanyIDs {
			x.companyContacts[id] = append(x.companyContacts[id], c.ID)
		}
	}
	for i := range d.companies {
		x.companyByID[d.companies[i].ID] = &d.companies[i]
	}
	for _, l := range d.leadsByID {
		x.leadText[l.ID] = searchText(l.Name, l.CustomFields)
		for _, c := range l.Contacts {
			x.contactLeads[c.ID] = append(x.contactLeads[c.ID], l.ID)
		}
		for _, id := range l.Companies {
			x.companyLeads[id] = append(x.companyLeads[id], l.ID)
		}
	}
	x.byUpdated = sortedLeads(d.leadsByID, func(l *lead) int64 { return l.UpdatedAt })
	x.byCreated = sortedLeads(d.leadsByID, func(l *lead) int64 { return l.CreatedAt })
	d.idx = x
}

func sortedLeads(byID []*lead, key func(*lead) int64) []*lead {
	out := append([]*lead(nil), byID...)
	sort.SliceStable(out, func(i, j int) bool { return key(out[i]) < key(out[j]) })
	return out
}

// searchText is a record's name and its custom field values that are
// text, numbers or booleans, lower-cased, one per line.
func searchText(name string, fields []customField) string {
	var b strings.Builder
	b.WriteString(name)
	for _, f := range fields {
		for _, v := range f.Values {
			switch x := v["value"].(type) {
			case string:
				b.WriteString("\n" + x)
			case int, int64, float64, bool:
				b.WriteString("\n" + strings.TrimSpace(strings.Trim(encodeText(x), `"`)))
			}
		}
	}
	return strings.ToLower(b.String())
}

func encodeText(v any) string { return string(encode(v)) }

func phoneDigits(fields []customField) []string {
	var out []string
	for _, f := range fields {
		if f.FieldCode == nil || *f.FieldCode != "PHONE" {
			continue
		}
		for _, v := range f.Values {
			if s, ok := v["value"].(string); ok {
				if d := onlyDigits(s); d != "" {
					out = append(out, d)
				}
			}
		}
	}
	return out
}

func onlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
