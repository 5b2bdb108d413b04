package recordpage

import (
	"slices"
	"strings"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/common"
)

// record is a contact or a company as its page shows it: what the two
// share, with the other kind of record it links to (a contact's companies,
// a company's contacts) as "linked".
type record struct {
	kind          common.TargetKind // TargetContact or TargetCompany
	id            int64
	name          string
	responsible   int64
	createdBy     int64
	updatedBy     int64
	createdAt     int64
	updatedAt     int64
	closestTaskAt *int64
	deleted       bool
	fields        []api.CustomField // phones and e-mails first
	phones        []string
	emails        []string
	tags          []api.Tag
	leadIDs       []int64 // newest (highest ID) first, without repeats
	linkedIDs     []int64 // main contact first, without repeats
	raw           []byte
}

func fromContact(c *api.Contact) *record {
	var companies []int64
	for _, ref := range c.Embedded.Companies {
		companies = append(companies, ref.ID)
	}
	return &record{
		kind: common.TargetContact, id: c.ID, name: c.DisplayName(),
		responsible: c.ResponsibleUserID, createdBy: c.CreatedBy, updatedBy: c.UpdatedBy,
		createdAt: c.CreatedAt, updatedAt: c.UpdatedAt, closestTaskAt: c.ClosestTaskAt, deleted: c.IsDeleted,
		fields: contactFieldsFirst(c.CustomFields), phones: c.Phones(), emails: c.Emails(),
		tags: c.Embedded.Tags, leadIDs: api.NewestLeadIDs(leadIDs(c.Embedded.Leads)), linkedIDs: api.UniqueIDs(companies), raw: c.Raw,
	}
}

func fromCompany(c *api.Company) *record {
	var mains, others []int64
	for _, ref := range c.Embedded.Contacts {
		if ref.IsMain {
			mains = append(mains, ref.ID)
		} else {
			others = append(others, ref.ID)
		}
	}
	return &record{
		kind: common.TargetCompany, id: c.ID, name: c.Name,
		responsible: c.ResponsibleUserID, createdBy: c.CreatedBy, updatedBy: c.UpdatedBy,
		createdAt: c.CreatedAt, updatedAt: c.UpdatedAt, closestTaskAt: c.ClosestTaskAt, deleted: c.IsDeleted,
		fields: contactFieldsFirst(c.CustomFields), phones: c.Phones(), emails: c.Emails(),
		tags: c.Embedded.Tags, leadIDs: api.NewestLeadIDs(leadIDs(c.Embedded.Leads)), linkedIDs: api.UniqueIDs(append(mains, others...)), raw: c.Raw,
	}
}

func leadIDs(refs []api.LeadRef) []int64 {
	ids := make([]int64, 0, len(refs))
	for _, r := range refs {
		ids = append(ids, r.ID)
	}
	return ids
}

// contactFieldsFirst puts phones, then e-mails, before the other fields,
// each group in Kommo's order.
func contactFieldsFirst(fields []api.CustomField) []api.CustomField {
	rank := func(f api.CustomField) int {
		switch strings.ToUpper(f.FieldCode) {
		case "PHONE":
			return 0
		case "EMAIL":
			return 1
		}
		return 2
	}
	out := slices.Clone(fields)
	slices.SortStableFunc(out, func(a, b api.CustomField) int { return rank(a) - rank(b) })
	return out
}

// noun names the kind for messages: "contact", "company".
func noun(kind common.TargetKind) string {
	if kind == common.TargetCompany {
		return "company"
	}
	return "contact"
}

// linkedNoun names what the record links to: a contact's companies, a
// company's contacts.
func linkedNoun(kind common.TargetKind) string {
	if kind == common.TargetCompany {
		return "contacts"
	}
	return "companies"
}

// linkedKind is the target kind of what the record links to.
func linkedKind(kind common.TargetKind) common.TargetKind {
	if kind == common.TargetCompany {
		return common.TargetContact
	}
	return common.TargetCompany
}
