package story

import "github.com/leadscope/leadscope/api"

// Names turns the IDs in notes, events and tasks into words. Each method
// reports false when it does not know the ID; the formatter then shows
// "#ID" (or "stage #ID"...). The TUI and the CLI answer it from what they
// have loaded; DirectoryNames does that from the api types.
type Names interface {
	UserName(id int64) (string, bool)
	PipelineName(id int64) (string, bool)
	// Stage names a stage and gives its colour (Kommo's hex, e.g. "#99ccff").
	Stage(pipelineID, statusID int64) (name, color string, ok bool)
	FieldName(id int64) (string, bool)
	TaskTypeName(id int64) (string, bool)
	// EntityName names a linked contact or company; kind is Kommo's
	// singular entity type ("contact", "company"...).
	EntityName(kind string, id int64) (string, bool)
}

// noNames knows nothing: every ID shows as an ID.
type noNames struct{}

func (noNames) UserName(int64) (string, bool)             { return "", false }
func (noNames) PipelineName(int64) (string, bool)         { return "", false }
func (noNames) Stage(int64, int64) (string, string, bool) { return "", "", false }
func (noNames) FieldName(int64) (string, bool)            { return "", false }
func (noNames) TaskTypeName(int64) (string, bool)         { return "", false }
func (noNames) EntityName(string, int64) (string, bool)   { return "", false }

// DirectoryNames answers Names from what the app loaded; any part may be
// nil, and then its IDs stay IDs.
type DirectoryNames struct {
	Dir     *api.Directory // users, pipelines and stages, the account
	Fields  *api.FieldDefs // the leads' custom field definitions
	Related *api.Related   // the lead's contacts and companies
	// Lead names the fields it has values for (custom_fields_values carry
	// field_name), so most field changes need no definitions at all.
	Lead *api.Lead
}

var _ Names = DirectoryNames{}

// UserName names a user (users are listed for administrators only).
func (n DirectoryNames) UserName(id int64) (string, bool) { return n.Dir.UserName(id) }

// PipelineName names a pipeline.
func (n DirectoryNames) PipelineName(id int64) (string, bool) {
	p, ok := n.Dir.Pipeline(id)
	if !ok || p.Name == "" {
		return "", false
	}
	return p.Name, true
}

// Stage names a stage of a pipeline, with its colour.
func (n DirectoryNames) Stage(pipelineID, statusID int64) (string, string, bool) {
	_, s, ok := n.Dir.Status(pipelineID, statusID)
	if !ok || s.Name == "" {
		return "", "", false
	}
	return s.Name, s.Color, true
}

// FieldName names a custom field from its definition, else from the
// lead's own values.
func (n DirectoryNames) FieldName(id int64) (string, bool) {
	if name, ok := n.Fields.FieldName(id); ok {
		return name, true
	}
	if n.Lead != nil {
		for _, f := range n.Lead.CustomFields {
			if f.FieldID == id && f.FieldName != "" {
				return f.FieldName, true
			}
		}
	}
	return "", false
}

// UnnamedFields lists the fields that field-change events mention and
// neither the definitions nor the lead can name: when empty, loading the
// definitions would add nothing.
func (n DirectoryNames) UnnamedFields(events []api.Event) []int64 {
	var out []int64
	seen := map[int64]bool{}
	for _, ev := range events {
		if _, ok := fieldEventID(ev.Type); !ok {
			continue
		}
		for _, id := range eventFieldIDs(ev) {
			if _, named := n.FieldName(id); !named && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// taskTypeNamer is what the account offers once it is loaded with
// with=task_types; coding against it keeps this package independent of
// when that arrives.
type taskTypeNamer interface {
	TaskTypeName(id int64) (string, bool)
}

// TaskTypeName names a task type from the account's task types, when the
// account carries them.
func (n DirectoryNames) TaskTypeName(id int64) (string, bool) {
	if n.Dir == nil || n.Dir.Account == nil {
		return "", false
	}
	if tt, ok := any(n.Dir.Account).(taskTypeNamer); ok {
		return tt.TaskTypeName(id)
	}
	return "", false
}

// EntityName names a contact or company the lead links to.
func (n DirectoryNames) EntityName(kind string, id int64) (string, bool) {
	if n.Related == nil {
		return "", false
	}
	switch kind {
	case "contact", "contacts":
		for _, c := range n.Related.Contacts {
			if c.ID == id && c.Name != "" {
				return c.Name, true
			}
		}
	case "company", "companies":
		for _, c := range n.Related.Companies {
			if c.ID == id && c.Name != "" {
				return c.Name, true
			}
		}
	}
	return "", false
}
