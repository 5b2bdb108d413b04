package sandbox

import "fmt"

type embeddedLinks struct {
	Tags      []tag       `json:"tags"`
	Companies []entityRef `json:"companies,omitempty"`
}

type contactJSON struct {
	ID                int64         `json:"id"`
	Name              string        `json:"name"`
	FirstName         string        `json:"first_name"`
	LastName          string        `json:"last_name"`
	ResponsibleUserID int64         `json:"responsible_user_id"`
	GroupID           int64         `json:"group_id"`
	CreatedBy         int64         `json:"created_by"`
	UpdatedBy         int64         `json:"updated_by"`
	CreatedAt         int64         `json:"created_at"`
	UpdatedAt         int64         `json:"updated_at"`
	ClosestTaskAt     *int64        `json:"closest_task_at"`
	IsDeleted         bool          `json:"is_deleted"`
	IsUnsorted        bool          `json:"is_unsorted"`
	CustomFields      []customField `json:"custom_fields_values"`
	AccountID         int64         `json:"account_id"`
	Links             links         `json:"_links"`
	Embedded          embeddedLinks `json:"_embedded"`
}

func (c contact) json(base string) any {
	out := contactJSON{
		ID: c.ID, Name: c.Name, FirstName: c.FirstName, LastName: c.LastName, ResponsibleUserID: c.ResponsibleUserID,
		CreatedBy: UserAdmin, UpdatedBy: c.ResponsibleUserID, CreatedAt: c.CreatedAt, UpdatedAt: c.CreatedAt + 600,
		ClosestTaskAt: c.ClosestTaskAt, CustomFields: c.CustomFields, AccountID: AccountID,
		Links:    selfLinks(fmt.Sprintf("%s/api/v4/contacts/%d", base, c.ID)),
		Embedded: embeddedLinks{Tags: []tag{}, Companies: []entityRef{}},
	}
	for _, id := range c.CompanyIDs {
		out.Embedded.Companies = append(out.Embedded.Companies, entityRef{ID: id, Links: selfLinks(fmt.Sprintf("%s/api/v4/companies/%d", base, id))})
	}
	return out
}

type companyJSON struct {
	ID                int64         `json:"id"`
	Name              string        `json:"name"`
	ResponsibleUserID int64         `json:"responsible_user_id"`
	GroupID           int64         `json:"group_id"`
	CreatedBy         int64         `json:"created_by"`
	UpdatedBy         int64         `json:"updated_by"`
	CreatedAt         int64         `json:"created_at"`
	UpdatedAt         int64         `json:"updated_at"`
	ClosestTaskAt     *int64        `json:"closest_task_at"`
	IsDeleted         bool          `json:"is_deleted"`
	CustomFields      []customField `json:"custom_fields_values"`
	AccountID         int64         `json:"account_id"`
	Links             links         `json:"_links"`
	Embedded          embeddedLinks `json:"_embedded"`
}

func (c company) json(base string) any {
	return companyJSON{
		ID: c.ID, Name: c.Name, ResponsibleUserID: c.ResponsibleUserID, CreatedBy: UserAdmin, UpdatedBy: c.ResponsibleUserID,
		CreatedAt: c.CreatedAt, UpdatedAt: c.CreatedAt + 600, CustomFields: c.CustomFields, AccountID: AccountID,
		Links:    selfLinks(fmt.Sprintf("%s/api/v4/companies/%d", base, c.ID)),
		Embedded: embeddedLinks{Tags: []tag{}},
	}
}

type elementJSON struct {
	ID           int64         `json:"id"`
	Name         string        `json:"name"`
	CreatedBy    int64         `json:"created_by"`
	UpdatedBy    int64         `json:"updated_by"`
	CreatedAt    int64         `json:"created_at"`
	UpdatedAt    int64         `json:"updated_at"`
	IsDeleted    bool          `json:"is_deleted"`
	CustomFields []customField `json:"custom_fields_values"`
	CatalogID    int64         `json:"catalog_id"`
	AccountID    int64         `json:"account_id"`
	Links        links         `json:"_links"`
}

func (e catalogElement) json(base string) any {
	return elementJSON{
		ID: e.ID, Name: e.Name, CreatedBy: UserAdmin, UpdatedBy: UserAdmin, CreatedAt: e.CreatedAt, UpdatedAt: e.CreatedAt,
		CustomFields: e.CustomFields, CatalogID: e.CatalogID, AccountID: AccountID,
		Links: selfLinks(fmt.Sprintf("%s/api/v4/catalogs/%d/elements/%d", base, e.CatalogID, e.ID)),
	}
}

func (c catalog) json(base string) any {
	return struct {
		catalog
		Links links `json:"_links"`
	}{c, selfLinks(fmt.Sprintf("%s/api/v4/catalogs/%d", base, c.ID))}
}

func (u user) json(base string) any {
	return struct {
		user
		Links links `json:"_links"`
	}{u, selfLinks(fmt.Sprintf("%s/api/v4/users/%d", base, u.ID))}
}

type pipelineJSON struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	Sort         int64  `json:"sort"`
	IsMain       bool   `json:"is_main"`
	IsUnsortedOn bool   `json:"is_unsorted_on"`
	IsArchive    bool   `json:"is_archive"`
	AccountID    int64  `json:"account_id"`
	Links        links  `json:"_links"`
	Embedded     struct {
		Statuses []any `json:"statuses"`
	} `json:"_embedded"`
}

func (p pipeline) json(base string) any {
	out := pipelineJSON{ID: p.ID, Name: p.Name, Sort: p.Sort, IsMain: p.IsMain, IsUnsortedOn: p.IsUnsortedOn,
		AccountID: AccountID, Links: selfLinks(fmt.Sprintf("%s/api/v4/leads/pipelines/%d", base, p.ID))}
	for _, s := range p.Statuses {
		out.Embedded.Statuses = append(out.Embedded.Statuses, struct {
			status
			Links links `json:"_links"`
		}{s, selfLinks(fmt.Sprintf("%s/api/v4/leads/pipelines/%d/statuses/%d", base, p.ID, s.ID))})
	}
	return out
}
