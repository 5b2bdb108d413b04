package leadspage

import (
	"strings"

	"github.com/leadscope/leadscope/api"
)

// Bounds of what one row keeps: the table shows a name's first few dozen
// columns, and a lead opened from it is fetched whole, so a server sending
// megabyte names or thousands of tags cannot make 5,000 rows large.
const (
	maxNameBytes = 512
	maxTags      = 50
	maxTagBytes  = 128
)

// slim is what the table and the filters checked here need of a lead:
// the fields its columns show, its tags, and its main contact.
func slim(l *api.Lead) api.Lead {
	row := *l
	row.Name = clip(l.Name, maxNameBytes)
	row.Raw, row.CustomFields, row.Links = nil, nil, api.Links{}
	row.Embedded = api.LeadEmbedded{}
	if main := l.MainContactID(); main != 0 {
		row.Embedded.Contacts = []api.ContactRef{{ID: main, IsMain: true}}
	}
	for i, t := range l.Embedded.Tags {
		if i == maxTags {
			break
		}
		row.Embedded.Tags = append(row.Embedded.Tags, api.Tag{ID: t.ID, Name: clip(t.Name, maxTagBytes), Color: clip(t.Color, 16)})
	}
	return row
}

// clip cuts s to at most n bytes at a character boundary, into a string
// of its own: a slice of s would keep all of s alive.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return strings.Clone(s[:n])
}
