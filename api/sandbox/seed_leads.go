package sandbox

import "fmt"

var tagPool = []tag{
	{ID: 30001, Name: LeadBasicTagColored, Color: ptr(LeadBasicTagColor)},
	{ID: 30002, Name: LeadBasicTagPlain, NoColorKey: true},
	{ID: 30003, Name: "referral", Color: ptr("#a6e3a1")},
	{ID: 30004, Name: "q3-push"},
	{ID: 30005, Name: "enterprise", Color: ptr("#89b4fa")},
	{ID: 30006, Name: "renewal", NoColorKey: true},
	{ID: 30007, Name: "trade-show", Color: ptr("#f9e2af")},
	{ID: 30008, Name: "cold"},
}

// baseLead fills the fields every lead has; callers set what makes it notable.
func baseLead(id int64, name string, i int) *lead {
	created := seedEpoch - int64(i+1)*86400
	return &lead{
		ID: id, Name: name, Price: int64(1000 * (i%9 + 1)),
		ResponsibleUserID: salesUserIDs[i%len(salesUserIDs)], GroupID: 0,
		StatusID: openStages(PipelineSales)[i%4], PipelineID: PipelineSales,
		CreatedBy: UserAdmin, UpdatedBy: salesUserIDs[i%len(salesUserIDs)],
		CreatedAt: created, UpdatedAt: created + 3600*int64(i%24+1),
		Tags: []tag{},
	}
}

func contactLinks(ids []int64, main int) []contactLink {
	out := make([]contactLink, len(ids))
	for i, id := range ids {
		out[i] = contactLink{ID: id, IsMain: i == main}
	}
	return out
}

func seedNotableLeads() []*lead {
	basic := baseLead(LeadBasic, LeadBasicName, 0)
	basic.Price, basic.ResponsibleUserID, basic.StatusID = LeadBasicPrice, UserSales, LeadBasicStatus
	basic.ClosestTaskAt, basic.Score, basic.LaborCost = ptr(seedEpoch+2*86400), ptr(int64(7)), ptr(int64(3600))
	basic.Tags = []tag{tagPool[0], tagPool[1]}
	basic.Contacts = contactLinks([]int64{LeadBasicContact, namedContactID(1)}, 0)
	basic.Companies = []int64{LeadBasicCompany}
	basic.Elements = []elementLink{
		{ID: LeadBasicProduct, CatalogID: CatalogProducts, Quantity: LeadBasicProductQty, PriceID: ptr(fieldWholesalePrice)},
		{ID: LeadBasicService, CatalogID: CatalogServices, Quantity: LeadBasicServiceQty},
	}
	all := allFieldTypes()
	basic.CustomFields = []customField{all[0], all[6], all[3], all[10]}

	empty := baseLead(LeadNoContacts, "Walk-in enquiry", 1)

	one := baseLead(LeadOneOfEach, "Showroom chairs for Globex", 2)
	one.Contacts = contactLinks([]int64{namedContactID(2)}, 0)
	one.Companies = []int64{LeadBasicCompany + 1}
	one.Elements = []elementLink{{ID: LeadBasicProduct + 4, CatalogID: CatalogProducts, Quantity: 1}}
	one.Tags = []tag{tagPool[2]}
	one.CustomFields = []customField{all[0]}

	many := baseLead(LeadManyLinks, "Initech and Umbrella joint fit-out", 3)
	var manyIDs []int64
	for i := 0; i < ManyLinksContacts; i++ {
		manyIDs = append(manyIDs, namedContactID(3+i))
	}
	many.Contacts = contactLinks(manyIDs, 2)
	many.Companies = []int64{LeadBasicCompany + 2, LeadBasicCompany + 3}
	many.Elements = []elementLink{
		{ID: LeadBasicProduct + 20, CatalogID: CatalogProducts, Quantity: 10, PriceID: ptr(fieldPrice)},
		{ID: LeadBasicProduct + 21, CatalogID: CatalogProducts, Quantity: 4},
		{ID: LeadBasicProduct + 45, CatalogID: CatalogProducts, Quantity: 0.25},
		{ID: LeadBasicService + 2, CatalogID: CatalogServices, Quantity: 1},
		{ID: LeadBasicService + 5, CatalogID: CatalogServices, Quantity: 3},
	}
	many.Tags = []tag{tagPool[4], tagPool[5], tagPool[6]}
	many.CustomFields = []customField{all[0], all[7]}

	typed := baseLead(LeadAllFieldTypes, "Every custom field type", 4)
	typed.Contacts = contactLinks([]int64{namedContactID(4)}, 0)
	// The product its chained_list names, so that element's name is known.
	typed.Elements = []elementLink{{ID: LeadBasicProduct, CatalogID: CatalogProducts, Quantity: 1}}
	typed.CustomFields = all

	// Kommo sends loss_reason as a one-element array (the official PHP client
	// reads it so), though its reference documents an object: LeadLostObject.
	lost := baseLead(LeadLost, "Lost to a competitor", 5)
	lost.StatusID, lost.ClosedAt = StatusLost, ptr(seedEpoch-3600)
	lost.LossReason = &lossReason{ID: LostReasonID, Name: LostReasonName, Sort: 1, CreatedAt: seedEpoch - 300*86400, UpdatedAt: seedEpoch - 300*86400}
	lost.Source = &source{ID: LostSourceID, Name: LostSourceName, PipelineID: PipelineSales, ExternalID: "form-1", Type: "form", Default: false}
	lost.Contacts = contactLinks([]int64{namedContactID(5)}, 0)

	lostObject := baseLead(LeadLostObject, "Partnership that ran out of money", 6)
	lostObject.PipelineID, lostObject.StatusID, lostObject.ClosedAt = PipelinePartners, StatusLost, ptr(seedEpoch-7200)
	lostObject.LossReason = &lossReason{ID: LostReasonID + 1, Name: LostObjectReasonName, Sort: 2, CreatedAt: seedEpoch - 300*86400, UpdatedAt: seedEpoch - 300*86400}
	lostObject.LossReasonAsObject = true

	won := baseLead(LeadWon, "Annual license renewal for Stark", 7)
	won.StatusID, won.ClosedAt, won.Price, won.PriceByRobot = StatusWon, ptr(seedEpoch-86400), 48000, true
	won.Companies = []int64{LeadBasicCompany + 4}
	won.Tags = []tag{tagPool[5]}

	esc := baseLead(LeadEscapes, EscapeLeadName, 8)
	esc.Tags = []tag{{ID: 30901, Name: EscapeTagName, Color: ptr("#ff0000")}, {ID: 30902, Name: "\x1b]52;c;aGk=\aclipboard"}}
	esc.Contacts = contactLinks([]int64{escapeContact, escapeContactOther}, 0)
	esc.CustomFields = []customField{field(fieldNotes, "Notes \x1b[31m", "text", vals("\x1b[2J\x1b[Hscreen cleared\x1b]0;pwned\a")...)}

	return []*lead{basic, empty, one, many, typed, lost, lostObject, won, esc, hugeLead(), unknownUserLead(), partnersLead()}
}

func hugeLead() *lead {
	l := baseLead(LeadHuge, "Nationwide office rollout (huge)", 9)
	l.Price, l.ClosestTaskAt, l.Score = 2750000, ptr(seedEpoch+86400), ptr(int64(93))
	l.CustomFields = hugeFields()
	ids := make([]int64, HugeContacts)
	for i := range ids {
		ids[i] = hugeContactFirst + int64(i)
	}
	l.Contacts = contactLinks(ids, 0)
	for i := 0; i < HugeCompanies; i++ {
		l.Companies = append(l.Companies, hugeCompanyFirst+int64(i))
	}
	for i := 0; i < HugeCatalogElements; i++ {
		l.Elements = append(l.Elements, elementLink{ID: LeadBasicProduct + int64(i), CatalogID: CatalogProducts,
			Quantity: float64(i%7+1) + float64(i%4)*0.25, PriceID: ptr(fieldPrice)})
	}
	for i := 0; i < HugeTags; i++ {
		t := tag{ID: int64(31001 + i), Name: fmt.Sprintf("region-%03d", i+1), NoColorKey: i%4 == 1}
		if i%2 == 0 {
			t.Color = ptr(fmt.Sprintf("#%02x%02xcc", (i*37)%256, (i*91)%256))
		}
		l.Tags = append(l.Tags, t)
	}
	return l
}

func unknownUserLead() *lead {
	l := baseLead(LeadUnknownUser, "Inherited from a former colleague", 10)
	l.ResponsibleUserID, l.CreatedBy, l.UpdatedBy = UserDeleted, UserDeleted, UserDeleted
	l.Contacts = contactLinks([]int64{namedContactID(23)}, 0)
	return l
}

func partnersLead() *lead {
	l := baseLead(LeadPartners, "Reseller agreement with Tyrell", 11)
	l.PipelineID, l.StatusID = PipelinePartners, 7000023
	l.Companies = []int64{LeadBasicCompany + 6}
	l.Contacts = contactLinks([]int64{namedContactID(6), namedContactID(7)}, 1)
	l.Tags = []tag{tagPool[2], tagPool[3]}
	return l
}

var fillerProjects = []string{"CRM rollout", "Office fit-out", "Annual license renewal", "Warehouse shelving",
	"Pilot program", "Fleet tracking", "Support contract", "Data migration", "Training package", "Showroom refresh"}

const fillerLeads = 25

// seedFillerLeads makes ordinary leads with a spread of stages, links and fields.
func seedFillerLeads() []*lead {
	all := allFieldTypes()
	out := make([]*lead, 0, fillerLeads)
	for i := 0; i < fillerLeads; i++ {
		name := fillerProjects[i%len(fillerProjects)] + " — " + companyNames[i%len(companyNames)]
		l := baseLead(10000101+int64(i), name, 12+i)
		if i%3 == 2 {
			l.PipelineID = PipelinePartners
		}
		l.StatusID = openStages(l.PipelineID)[i%4]
		switch {
		case i%7 == 6:
			l.StatusID, l.ClosedAt = StatusWon, ptr(seedEpoch-int64(i)*3600)
		case i%11 == 10:
			l.StatusID, l.ClosedAt = StatusLost, ptr(seedEpoch-int64(i)*3600)
		}
		var ids []int64
		for c := 0; c < 1+i%3; c++ {
			ids = append(ids, namedContactID((i*2+c)%len(namedContacts)))
		}
		l.Contacts = contactLinks(ids, 0)
		if i%4 != 0 {
			l.Companies = []int64{LeadBasicCompany + int64(i%len(companyNames))}
		}
		if i%3 == 0 {
			l.Elements = append(l.Elements, elementLink{ID: LeadBasicProduct + int64(i*7%productCount), CatalogID: CatalogProducts, Quantity: float64(i%5 + 1)})
		}
		if i%5 == 0 {
			l.Elements = append(l.Elements, elementLink{ID: LeadBasicService + int64(i%len(serviceNames)), CatalogID: CatalogServices, Quantity: 0.5})
		}
		for t := 0; t < i%4; t++ {
			l.Tags = append(l.Tags, tagPool[(i+t)%len(tagPool)])
		}
		if i%2 == 0 {
			l.ClosestTaskAt = ptr(seedEpoch + int64(i)*43200)
			l.CustomFields = []customField{all[0], all[6], all[3]}
		}
		// score and labor_cost stay null, as on most real leads.
		out = append(out, l)
	}
	return out
}
