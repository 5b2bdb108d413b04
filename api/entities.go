package api

import "slices"

// Contact is a contact from GET /api/v4/contacts or /api/v4/contacts/{id}.
type Contact struct {
	ID                int64           `json:"id"`
	Name              string          `json:"name" lenient:"short"`
	FirstName         string          `json:"first_name" lenient:"short"`
	LastName          string          `json:"last_name" lenient:"short"`
	ResponsibleUserID int64           `json:"responsible_user_id"`
	GroupID           int64           `json:"group_id"`
	CreatedBy         int64           `json:"created_by"`
	UpdatedBy         int64           `json:"updated_by"`
	CreatedAt         int64           `json:"created_at"`
	UpdatedAt         int64           `json:"updated_at"`
	ClosestTaskAt     *int64          `json:"closest_task_at"`
	IsDeleted         bool            `json:"is_deleted"`
	CustomFields      []CustomField   `json:"custom_fields_values"`
	Embedded          ContactEmbedded `json:"_embedded"`

	// Raw is the body exactly as Kommo sent it (GetContact only), for --json.
	Raw []byte `json:"-"`
}

// ContactEmbedded is a contact's _embedded: tags always, companies when
// linked, leads only with=leads (IDs; the leads need LeadsByID).
type ContactEmbedded struct {
	Tags      []Tag        `json:"tags"`
	Companies []CompanyRef `json:"companies"`
	Leads     []LeadRef    `json:"leads"`
}

// Company is a company from GET /api/v4/companies or /api/v4/companies/{id}.
type Company struct {
	ID                int64           `json:"id"`
	Name              string          `json:"name" lenient:"short"`
	ResponsibleUserID int64           `json:"responsible_user_id"`
	GroupID           int64           `json:"group_id"`
	CreatedBy         int64           `json:"created_by"`
	UpdatedBy         int64           `json:"updated_by"`
	CreatedAt         int64           `json:"created_at"`
	UpdatedAt         int64           `json:"updated_at"`
	ClosestTaskAt     *int64          `json:"closest_task_at"`
	IsDeleted         bool            `json:"is_deleted"`
	CustomFields      []CustomField   `json:"custom_fields_values"`
	Embedded          CompanyEmbedded `json:"_embedded"`

	// Raw is the body exactly as Kommo sent it (GetCompany only), for --json.
	Raw []byte `json:"-"`
}

// CompanyEmbedded is a company's _embedded: tags always, leads and contacts
// with=leads,contacts (IDs only).
type CompanyEmbedded struct {
	Tags     []Tag        `json:"tags"`
	Leads    []LeadRef    `json:"leads"`
	Contacts []ContactRef `json:"contacts"`
}

// LeadRef is a linked lead: only the ID.
type LeadRef struct {
	ID int64 `json:"id"`
}

// CatalogElement is a list element from GET /api/v4/catalogs/{id}/elements.
type CatalogElement struct {
	ID           int64         `json:"id"`
	Name         string        `json:"name" lenient:"short"`
	CatalogID    int64         `json:"catalog_id"`
	CustomFields []CustomField `json:"custom_fields_values"`
}

// Catalog is a list (catalog) from GET /api/v4/catalogs.
type Catalog struct {
	ID   int64  `json:"id"`
	Name string `json:"name" lenient:"short"`
	Type string `json:"type" lenient:"short"`
}

// Pipeline is a sales pipeline with its stages.
type Pipeline struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name" lenient:"short"`
	Sort     int64    `json:"sort"`
	IsMain   bool     `json:"is_main"`
	Statuses []Status `json:"-"`
}

// Status is a pipeline stage; Color is Kommo's hex colour such as "#99ccff".
type Status struct {
	ID         int64  `json:"id"`
	Name       string `json:"name" lenient:"short"`
	Sort       int64  `json:"sort"`
	Color      string `json:"color" lenient:"short"`
	Type       int64  `json:"type"`
	PipelineID int64  `json:"pipeline_id"`
}

// Kommo's fixed closing stages, present in every pipeline.
const (
	StatusWon  int64 = 142
	StatusLost int64 = 143
)

// User is an account user (GET /api/v4/users, administrators only).
type User struct {
	ID    int64  `json:"id"`
	Name  string `json:"name" lenient:"short"`
	Email string `json:"email" lenient:"short"`
}

// Account is GET /api/v4/account, asked with the extras in accountWith
// (see account.go). The extras are nil or empty when Kommo leaves them out.
type Account struct {
	ID             int64  `json:"id"`
	Name           string `json:"name"`
	Subdomain      string `json:"subdomain"`
	CurrentUserID  int64  `json:"current_user_id"`
	Country        string `json:"country"`
	Currency       string `json:"currency"`
	CurrencySymbol string `json:"currency_symbol"`
	// IsAPIFilterEnabled says whether list filters work on this account;
	// nil when Kommo did not say.
	IsAPIFilterEnabled *bool `json:"is_api_filter_enabled"`

	DatetimeSettings *DatetimeSettings `json:"-"` // _embedded.datetime_settings
	TaskTypes        []TaskType        `json:"-"` // _embedded.task_types
	UsersGroups      []UsersGroup      `json:"-"` // _embedded.users_groups
}

// The entity decoders below are lenient (see lenient.go): a field of an
// unexpected shape is left empty instead of failing the whole response.

// UnmarshalJSON reads a contact leniently.
func (c *Contact) UnmarshalJSON(data []byte) error { c.decodeLooseJSON(data); return nil }

func (c *Contact) decodeLooseJSON(data []byte) bool {
	type plain Contact
	return resetAndFill(data, (*plain)(c))
}

// UnmarshalJSON reads a company leniently.
func (c *Company) UnmarshalJSON(data []byte) error { c.decodeLooseJSON(data); return nil }

func (c *Company) decodeLooseJSON(data []byte) bool {
	type plain Company
	return resetAndFill(data, (*plain)(c))
}

// UnmarshalJSON reads a catalog element leniently.
func (e *CatalogElement) UnmarshalJSON(data []byte) error { e.decodeLooseJSON(data); return nil }

func (e *CatalogElement) decodeLooseJSON(data []byte) bool {
	type plain CatalogElement
	return resetAndFill(data, (*plain)(e))
}

// UnmarshalJSON reads a catalog leniently.
func (c *Catalog) UnmarshalJSON(data []byte) error { c.decodeLooseJSON(data); return nil }

func (c *Catalog) decodeLooseJSON(data []byte) bool {
	type plain Catalog
	return resetAndFill(data, (*plain)(c))
}

// UnmarshalJSON reads a pipeline and its stages, which Kommo nests in
// _embedded.statuses.
func (p *Pipeline) UnmarshalJSON(data []byte) error { p.decodeLooseJSON(data); return nil }

func (p *Pipeline) decodeLooseJSON(data []byte) bool {
	type plain Pipeline
	if !resetAndFill(data, (*plain)(p)) {
		return false
	}
	var wire struct {
		Embedded struct {
			Statuses []Status `json:"statuses"`
		} `json:"_embedded"`
	}
	decodeLoose(data, &wire)
	// Kommo allows a few dozen stages; a copy of the first maxPageSize lets
	// the rest of a padded list go.
	p.Statuses = slices.Clone(wire.Embedded.Statuses[:min(len(wire.Embedded.Statuses), maxPageSize)])
	return true
}

// UnmarshalJSON reads a stage leniently; a null colour stays empty.
func (s *Status) UnmarshalJSON(data []byte) error { s.decodeLooseJSON(data); return nil }

func (s *Status) decodeLooseJSON(data []byte) bool {
	type plain Status
	return resetAndFill(data, (*plain)(s))
}

// UnmarshalJSON reads a user leniently.
func (u *User) UnmarshalJSON(data []byte) error { u.decodeLooseJSON(data); return nil }

func (u *User) decodeLooseJSON(data []byte) bool {
	type plain User
	return resetAndFill(data, (*plain)(u))
}

// UnmarshalJSON reads the account leniently.
func (a *Account) UnmarshalJSON(data []byte) error { a.decodeLooseJSON(data); return nil }

func (a *Account) decodeLooseJSON(data []byte) bool {
	type plain Account
	if !resetAndFill(data, (*plain)(a)) {
		return false
	}
	var wire struct {
		Embedded struct {
			DatetimeSettings *DatetimeSettings `json:"datetime_settings"`
			TaskTypes        []TaskType        `json:"task_types"`
			UsersGroups      []UsersGroup      `json:"users_groups"`
		} `json:"_embedded"`
	}
	decodeLoose(data, &wire)
	a.DatetimeSettings = wire.Embedded.DatetimeSettings
	a.TaskTypes = wire.Embedded.TaskTypes
	a.UsersGroups = wire.Embedded.UsersGroups
	return true
}

// resetAndFill zeroes *v and fills it from data; it never fails, so one
// odd entity in a list cannot fail the list.
func resetAndFill[T any](data []byte, v *T) bool {
	var zero T
	*v = zero
	return decodeLoose(data, v)
}
