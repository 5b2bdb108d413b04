package sandbox

import (
	"fmt"
	"strings"
)

// The bulk data: BulkLeads ordinary leads across the three pipelines with
// their contacts and companies, generated from the record number by a
// fixed hash, so every run sees the same world. Times count back from the
// anchor (the server's start), so a list by update time starts today and
// some tasks are overdue whenever the sandbox runs.

const (
	bulkLeadFirst    int64 = 11000001
	bulkContactFirst int64 = 21000001
	bulkCompanyFirst int64 = 41000001
	bulkContacts           = 700
	// The first bulk contacts are notable (ContactManyLeads, SearchPhoneContact,
	// SearchEmailContact); ordinary leads link the others.
	notableBulkContacts = 3
)

// Lead custom fields only bulk leads carry.
const (
	fieldOrderNumber int64 = 266001
	fieldCallback    int64 = 266003
)

// mix is splitmix64: a fixed, well-spread hash of (n, salt).
func mix(n, salt uint64) uint64 {
	z := n*0x9E3779B97F4A7C15 + salt*0xD1B54A32D192ED03
	z ^= z >> 30
	z *= 0xBF58476D1CE4E5B9
	z ^= z >> 27
	z *= 0x94D049BB133111EB
	return z ^ z>>31
}

// pick draws 0..n-1 for record i; each salt is an independent draw.
func pick(i int, salt uint64, n int) int { return int(mix(uint64(i), salt) % uint64(n)) }

// Salts of the independent draws.
const (
	saltLocale uint64 = iota + 1
	saltName
	saltPhone
	saltPipeline
	saltState
	saltStage
	saltUser
	saltCreated
	saltUpdated
	saltTask
	saltTaskWhen
	saltPrice
	saltTags
	saltProject
	saltDomain
	saltCompany
)

func fmtPhone(format string, parts ...uint64) string {
	args := make([]any, len(parts))
	for i, p := range parts {
		args[i] = p
	}
	return fmt.Sprintf(format, args...)
}

func pickLocale(i int, salt uint64) *locale {
	total := 0
	for _, l := range locales {
		total += l.weight
	}
	n := pick(i, salt, total)
	for k := range locales {
		if n < locales[k].weight {
			return &locales[k]
		}
		n -= locales[k].weight
	}
	return &locales[0]
}

// bulkEntity is a generated contact or company with the locale its leads are named in.
type bulkEntity struct {
	id   int64
	name string
	loc  *locale
}

func seedBulk(d *dataset, anchor int64) {
	companies := bulkCompanyList(d)
	contacts := bulkContactList(d, companies)
	for i := range BulkLeads {
		l := bulkLead(i, anchor, contacts, companies)
		d.addLead(l)
	}
}

// bulkCompanyList makes one company of every locale's clients; the first
// is CompanyManyLeadsName.
func bulkCompanyList(d *dataset) []bulkEntity {
	out := allClients()
	for c := range out {
		out[c].id = bulkCompanyFirst + int64(c)
		loc := out[c].loc
		d.companies = append(d.companies, company{
			ID: out[c].id, Name: out[c].name, ResponsibleUserID: salesUserIDs[c%len(salesUserIDs)], CreatedAt: seedEpoch - int64(c+30)*86400,
			CustomFields: []customField{
				codedField(fieldPhone, "Phone", "PHONE", "multitext", codedVal(loc.phone(mix(uint64(c), saltPhone+100)), enumWork, "WORK")),
				codedField(fieldEmail, "Email", "EMAIL", "multitext", codedVal(fmt.Sprintf("office%d@%s", c+1, emailDomains[c%len(emailDomains)]), enumEmail, "WORK")),
			},
		})
	}
	return out
}

func bulkContactList(d *dataset, companies []bulkEntity) []bulkEntity {
	out := make([]bulkEntity, bulkContacts)
	for j := range bulkContacts {
		loc := pickLocale(j, saltLocale+50)
		p := loc.personAt(pick(j, saltName+50, 1<<20))
		name, email, phone := p.name, fmt.Sprintf("%s%d@%s", p.emailLocal, j, emailDomains[pick(j, saltDomain, len(emailDomains))]), loc.phone(mix(uint64(j), saltPhone))
		switch j {
		case 0:
			loc, name, email = &locales[1], ContactManyLeadsName, "marina.sokolova@volga-trade.example"
		case 1:
			loc, name, phone, email = &locales[0], SearchPhoneContactName, SearchPhone, "oliver.bennett@blueharbor.example"
		case 2:
			loc, name, email = &locales[1], SearchEmailContactName, SearchEmail
		}
		id := bulkContactFirst + int64(j)
		out[j] = bulkEntity{id: id, name: name, loc: loc}
		first, last, _ := strings.Cut(name, " ")
		c := contact{ID: id, Name: name, FirstName: first, LastName: last,
			ResponsibleUserID: salesUserIDs[j%len(salesUserIDs)], CreatedAt: seedEpoch - int64(j+1)*3600}
		phones := []map[string]any{codedVal(phone, enumWork, "WORK")}
		if j%5 == 4 {
			phones = append(phones, codedVal(loc.phone(mix(uint64(j), saltPhone+7)), enumMobile, "MOB"))
		}
		c.CustomFields = append(c.CustomFields, codedField(fieldPhone, "Phone", "PHONE", "multitext", phones...))
		if j%6 != 5 || j < notableBulkContacts {
			c.CustomFields = append(c.CustomFields, codedField(fieldEmail, "Email", "EMAIL", "multitext", codedVal(email, enumEmail, "WORK")))
		}
		if j >= notableBulkContacts && j%4 != 3 {
			c.CompanyIDs = []int64{companies[j%len(companies)].id}
		}
		d.contacts = append(d.contacts, c)
	}
	return out
}

// bulkMainContact is lead i's main contact: the notable contacts' share
// by rule (so their lead counts are exact), the others' by hash.
func bulkMainContact(i int) int {
	switch {
	case i%40 == 3:
		return 0
	case i%100 == 7:
		return 1
	case i%100 == 57:
		return 2
	}
	return notableBulkContacts + (i*7)%(bulkContacts-notableBulkContacts)
}

func bulkLead(i int, anchor int64, contacts, companies []bulkEntity) *lead {
	main := contacts[bulkMainContact(i)]
	ids := []int64{main.id}
	if i%3 == 0 {
		ids = append(ids, contacts[notableBulkContacts+(i*13+5)%(bulkContacts-notableBulkContacts)].id)
	}
	client := main
	var companyIDs []int64
	if i%2 == 0 {
		client = companies[bulkCompany(i, len(companies))]
		companyIDs = []int64{client.id}
	}
	l := &lead{
		ID:   bulkLeadFirst + int64(i),
		Name: client.loc.projects[pick(i, saltProject, len(client.loc.projects))] + " — " + client.name,
		Tags: []tag{}, Contacts: contactLinks(ids, 0), Companies: companyIDs,
		Price: bulkPrice(i), ResponsibleUserID: salesUserIDs[pick(i, saltUser, len(salesUserIDs))], CreatedBy: UserAdmin,
	}
	l.UpdatedBy = l.ResponsibleUserID
	l.PipelineID, l.StatusID = bulkStage(i)
	l.CreatedAt, l.UpdatedAt = bulkTimes(i, anchor)
	if l.StatusID == StatusWon || l.StatusID == StatusLost {
		l.ClosedAt = ptr(l.UpdatedAt)
	} else if pick(i, saltTask, 10) < 6 {
		l.ClosestTaskAt = ptr(bulkTaskTime(i, anchor))
	}
	for t := range pick(i, saltTags, 4) {
		l.Tags = append(l.Tags, tagPool[(pick(i, saltTags+1, len(tagPool))+t*3)%len(tagPool)])
	}
	if i%5 == 0 {
		l.CustomFields = append(l.CustomFields, field(fieldOrderNumber, "Order number", "text", vals(fmt.Sprintf("ORD-%05d", 10000+i))...))
	}
	if i == 7 || i == 8 { // lead 7's contact has the phone too, lead 8's does not

		l.CustomFields = append(l.CustomFields, field(fieldCallback, "Callback number", "text", vals(SearchPhone)...))
	}
	return l
}

// bulkCompany is the company of lead i (an even one): CompanyManyLeads's
// share by rule, so its count is exact, the others' by hash.
func bulkCompany(i, companies int) int {
	if i%200 == 2 {
		return 0
	}
	return 1 + pick(i, saltCompany, companies-1)
}

func bulkStage(i int) (pipelineID, statusID int64) {
	switch p := pick(i, saltPipeline, 20); {
	case p < 11:
		pipelineID = PipelineSales
	case p < 15:
		pipelineID = PipelinePartners
	default:
		pipelineID = PipelineRenewals
	}
	switch s := pick(i, saltState, 20); {
	case s < 3:
		return pipelineID, StatusWon
	case s < 5:
		return pipelineID, StatusLost
	}
	return pipelineID, openStages(pipelineID)[pick(i, saltStage, 4)]
}

// bulkTimes: created 1 to 540 days before the anchor; one lead in forty
// updated in the last 25 minutes (so "updated today" is rarely empty), one
// in eight in the last ten hours, the rest some time after creation.
func bulkTimes(i int, anchor int64) (created, updated int64) {
	created = anchor - int64(1+pick(i, saltCreated, 540))*86400 - int64(pick(i, saltCreated+1, 86400))
	switch {
	case i%40 == 0:
		updated = anchor - 60*int64(1+pick(i, saltUpdated, 25))
	case i%8 == 1:
		updated = anchor - 60*int64(26+pick(i, saltUpdated, 600))
	default:
		latest := anchor - 10*3600
		updated = created
		if latest > created {
			updated = created + int64(mix(uint64(i), saltUpdated)%uint64(latest-created))
		}
	}
	return created, updated
}

// bulkTaskTime: a quarter of the tasks are overdue (up to 20 days), the rest due within 30 days.
func bulkTaskTime(i int, anchor int64) int64 {
	if pick(i, saltTaskWhen, 4) == 0 {
		return anchor - 3600*int64(1+pick(i, saltTaskWhen+1, 480))
	}
	return anchor + 3600*int64(1+pick(i, saltTaskWhen+1, 720))
}

var bulkPrices = []int64{500, 1200, 2500, 4800, 7500, 12000, 18500, 25000, 40000, 65000, 120000, 250000}

func bulkPrice(i int) int64 {
	if pick(i, saltPrice, 20) == 0 {
		return 0
	}
	return bulkPrices[pick(i, saltPrice+1, len(bulkPrices))] + 50*int64(pick(i, saltPrice+2, 20))
}

// BulkLeadIDs returns the IDs of the generated leads, in ID order.
func BulkLeadIDs() []int64 {
	ids := make([]int64, BulkLeads)
	for i := range ids {
		ids[i] = bulkLeadFirst + int64(i)
	}
	return ids
}
