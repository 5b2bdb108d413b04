package sandbox

import "sort"

// Lead custom field groups (card tabs); fields outside them sit on the main tab.
const (
	groupBilling   = "leads_71000001"
	groupSurvey    = "leads_71000002"
	groupStatistic = "leads_statistic"
)

// Extra options of LeadAllFieldTypes' Plan field, so a change event can move between them.
const (
	enumPlanBasic int64 = 610002
	enumPlanPro   int64 = 610003
)

// seedFieldDefs defines every custom field the seeded leads, contacts and
// companies carry, with the options their values use, sorted by ID.
func seedFieldDefs(d *dataset) (map[string][]fieldDef, map[string][]fieldGroup) {
	leadFields := map[int64]customField{}
	for _, id := range d.leadIDs {
		for _, f := range d.leads[id].CustomFields {
			leadFields[f.FieldID] = f
		}
	}
	for _, f := range allFieldTypes() {
		leadFields[f.FieldID] = f
	}
	people := map[int64]customField{}
	for _, c := range d.contacts {
		for _, f := range c.CustomFields {
			people[f.FieldID] = f
		}
	}
	firms := map[int64]customField{}
	for _, c := range d.companies {
		for _, f := range c.CustomFields {
			firms[f.FieldID] = f
		}
	}
	fields := map[string][]fieldDef{
		"leads":     defsOf("leads", leadFields, leadGroupOf),
		"contacts":  defsOf("contacts", people, func(customField) *string { return nil }),
		"companies": defsOf("companies", firms, func(customField) *string { return nil }),
	}
	groups := map[string][]fieldGroup{
		"leads": {
			{ID: groupBilling, Name: "Legal & billing", Sort: 1, Entity: "leads"},
			{ID: groupSurvey, Name: "Survey", Sort: 2, Entity: "leads"},
			{ID: groupStatistic, Name: "Statistics", Sort: 3, Entity: "leads", IsPredefined: true},
		},
	}
	return fields, groups
}

func defsOf(entity string, used map[int64]customField, groupOf func(customField) *string) []fieldDef {
	out := make([]fieldDef, 0, len(used))
	for _, f := range used {
		out = append(out, fieldDef{
			ID: f.FieldID, Name: f.FieldName, Code: f.FieldCode, Type: f.FieldType, GroupID: groupOf(f),
			Entity: entity, Enums: enumsOf(f),
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	for i := range out {
		out[i].Sort = int64(10 * (i + 1))
	}
	return out
}

// enumsOf lists the options a field's values pick, plus Plan's other options;
// fields without options have none (Kommo sends null).
func enumsOf(f customField) []fieldEnum {
	var out []fieldEnum
	seen := map[int64]bool{}
	for _, v := range f.Values {
		id, ok := v["enum_id"].(int64)
		label, _ := v["value"].(string)
		if !ok || seen[id] || f.FieldType == "multitext" || f.FieldType == "smart_address" {
			continue
		}
		seen[id] = true
		out = append(out, fieldEnum{ID: id, Value: label})
	}
	if f.FieldID == fieldPlan {
		out = append(out, fieldEnum{ID: enumPlanBasic, Value: "Basic"}, fieldEnum{ID: enumPlanPro, Value: "Pro"})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	for i := range out {
		out[i].Sort = int64(i + 1)
	}
	return out
}

func leadGroupOf(f customField) *string {
	switch {
	case f.FieldID >= 620001:
		return ptr(groupSurvey)
	case f.FieldType == "tracking_data":
		return ptr(groupStatistic)
	}
	switch f.FieldType {
	case "legal_entity", "price", "monetary", "payer", "supplier", "items":
		return ptr(groupBilling)
	}
	return nil
}
