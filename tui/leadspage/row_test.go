package leadspage

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/leadscope/leadscope/api"
)

func TestARowKeepsOnlyWhatTheTableAndTheFiltersNeed(t *testing.T) {
	tags := make([]api.Tag, 500)
	for i := range tags {
		tags[i] = api.Tag{ID: int64(i), Name: strings.Repeat("т", 1000)}
	}
	l := api.Lead{ID: 7, Name: strings.Repeat("東", 10000), ResponsibleUserID: 3, PipelineID: 1, StatusID: 2,
		CustomFields: make([]api.CustomField, 100), Raw: make([]byte, 1<<20),
		Embedded: api.LeadEmbedded{Tags: tags, Contacts: []api.ContactRef{{ID: 1}, {ID: 2, IsMain: true}, {ID: 3}},
			Companies: make([]api.CompanyRef, 100)}}
	row := slim(&l)
	switch {
	case len(row.Name) > maxNameBytes || !utf8.ValidString(row.Name) || !strings.HasPrefix(l.Name, row.Name):
		t.Errorf("name cut to %d bytes, valid %v", len(row.Name), utf8.ValidString(row.Name))
	case row.Raw != nil || row.CustomFields != nil || row.Embedded.Companies != nil:
		t.Error("the row keeps what the table never shows")
	case len(row.Embedded.Tags) != maxTags || len(row.Embedded.Tags[0].Name) > maxTagBytes:
		t.Errorf("%d tags kept, the first %d bytes", len(row.Embedded.Tags), len(row.Embedded.Tags[0].Name))
	case row.MainContactID() != 2 || len(row.Embedded.Contacts) != 1:
		t.Errorf("main contact %d of %d", row.MainContactID(), len(row.Embedded.Contacts))
	case row.ResponsibleUserID != 3 || row.PipelineID != 1 || row.StatusID != 2:
		t.Error("the filters' fields were lost")
	}
	if len(l.Embedded.Tags) != 500 || len(l.Name) != 30000 {
		t.Error("slim changed the lead it was given")
	}
}
