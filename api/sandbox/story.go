package sandbox

import "fmt"

// stories is the seeded feed of every lead: notes, events, tasks, and the
// custom field definitions that name the fields events mention.
type stories struct {
	notes     map[int64][]note  // by lead, in ID order
	events    map[int64][]event // by lead, oldest first
	allEvents []event           // every lead's, oldest first
	tasks     map[int64][]task  // by lead, in ID order
	fields    map[string][]fieldDef
	groups    map[string][]fieldGroup
}

type note struct {
	ID                int64
	LeadID            int64
	CreatedBy         int64
	UpdatedBy         int64
	CreatedAt         int64
	UpdatedAt         int64
	ResponsibleUserID int64
	NoteType          string
	Params            map[string]any
}

type event struct {
	ID          string
	Type        string
	LeadID      int64
	CreatedBy   int64
	CreatedAt   int64
	ValueBefore []any // nil serialises as [], as Kommo sends it
	ValueAfter  []any
}

type task struct {
	ID                int64
	LeadID            int64
	Text              string
	TaskTypeID        int64
	ResponsibleUserID int64
	CreatedBy         int64
	CreatedAt         int64
	UpdatedAt         int64
	CompleteTill      int64
	Duration          int64
	IsCompleted       bool
	Result            string // "" serialises as [], as Kommo sends an empty result
}

type fieldDef struct {
	ID         int64
	Name       string
	Code       *string
	Type       string
	Sort       int64
	GroupID    *string
	Entity     string
	Enums      []fieldEnum
	IsComputed bool
}

type fieldEnum struct {
	ID    int64  `json:"id"`
	Value string `json:"value"`
	Sort  int64  `json:"sort"`
}

type fieldGroup struct {
	ID           string
	Name         string
	Sort         int64
	Entity       string
	IsPredefined bool
}

type noteJSON struct {
	ID                int64          `json:"id"`
	EntityID          int64          `json:"entity_id"`
	CreatedBy         int64          `json:"created_by"`
	UpdatedBy         int64          `json:"updated_by"`
	CreatedAt         int64          `json:"created_at"`
	UpdatedAt         int64          `json:"updated_at"`
	ResponsibleUserID int64          `json:"responsible_user_id"`
	GroupID           int64          `json:"group_id"`
	NoteType          string         `json:"note_type"`
	Params            map[string]any `json:"params"`
	AccountID         int64          `json:"account_id"`
	Links             links          `json:"_links"`
}

func (n note) json(base string) any {
	return noteJSON{
		ID: n.ID, EntityID: n.LeadID, CreatedBy: n.CreatedBy, UpdatedBy: n.UpdatedBy, CreatedAt: n.CreatedAt,
		UpdatedAt: n.UpdatedAt, ResponsibleUserID: n.ResponsibleUserID, NoteType: n.NoteType, Params: n.Params,
		AccountID: AccountID, Links: selfLinks(fmt.Sprintf("%s/api/v4/leads/%d/notes/%d", base, n.LeadID, n.ID)),
	}
}

type eventJSON struct {
	ID          string `json:"id"`
	Type        string `json:"type"`
	EntityID    int64  `json:"entity_id"`
	EntityType  string `json:"entity_type"`
	CreatedBy   int64  `json:"created_by"`
	CreatedAt   int64  `json:"created_at"`
	ValueAfter  []any  `json:"value_after"`
	ValueBefore []any  `json:"value_before"`
	AccountID   int64  `json:"account_id"`
	Links       links  `json:"_links"`
	Embedded    struct {
		Entity entityRef `json:"entity"`
	} `json:"_embedded"`
}

func (e event) json(base string) any {
	out := eventJSON{
		ID: e.ID, Type: e.Type, EntityID: e.LeadID, EntityType: "lead", CreatedBy: e.CreatedBy, CreatedAt: e.CreatedAt,
		ValueAfter: orEmpty(e.ValueAfter), ValueBefore: orEmpty(e.ValueBefore), AccountID: AccountID,
		Links: selfLinks(base + "/api/v4/events/" + e.ID),
	}
	out.Embedded.Entity = entityRef{ID: e.LeadID, Links: selfLinks(fmt.Sprintf("%s/api/v4/leads/%d", base, e.LeadID))}
	return out
}

func orEmpty(v []any) []any {
	if v == nil {
		return []any{}
	}
	return v
}

type taskJSON struct {
	ID                int64  `json:"id"`
	CreatedBy         int64  `json:"created_by"`
	UpdatedBy         int64  `json:"updated_by"`
	CreatedAt         int64  `json:"created_at"`
	UpdatedAt         int64  `json:"updated_at"`
	ResponsibleUserID int64  `json:"responsible_user_id"`
	GroupID           int64  `json:"group_id"`
	EntityID          int64  `json:"entity_id"`
	EntityType        string `json:"entity_type"`
	Duration          int64  `json:"duration"`
	IsCompleted       bool   `json:"is_completed"`
	TaskTypeID        int64  `json:"task_type_id"`
	Text              string `json:"text"`
	Result            any    `json:"result"`
	CompleteTill      int64  `json:"complete_till"`
	AccountID         int64  `json:"account_id"`
	Links             links  `json:"_links"`
}

func (t task) json(base string) any {
	var result any = []any{}
	if t.Result != "" {
		result = map[string]string{"text": t.Result}
	}
	return taskJSON{
		ID: t.ID, CreatedBy: t.CreatedBy, UpdatedBy: t.CreatedBy, CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt,
		ResponsibleUserID: t.ResponsibleUserID, EntityID: t.LeadID, EntityType: "leads", Duration: t.Duration,
		IsCompleted: t.IsCompleted, TaskTypeID: t.TaskTypeID, Text: t.Text, Result: result, CompleteTill: t.CompleteTill,
		AccountID: AccountID, Links: selfLinks(fmt.Sprintf("%s/api/v4/tasks/%d", base, t.ID)),
	}
}

type fieldDefJSON struct {
	ID               int64       `json:"id"`
	Name             string      `json:"name"`
	Type             string      `json:"type"`
	AccountID        int64       `json:"account_id"`
	Code             *string     `json:"code"`
	Sort             int64       `json:"sort"`
	IsAPIOnly        bool        `json:"is_api_only"`
	Enums            []fieldEnum `json:"enums"` // null for fields without options, as Kommo sends
	GroupID          *string     `json:"group_id"`
	RequiredStatuses []any       `json:"required_statuses"`
	IsDeletable      bool        `json:"is_deletable"`
	IsPredefined     bool        `json:"is_predefined"`
	IsComputed       bool        `json:"is_computed"`
	EntityType       string      `json:"entity_type"`
	TrackingCallback *string     `json:"tracking_callback"`
	Remind           *string     `json:"remind"`
	Triggers         []any       `json:"triggers"`
	Currency         *string     `json:"currency"`
	HiddenStatuses   []any       `json:"hidden_statuses"`
	ChainedLists     any         `json:"chained_lists"`
	Links            links       `json:"_links"`
}

func (f fieldDef) json(base string) any {
	return fieldDefJSON{
		ID: f.ID, Name: f.Name, Type: f.Type, AccountID: AccountID, Code: f.Code, Sort: f.Sort, Enums: f.Enums,
		GroupID: f.GroupID, RequiredStatuses: []any{}, IsDeletable: f.Code == nil, IsPredefined: f.Code != nil,
		IsComputed: f.IsComputed, EntityType: f.Entity, Triggers: []any{}, HiddenStatuses: []any{},
		Links: selfLinks(fmt.Sprintf("%s/api/v4/%s/custom_fields/%d", base, f.Entity, f.ID)),
	}
}

type fieldGroupJSON struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Sort         int64  `json:"sort"`
	EntityType   string `json:"entity_type"`
	IsPredefined bool   `json:"is_predefined"`
	Links        links  `json:"_links"`
}

func (g fieldGroup) json(base string) any {
	return fieldGroupJSON{ID: g.ID, Name: g.Name, Sort: g.Sort, EntityType: g.Entity, IsPredefined: g.IsPredefined,
		Links: selfLinks(fmt.Sprintf("%s/api/v4/%s/custom_fields/groups/%s", base, g.Entity, g.ID))}
}
