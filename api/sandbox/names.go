package sandbox

// Notable seeded leads. Every other seeded lead is ordinary filler; LeadIDs lists them all.
const (
	// LeadBasic: Sales pipeline, stage LeadBasicStageName, two contacts (LeadBasicContactName
	// is main), one company, two catalog elements in two catalogs, coloured and plain tags.
	LeadBasic int64 = 10000001
	// LeadNoContacts: no contacts, companies, catalog elements or tags;
	// custom_fields_values, score, closed_at, closest_task_at and labor_cost are null.
	LeadNoContacts int64 = 10000002
	// LeadOneOfEach: exactly one contact, one company and one catalog element.
	LeadOneOfEach int64 = 10000003
	// LeadManyLinks: ManyLinksContacts contacts, two companies, elements from two catalogs.
	LeadManyLinks int64 = 10000004
	// LeadAllFieldTypes carries one field of every type in AllFieldTypes (plus a
	// numeric string and an old "2020-05-08" birthday) and UnknownFieldType;
	// its date fields are midnight in AccountTimezone, as Kommo stores them.
	// It links LeadBasicProduct, which its chained_list names.
	LeadAllFieldTypes int64 = 10000005
	// LeadLost: status 143 with a source and loss_reason as Kommo sends it, a
	// one-element array.
	LeadLost int64 = 10000006
	// LeadLostObject: status 143 in PipelinePartners with loss_reason as
	// Kommo's reference documents it, an object.
	LeadLostObject int64 = 10000007
	// LeadLostArray is LeadLost, now that every lost lead but LeadLostObject
	// sends loss_reason as an array.
	//
	// Deprecated: use LeadLost.
	LeadLostArray = LeadLost
	// LeadWon: status 142, closed_at set.
	LeadWon int64 = 10000008
	// LeadEscapes: terminal escape sequences in its name, tags, contact names and a field value.
	LeadEscapes int64 = 10000009
	// LeadHuge: HugeCustomFields fields, HugeContacts contacts, HugeCompanies companies,
	// HugeCatalogElements elements of CatalogProducts and HugeTags tags.
	LeadHuge int64 = 10000010
	// LeadUnknownUser: responsible and created by a user /users does not list (deleted).
	LeadUnknownUser int64 = 10000011
	// LeadPartners: a lead in the second pipeline (PipelinePartners).
	LeadPartners int64 = 10000012
	// LeadMissing never exists: GET answers 204, or 404 with Faults.MissingLead404.
	LeadMissing int64 = 10099999
)

// Sizes of the notable leads' links.
const (
	HugeCustomFields    = 520
	HugeContacts        = 250
	HugeCompanies       = 2
	HugeCatalogElements = 250
	HugeTags            = 100
	ManyLinksContacts   = 12
)

// Account, users, pipelines and catalogs.
const (
	AccountID        int64 = 31000001
	AccountName            = "Sandbox Trading Co"
	AccountSubdomain       = "sandbox"

	// UserAdmin is the account's current user (an administrator).
	UserAdmin     int64 = 8000001
	UserAdminName       = "Alice Admin"
	UserSales     int64 = 8000002
	UserSalesName       = "Boris Petrov"
	UserDeleted   int64 = 8000099 // appears on LeadUnknownUser, absent from /users

	PipelineSales        int64 = 7000001
	PipelineSalesName          = "Sales"
	PipelinePartners     int64 = 7000002
	PipelinePartnersName       = "Partnerships"
	PipelineRenewals     int64 = 7000003
	PipelineRenewalsName       = "Renewals"
	// RenewalsStatusDue is a stage of PipelineRenewals only.
	RenewalsStatusDue     int64 = 7000032
	RenewalsStatusDueName       = "Renewal due"
	StatusWon             int64 = 142
	StatusLost            int64 = 143

	CatalogProducts     int64 = 5000001
	CatalogProductsName       = "Products"
	CatalogServices     int64 = 5000002
	CatalogServicesName       = "Services"
	CatalogWarehouses   int64 = 5000003
)

// What tests can assert on for LeadBasic and the lost leads.
const (
	LeadBasicName               = "Website redesign for Acme"
	LeadBasicPrice        int64 = 12500
	LeadBasicStatus       int64 = 7000013
	LeadBasicStageName          = "Proposal sent"
	LeadBasicStageColor         = "#ffff99"
	LeadBasicContact      int64 = 20000001
	LeadBasicContactName        = "Jane Doe"
	LeadBasicContactPhone       = "+1 555 0100"
	LeadBasicContactEmail       = "jane.doe@acme.example"
	LeadBasicCompany      int64 = 40000001
	LeadBasicCompanyName        = "Acme Holdings Ltd"
	LeadBasicProduct      int64 = 50000001
	LeadBasicProductName        = "Oak Standing Desk"
	LeadBasicProductQty         = 2.0
	LeadBasicService      int64 = 50100001
	LeadBasicServiceName        = "Installation"
	LeadBasicServiceQty         = 1.5
	LeadBasicTagColored         = "vip"
	LeadBasicTagColor           = "#ff8f92"
	LeadBasicTagPlain           = "website"

	LostReasonID         int64 = 9100001
	LostReasonName             = "Chose a competitor"
	LostObjectReasonName       = "No budget"
	LostSourceName             = "Website contact form"
	LostSourceID         int64 = 9200001

	// LeadBasicContractStart is LeadBasic's "Contract start" date field as the
	// account's calendar shows it: midnight there, the evening before in
	// zones west of it.
	LeadBasicContractStart = "2024-07-01"
	// LeadBasicProductPriceOnLead is LeadBasicProduct's price on LeadBasic:
	// its "Wholesale price" field, which the link's metadata.price_id names,
	// not its first price field (LeadBasicProductPrice).
	LeadBasicProductPriceOnLead = "41.65"
	LeadBasicProductPrice       = "49.00"

	// Registration details on LeadAllFieldTypes' legal_entity, payer and supplier fields.
	LegalEntityBIN      = "180140012345"
	PayerBIN            = "990240001122"
	SupplierBankAccount = "40702810900000012345"

	EscapeLeadName    = "Escaped \x1b]52;c;aGk=\a lead \x1b[2J with \x1b[31mred\x1b[0m text"
	EscapeTagName     = "\x1b[31mred-tag\x1b[0m"
	EscapeContactName = "Mallory \x1b[2J\x1b]52;c;aGk=\a Hacker"

	// UnknownFieldType is a field type Kommo has not invented yet.
	UnknownFieldType = "holographic_projection"
)

// The generated bulk data (seed_bulk.go): BulkLeads leads across the three
// pipelines, updated up to minutes before the server started, with
// contacts and companies; what tests can assert on.
const (
	BulkLeads = 2000

	// ContactManyLeads has exactly ContactManyLeadsCount leads, across pipelines.
	ContactManyLeads      int64 = 21000001
	ContactManyLeadsName        = "Марина Соколова"
	ContactManyLeadsCount       = 50

	// SearchPhone is the phone of SearchPhoneContact only (digits compare:
	// "442079460958" finds it too), who has SearchPhoneContactLeads leads.
	// Kommo's lead search finds two leads whose "Callback number" field
	// holds it, one of them not the contact's: searching leads by it, lead
	// search and contact search merged, finds SearchPhoneLeads.
	SearchPhone                   = "+44 20 7946 0958"
	SearchPhoneContact      int64 = 21000002
	SearchPhoneContactName        = "Oliver Bennett"
	SearchPhoneContactLeads       = 20
	SearchPhoneLeads              = 21

	// SearchEmail is the e-mail of SearchEmailContact only, who has
	// SearchEmailLeads leads; no lead's own fields hold it.
	SearchEmail                  = "olga.petrova@severny-veter.example"
	SearchEmailContact     int64 = 21000003
	SearchEmailContactName       = "Ольга Петрова"
	SearchEmailLeads             = 20

	// CompanyManyLeads has CompanyManyLeadsCount leads and CompanyManyLeadsContacts contacts.
	CompanyManyLeads         int64 = 41000001
	CompanyManyLeadsName           = "Northwind Traders"
	CompanyManyLeadsCount          = 10
	CompanyManyLeadsContacts       = 9

	// ContactMissing and CompanyMissing never exist: GET answers 204, or
	// 404 with Faults.MissingLead404.
	ContactMissing int64 = 29999999
	CompanyMissing int64 = 49999999
)

// Endpoint names for Requests.
const (
	EndpointLeads           = "leads"
	EndpointContacts        = "contacts"
	EndpointCompanies       = "companies"
	EndpointCatalogElements = "catalog_elements"
	EndpointCatalogs        = "catalogs"
	EndpointPipelines       = "pipelines"
	EndpointUsers           = "users"
	EndpointAccount         = "account"
	EndpointOAuthToken      = "oauth_token"
	EndpointOAuthAuthorize  = "oauth_authorize"
	EndpointOther           = "other"
)

// AllFieldTypes lists every custom field type kommo-api.md names for leads, as
// LeadAllFieldTypes carries them (contacts carry multitext).
func AllFieldTypes() []string {
	return []string{
		"text", "textarea", "url", "numeric", "checkbox", "select", "multiselect",
		"radiobutton", "category", "date", "date_time", "birthday", "streetaddress",
		"smart_address", "legal_entity", "price", "monetary", "tracking_data", "items",
		"linked_entity", "file", "chained_list", "payer", "supplier",
	}
}
