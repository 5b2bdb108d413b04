package sandbox

import "encoding/json"

// The seeded world. Its types are the sandbox's own and serialise to Kommo's
// JSON shapes; nothing here is shared with package api on purpose, so the
// client is tested against the wire format rather than against itself.

type dataset struct {
	account   account
	users     []user
	pipelines []pipeline
	catalogs  []catalog
	elements  map[int64][]catalogElement // by catalog ID, sorted by element ID
	contacts  []contact                  // sorted by ID
	companies []company                  // sorted by ID
	leads     map[int64]*lead
	leadIDs   []int64 // in seeding order
	leadsByID []*lead // sorted by ID, for the lead list
	idx       indexes // built by index() once the data is complete
	stories   *stories
}

type account struct {
	ID             int64  `json:"id"`
	Name           string `json:"name"`
	Subdomain      string `json:"subdomain"`
	CreatedAt      int64  `json:"created_at"`
	CreatedBy      int64  `json:"created_by"`
	UpdatedAt      int64  `json:"updated_at"`
	UpdatedBy      int64  `json:"updated_by"`
	CurrentUserID  int64  `json:"current_user_id"`
	Country        string `json:"country"`
	Currency       string `json:"currency"`
	CurrencySymbol string `json:"currency_symbol"`
	CustomersMode  string `json:"customers_mode"`
	IsUnsortedOn   bool   `json:"is_unsorted_on"`
	IsLossReasonOn bool   `json:"is_loss_reason_enabled"`
	IsHelpbotOn    bool   `json:"is_helpbot_enabled"`
	IsTechnical    bool   `json:"is_technical_account"`
	NameOrder      int    `json:"contact_name_display_order"`
}

type user struct {
	ID     int64      `json:"id"`
	Name   string     `json:"name"`
	Email  string     `json:"email"`
	Lang   string     `json:"lang"`
	Rights userRights `json:"rights"`
}

type userRights struct {
	IsAdmin  bool   `json:"is_admin"`
	IsFree   bool   `json:"is_free"`
	IsActive bool   `json:"is_active"`
	GroupID  *int64 `json:"group_id"`
	RoleID   *int64 `json:"role_id"`
}

type pipeline struct {
	ID           int64
	Name         string
	Sort         int64
	IsMain       bool
	IsUnsortedOn bool
	Statuses     []status
}

type status struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	Sort       int64  `json:"sort"`
	IsEditable bool   `json:"is_editable"`
	PipelineID int64  `json:"pipeline_id"`
	Color      string `json:"color"`
	Type       int    `json:"type"`
	AccountID  int64  `json:"account_id"`
}

type catalog struct {
	ID             int64  `json:"id"`
	Name           string `json:"name"`
	CreatedBy      int64  `json:"created_by"`
	UpdatedBy      int64  `json:"updated_by"`
	CreatedAt      int64  `json:"created_at"`
	UpdatedAt      int64  `json:"updated_at"`
	Sort           int64  `json:"sort"`
	Type           string `json:"type"`
	CanAddElements bool   `json:"can_add_elements"`
	CanShowInCards bool   `json:"can_show_in_cards"`
	CanLinkMulti   bool   `json:"can_link_multiple"`
	CanBeDeleted   bool   `json:"can_be_deleted"`
	AccountID      int64  `json:"account_id"`
}

type catalogElement struct {
	ID           int64
	Name         string
	CatalogID    int64
	CreatedAt    int64
	CustomFields []customField
}

type contact struct {
	ID                int64
	Name              string
	FirstName         string
	LastName          string
	ResponsibleUserID int64
	CreatedAt         int64
	ClosestTaskAt     *int64
	CustomFields      []customField
	CompanyIDs        []int64
}

type company struct {
	ID                int64
	Name              string
	ResponsibleUserID int64
	CreatedAt         int64
	CustomFields      []customField
}

// customField is one entry of custom_fields_values. Values are maps so a
// value can lack the "value" key (chained_list) or carry any shape.
type customField struct {
	FieldID    int64            `json:"field_id"`
	FieldName  string           `json:"field_name"`
	FieldCode  *string          `json:"field_code"`
	FieldType  string           `json:"field_type"`
	IsComputed bool             `json:"is_computed"`
	Values     []map[string]any `json:"values"`
}

// tag is a lead tag. Kommo sends a colourless tag's color as null or, in
// some answers, not at all (NoColorKey).
type tag struct {
	ID         int64
	Name       string
	Color      *string
	NoColorKey bool
}

func (t tag) MarshalJSON() ([]byte, error) {
	if t.NoColorKey && t.Color == nil {
		return json.Marshal(struct {
			ID   int64  `json:"id"`
			Name string `json:"name"`
		}{t.ID, t.Name})
	}
	return json.Marshal(struct {
		ID    int64   `json:"id"`
		Name  string  `json:"name"`
		Color *string `json:"color"`
	}{t.ID, t.Name, t.Color})
}

type contactLink struct {
	ID     int64
	IsMain bool
}

type elementLink struct {
	ID        int64
	CatalogID int64
	Quantity  float64
	PriceID   *int64
}

type lossReason struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Sort      int64  `json:"sort"`
	CreatedAt int64  `json:"created_at"`
	UpdatedAt int64  `json:"updated_at"`
}

type source struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	PipelineID int64  `json:"pipeline_id"`
	ExternalID string `json:"external_id"`
	Type       string `json:"type"`
	Default    bool   `json:"default"`
}

type lead struct {
	ID                 int64
	Name               string
	Price              int64
	ResponsibleUserID  int64
	GroupID            int64
	StatusID           int64
	PipelineID         int64
	CreatedBy          int64
	UpdatedBy          int64
	CreatedAt          int64
	UpdatedAt          int64
	ClosedAt           *int64
	ClosestTaskAt      *int64
	CustomFields       []customField // nil serialises as null, as Kommo does
	Score              *int64
	LaborCost          *int64
	PriceByRobot       bool
	Tags               []tag
	Contacts           []contactLink
	Companies          []int64
	Elements           []elementLink
	LossReason         *lossReason
	LossReasonAsObject bool // serve loss_reason as documented, not as the one-element array Kommo sends
	Source             *source
}
