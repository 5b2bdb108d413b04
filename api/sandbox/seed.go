package sandbox

import (
	"sort"
	"sync"
	"time"
)

// seedEpoch anchors every seeded timestamp (2024-05-01 00:00:00 UTC), so the
// data is identical on every run.
const seedEpoch int64 = 1714521600

func ptr[T any](v T) *T { return &v }

// seed builds the whole sandbox world. It is deterministic: no clock, no
// randomness. The hand-made leads are anchored at seedEpoch; the bulk ones
// (seed_bulk.go) at anchor, the server's "now", so that a list sorted by
// update time starts today and some tasks are overdue whenever it runs.
func seed(anchor int64) *dataset {
	d := &dataset{leads: map[int64]*lead{}, elements: map[int64][]catalogElement{}}
	d.account = seedAccount()
	d.users = seedUsers()
	d.pipelines = seedPipelines()
	d.catalogs = seedCatalogs()
	seedCatalogElements(d)
	d.companies = seedCompanies()
	d.contacts = seedContacts()
	for _, l := range seedNotableLeads() {
		d.addLead(l)
	}
	d.addLead(stagesLead())
	for _, l := range seedFillerLeads() {
		d.addLead(l)
	}
	seedBulk(d, anchor)
	for _, id := range d.leadIDs {
		d.leadsByID = append(d.leadsByID, d.leads[id])
	}
	sort.Slice(d.leadsByID, func(i, j int) bool { return d.leadsByID[i].ID < d.leadsByID[j].ID })
	sort.Slice(d.contacts, func(i, j int) bool { return d.contacts[i].ID < d.contacts[j].ID })
	sort.Slice(d.companies, func(i, j int) bool { return d.companies[i].ID < d.companies[j].ID })
	d.index()
	d.stories = seedStories(d)
	return d
}

func (d *dataset) addLead(l *lead) {
	d.leads[l.ID] = l
	d.leadIDs = append(d.leadIDs, l.ID)
}

// LeadIDs returns the IDs of every seeded lead: notable ones first, then
// the filler, then the BulkLeads generated ones (BulkLeadIDs).
func LeadIDs() []int64 {
	return append([]int64(nil), seedAt(seedEpoch).leadIDs...)
}

func seedAccount() account {
	return account{
		ID: AccountID, Name: AccountName, Subdomain: AccountSubdomain,
		CreatedAt: seedEpoch - 400*86400, CreatedBy: 0, UpdatedAt: seedEpoch, UpdatedBy: UserAdmin,
		CurrentUserID: UserAdmin, Country: "US", Currency: "USD", CurrencySymbol: "$",
		CustomersMode: "disabled", IsUnsortedOn: true, IsLossReasonOn: true, NameOrder: 1,
	}
}

func seedUsers() []user {
	people := []struct {
		id           int64
		name, email  string
		admin, alive bool
	}{
		{UserAdmin, UserAdminName, "alice@sandbox.example", true, true},
		{UserSales, UserSalesName, "boris@sandbox.example", false, true},
		{8000003, "Chen Wei", "chen@sandbox.example", false, true},
		{8000004, "Dana Kowalski", "dana@sandbox.example", false, true},
		{8000005, "Emeka Obi", "emeka@sandbox.example", false, true},
		{8000006, "Fatima Zahra", "fatima@sandbox.example", false, false},
	}
	users := make([]user, 0, len(people))
	for _, p := range people {
		users = append(users, user{ID: p.id, Name: p.name, Email: p.email, Lang: "en",
			Rights: userRights{IsAdmin: p.admin, IsActive: p.alive}})
	}
	return users
}

// salesUserIDs are the active users leads are assigned to, in rotation.
var salesUserIDs = []int64{UserSales, 8000003, 8000004, 8000005, UserAdmin}

func seedPipelines() []pipeline {
	closing := func(pid int64) []status {
		return []status{
			{ID: StatusWon, Name: "Closed - won", Sort: 10000, PipelineID: pid, Color: "#CCFF66", Type: 0},
			{ID: StatusLost, Name: "Closed - lost", Sort: 11000, PipelineID: pid, Color: "#D5D8DB", Type: 0},
		}
	}
	sales := []status{
		{ID: 7000011, Name: "Incoming leads", Sort: 10, PipelineID: PipelineSales, Color: "#c1c1c1", Type: 1},
		{ID: 7000012, Name: "Qualified", Sort: 20, IsEditable: true, PipelineID: PipelineSales, Color: "#99ccff"},
		{ID: LeadBasicStatus, Name: LeadBasicStageName, Sort: 30, IsEditable: true, PipelineID: PipelineSales, Color: LeadBasicStageColor},
		{ID: 7000014, Name: "Negotiation", Sort: 40, IsEditable: true, PipelineID: PipelineSales, Color: "#ffcc66"},
	}
	partners := []status{
		{ID: 7000021, Name: "Incoming leads", Sort: 10, PipelineID: PipelinePartners, Color: "#c1c1c1", Type: 1},
		{ID: 7000022, Name: "First call", Sort: 20, IsEditable: true, PipelineID: PipelinePartners, Color: "#98cbff"},
		{ID: 7000023, Name: "Contract review", Sort: 30, IsEditable: true, PipelineID: PipelinePartners, Color: "#fffd7f"},
		{ID: 7000024, Name: "Pilot running", Sort: 40, IsEditable: true, PipelineID: PipelinePartners, Color: "#ffdc7f"},
	}
	renewals := []status{
		{ID: 7000031, Name: "Incoming leads", Sort: 10, PipelineID: PipelineRenewals, Color: "#c1c1c1", Type: 1},
		{ID: RenewalsStatusDue, Name: RenewalsStatusDueName, Sort: 20, IsEditable: true, PipelineID: PipelineRenewals, Color: "#ffc8c8"},
		{ID: 7000033, Name: "Quote sent", Sort: 30, IsEditable: true, PipelineID: PipelineRenewals, Color: "#d6eaff"},
		{ID: 7000034, Name: "Awaiting signature", Sort: 40, IsEditable: true, PipelineID: PipelineRenewals, Color: "#deff81"},
	}
	ps := []pipeline{
		{ID: PipelineSales, Name: PipelineSalesName, Sort: 1, IsMain: true, IsUnsortedOn: true, Statuses: append(sales, closing(PipelineSales)...)},
		{ID: PipelinePartners, Name: PipelinePartnersName, Sort: 2, Statuses: append(partners, closing(PipelinePartners)...)},
		{ID: PipelineRenewals, Name: PipelineRenewalsName, Sort: 3, Statuses: append(renewals, closing(PipelineRenewals)...)},
	}
	for i := range ps {
		for j := range ps[i].Statuses {
			ps[i].Statuses[j].AccountID = AccountID
		}
	}
	return ps
}

// openStages lists each pipeline's stages a lead can sit in before closing.
func openStages(pipelineID int64) []int64 {
	switch pipelineID {
	case PipelinePartners:
		return []int64{7000021, 7000022, 7000023, 7000024}
	case PipelineRenewals:
		return []int64{7000031, RenewalsStatusDue, 7000033, 7000034}
	}
	return []int64{7000011, 7000012, LeadBasicStatus, 7000014}
}

// Seeds are built once per anchor and shared: the data is never modified.
// Servers started within the same minute share one; a few are kept.
var seeds struct {
	sync.Mutex
	byAnchor map[int64]*dataset
	order    []int64
}

const keptSeeds = 4

// seedAt returns the shared dataset anchored at anchor (unix seconds).
func seedAt(anchor int64) *dataset {
	seeds.Lock()
	defer seeds.Unlock()
	if d, ok := seeds.byAnchor[anchor]; ok {
		return d
	}
	if seeds.byAnchor == nil {
		seeds.byAnchor = map[int64]*dataset{}
	}
	if len(seeds.order) >= keptSeeds {
		delete(seeds.byAnchor, seeds.order[0])
		seeds.order = seeds.order[1:]
	}
	d := seed(anchor)
	seeds.byAnchor[anchor] = d
	seeds.order = append(seeds.order, anchor)
	return d
}

// anchorOf is the bulk data's "now" for a server started at now: the
// minute, so servers started together share their data.
func anchorOf(now time.Time) int64 {
	return now.Truncate(time.Minute).Unix()
}
