package api

import (
	"context"
	"net/url"
	"sort"
	"strconv"
	"sync"
)

// FieldDef is a custom field's definition (GET /api/v4/{entity}/custom_fields):
// its name, type, options and place on the card.
type FieldDef struct {
	ID         int64       `json:"id"`
	Name       string      `json:"name"`
	Code       string      `json:"code"`
	Sort       int64       `json:"sort"`
	Type       string      `json:"type"`
	EntityType string      `json:"entity_type"`
	GroupID    string      `json:"group_id"` // "" for the card's main group
	Enums      []FieldEnum `json:"enums"`
	IsComputed bool        `json:"is_computed"`
	IsAPIOnly  bool        `json:"is_api_only"`
}

// FieldEnum is one option of a select, multiselect, radiobutton... field.
type FieldEnum struct {
	ID    int64  `json:"id"`
	Value string `json:"value"`
	Sort  int64  `json:"sort"`
}

// FieldGroup is a tab of custom fields on the card
// (GET /api/v4/{entity}/custom_fields/groups); its ID is a string.
type FieldGroup struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Sort         int64  `json:"sort"`
	EntityType   string `json:"entity_type"`
	IsPredefined bool   `json:"is_predefined"`
}

// Entity types that have custom fields.
const (
	EntityLeads     = "leads"
	EntityContacts  = "contacts"
	EntityCompanies = "companies"
)

// Field definition paging: an account has hundreds of fields at most; the
// cap (10,000) only stops a server that pages forever.
const (
	FieldDefsPageSize = 250
	MaxFieldDefPages  = 40
)

// CustomFieldDefs lists every custom field defined for entity (EntityLeads,
// EntityContacts or EntityCompanies), following pages up to MaxFieldDefPages.
func (c *Client) CustomFieldDefs(ctx context.Context, entity string) ([]FieldDef, error) {
	op := "load " + entity + " field definitions"
	if err := checkEntity(op, entity); err != nil {
		return nil, err
	}
	load := pagedLoad[FieldDef]{
		op: op, key: "custom_fields", maxPages: MaxFieldDefPages,
		pageRef: func(page int) *url.URL {
			return pagedQuery("/api/v4/"+entity+"/custom_fields", nil, FieldDefsPageSize, page)
		},
		idOf: func(f FieldDef) string { return strconv.FormatInt(f.ID, 10) },
	}
	defs, _, err := load.run(ctx, c)
	return defs, err
}

// CustomFieldGroups lists the custom field groups (card tabs) of entity.
func (c *Client) CustomFieldGroups(ctx context.Context, entity string) ([]FieldGroup, error) {
	op := "load " + entity + " field groups"
	if err := checkEntity(op, entity); err != nil {
		return nil, err
	}
	load := pagedLoad[FieldGroup]{
		op: op, key: "custom_field_groups", maxPages: MaxFieldDefPages,
		pageRef: func(page int) *url.URL {
			return pagedQuery("/api/v4/"+entity+"/custom_fields/groups", nil, FieldDefsPageSize, page)
		},
		idOf: func(g FieldGroup) string { return g.ID },
	}
	groups, _, err := load.run(ctx, c)
	return groups, err
}

func checkEntity(op, entity string) error {
	switch entity {
	case EntityLeads, EntityContacts, EntityCompanies:
		return nil
	}
	return &Error{Kind: ErrBadRequest, Op: op, Detail: "custom fields are listed for leads, contacts and companies only"}
}

// FieldDefs is an entity's custom field definitions and groups, indexed.
type FieldDefs struct {
	Fields []FieldDef
	Groups []FieldGroup
	// GroupsErr is set when the groups could not be listed; fields still
	// have their names, only the card's tabs are unknown.
	GroupsErr error

	byID map[int64]int
}

// NewFieldDefs indexes fields and groups; the slices are kept, not copied.
func NewFieldDefs(fields []FieldDef, groups []FieldGroup) *FieldDefs {
	d := &FieldDefs{Fields: fields, Groups: groups, byID: make(map[int64]int, len(fields))}
	for i, f := range fields {
		if _, dup := d.byID[f.ID]; !dup {
			d.byID[f.ID] = i
		}
	}
	return d
}

// LoadFieldDefs fetches entity's field definitions and groups concurrently.
// Only a failure of the definitions fails it.
func (c *Client) LoadFieldDefs(ctx context.Context, entity string) (*FieldDefs, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg        sync.WaitGroup
		groups    []FieldGroup
		groupsErr error
	)
	wg.Go(func() { groups, groupsErr = c.CustomFieldGroups(ctx, entity) })
	fields, err := c.CustomFieldDefs(ctx, entity)
	if err != nil {
		cancel() // the groups are of no use without the fields
	}
	wg.Wait()
	if err != nil {
		return nil, err
	}
	d := NewFieldDefs(fields, groups)
	d.GroupsErr = groupsErr
	return d, nil
}

// Field finds a definition by ID.
func (d *FieldDefs) Field(id int64) (FieldDef, bool) {
	if d == nil {
		return FieldDef{}, false
	}
	if d.byID != nil {
		i, ok := d.byID[id]
		if !ok {
			return FieldDef{}, false
		}
		return d.Fields[i], true
	}
	for _, f := range d.Fields {
		if f.ID == id {
			return f, true
		}
	}
	return FieldDef{}, false
}

// FieldName returns a field's name; false when unknown or nameless.
func (d *FieldDefs) FieldName(id int64) (string, bool) {
	f, ok := d.Field(id)
	if !ok || f.Name == "" {
		return "", false
	}
	return f.Name, true
}

// EnumValue returns the label of one option of a field.
func (d *FieldDefs) EnumValue(fieldID, enumID int64) (string, bool) {
	f, ok := d.Field(fieldID)
	if !ok {
		return "", false
	}
	for _, e := range f.Enums {
		if e.ID == enumID && e.Value != "" {
			return e.Value, true
		}
	}
	return "", false
}

// Group finds a group by ID.
func (d *FieldDefs) Group(id string) (FieldGroup, bool) {
	if d == nil {
		return FieldGroup{}, false
	}
	for _, g := range d.Groups {
		if g.ID == id {
			return g, true
		}
	}
	return FieldGroup{}, false
}

// Ordered lists the fields as the card shows them: the main group (no
// group_id) first, then groups by sort, and fields by sort within each;
// ties keep Kommo's order. Fields of an unknown group come last.
func (d *FieldDefs) Ordered() []FieldDef {
	if d == nil {
		return nil
	}
	rank := make(map[string]int, len(d.Groups))
	groups := append([]FieldGroup(nil), d.Groups...)
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Sort < groups[j].Sort })
	for i, g := range groups {
		rank[g.ID] = i + 1
	}
	groupRank := func(id string) int {
		if id == "" {
			return 0
		}
		if r, ok := rank[id]; ok {
			return r
		}
		return len(groups) + 1
	}
	out := append([]FieldDef(nil), d.Fields...)
	sort.SliceStable(out, func(i, j int) bool {
		gi, gj := groupRank(out[i].GroupID), groupRank(out[j].GroupID)
		if gi != gj {
			return gi < gj
		}
		return out[i].Sort < out[j].Sort
	})
	return out
}

// UnmarshalJSON reads a field definition leniently (enums may be null).
func (f *FieldDef) UnmarshalJSON(data []byte) error { f.decodeLooseJSON(data); return nil }

func (f *FieldDef) decodeLooseJSON(data []byte) bool {
	type plain FieldDef
	return resetAndFill(data, (*plain)(f))
}

// UnmarshalJSON reads a field option leniently.
func (e *FieldEnum) UnmarshalJSON(data []byte) error { e.decodeLooseJSON(data); return nil }

func (e *FieldEnum) decodeLooseJSON(data []byte) bool {
	type plain FieldEnum
	return resetAndFill(data, (*plain)(e))
}

// UnmarshalJSON reads a field group leniently; a numeric ID keeps its digits.
func (g *FieldGroup) UnmarshalJSON(data []byte) error { g.decodeLooseJSON(data); return nil }

func (g *FieldGroup) decodeLooseJSON(data []byte) bool {
	type plain FieldGroup
	return resetAndFill(data, (*plain)(g))
}
