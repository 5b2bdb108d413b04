package api_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/leadscope/leadscope/api"
)

func loadLead(t *testing.T, file string) api.Lead {
	t.Helper()
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var lead api.Lead
	if err := json.Unmarshal(body, &lead); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return lead
}

func TestDecodeDocumentedLead(t *testing.T) {
	l := loadLead(t, "testdata/lead_documented.json")
	checks := []struct {
		name string
		ok   bool
	}{
		{"scalars", l.ID == 19619 && l.Price == 46333 && l.ResponsibleUserID == 123321 && l.GroupID == 625 &&
			l.StatusID == 142 && l.PipelineID == 1300 && l.CreatedBy == 321123 && l.AccountID == 5135160},
		{"times", l.CreatedAt == 1453279607 && l.UpdatedAt == 1502193501 && l.ClosedAt != nil && *l.ClosedAt == 1483005931 && l.ClosestTaskAt == nil},
		{"nullable", l.LossReasonID == nil && l.Score == nil && l.SourceID != nil && *l.SourceID == 77},
		{"labor cost and flags", l.LaborCost != nil && *l.LaborCost == 3600 && l.IsPriceModifiedByRobot != nil && !*l.IsPriceModifiedByRobot && l.IsPriceComputed != nil},
		{"minor units", l.PriceWithMinorUnits != nil && *l.PriceWithMinorUnits == 46333.5},
		{"self link", l.Links.Self.Href == "https://example.kommo.com/api/v4/leads/19619"},
		{"tags with nullable colour", len(l.Embedded.Tags) == 2 && l.Embedded.Tags[0].Color == "#ff0000" && l.Embedded.Tags[1].Color == ""},
		{"contacts with is_main", len(l.Embedded.Contacts) == 2 && l.MainContactID() == 10971463},
		{"companies", len(l.Embedded.Companies) == 1 && l.Embedded.Companies[0].ID == 10971467},
		{"catalog elements", len(l.Embedded.CatalogElements) == 2 && l.Embedded.CatalogElements[0].Metadata.Quantity == 2.5 &&
			l.Embedded.CatalogElements[0].Metadata.CatalogID == 4521 && *l.Embedded.CatalogElements[0].Metadata.PriceID == 88 &&
			l.Embedded.CatalogElements[1].Metadata.PriceID == nil},
		{"loss reason object", l.Embedded.LossReason != nil && l.Embedded.LossReason.Name == "Too expensive"},
		{"source", l.Embedded.Source != nil && l.Embedded.Source.Name == "Website form" && l.Embedded.Source.Type == "form"},
		{"custom fields", len(l.CustomFields) == 2 && l.CustomFields[1].Values[0].EnumID != nil && *l.CustomFields[1].Values[0].EnumID == 12 &&
			l.CustomFields[0].FieldCode == ""},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: %+v", c.name, l)
		}
	}
}

// Kommo's messy data: numeric strings and floats, PHP's [] for {}, sparse
// arrays as objects, lists with junk members. The lead still decodes and
// keeps everything that makes sense.
func TestDecodeOddLead(t *testing.T) {
	l := loadLead(t, "testdata/lead_odd.json")
	checks := []struct {
		name string
		ok   bool
	}{
		{"numeric strings", l.ID == 4242 && l.Price == 1500 && l.StatusID == 143 && l.CreatedAt == 1700000000},
		{"floats", l.ResponsibleUserID == 7 && l.PipelineID == 1300 && l.UpdatedAt == 1700000000},
		{"number as name", l.Name == "123"},
		{"nonsense leaves zero", l.GroupID == 0 && l.CreatedBy == 0 && l.UpdatedBy == 0 && l.AccountID == 0},
		{"nonsense nullable stays nil", l.LossReasonID == nil && l.SourceID == nil && l.ClosestTaskAt == nil && l.LaborCost == nil},
		{"zero kept", l.ClosedAt != nil && *l.ClosedAt == 0},
		{"float score", l.Score != nil && *l.Score == 12},
		{"loose booleans", !l.IsDeleted && l.IsPriceModifiedByRobot != nil && *l.IsPriceModifiedByRobot && l.IsPriceComputed != nil && *l.IsPriceComputed},
		{"sparse custom fields", len(l.CustomFields) == 2 && l.CustomFields[0].FieldID == 9 && l.CustomFields[1].FieldName == "Odd values"},
		{"junk tags skipped", len(l.Embedded.Tags) == 1 && l.Embedded.Tags[0].ID == 5 && l.Embedded.Tags[0].Color == "16711680"},
		{"single object as list", len(l.Embedded.Contacts) == 1 && l.Embedded.Contacts[0].ID == 77 && l.Embedded.Contacts[0].IsMain},
		{"decimal comma quantity", len(l.Embedded.CatalogElements) == 2 && l.Embedded.CatalogElements[1].Metadata.Quantity == 0.5 &&
			l.Embedded.CatalogElements[1].Metadata.CatalogID == 9},
		{"loss reason array", l.Embedded.LossReason != nil && l.Embedded.LossReason.ID == 3 && l.Embedded.LossReason.Name == "Went silent"},
		{"PHP empty object", l.Embedded.Source == nil && l.Links.Self.Href == ""},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: %+v", c.name, l)
		}
	}
}

func TestDecodeLeadShapes(t *testing.T) {
	for _, tc := range []struct {
		doc     string
		wantErr bool
		check   func(api.Lead) bool
	}{
		{doc: `{"id":1,"_embedded":[]}`, check: func(l api.Lead) bool { return l.ID == 1 }},
		{doc: `{"id":1,"_embedded":null,"custom_fields_values":null}`, check: func(l api.Lead) bool { return l.CustomFields == nil }},
		{doc: `{"id":1,"_embedded":{"loss_reason":[]}}`, check: func(l api.Lead) bool { return l.Embedded.LossReason == nil }},
		{doc: `{"id":1,"_embedded":{"loss_reason":"gone"}}`, check: func(l api.Lead) bool { return l.Embedded.LossReason == nil }},
		{doc: `{"id":1,"_embedded":{"tags":"none"}}`, check: func(l api.Lead) bool { return len(l.Embedded.Tags) == 0 }},
		{doc: `{"id":9223372036854775807}`, check: func(l api.Lead) bool { return l.ID == 9223372036854775807 }},
		{doc: `{"id":9223372036854775808}`, check: func(l api.Lead) bool { return l.ID == 0 }},
		{doc: `{"id":1e400}`, check: func(l api.Lead) bool { return l.ID == 0 }},
		{doc: `{"id":"0x10"}`, check: func(l api.Lead) bool { return l.ID == 0 }},
		{doc: `{"id":1,"name":{"first":"x"}}`, check: func(l api.Lead) bool { return l.Name == "" }},
		{doc: `{"id":1,"id":2}`, check: func(l api.Lead) bool { return l.ID == 2 }},
		{doc: `{"ID":5}`, check: func(l api.Lead) bool { return l.ID == 0 }},
		{doc: `{"id":1,"custom_fields_values":[{"field_type":"chained_list","values":[{"catalog_id":1,"catalog_element_id":2}]}]}`,
			check: func(l api.Lead) bool {
				return l.CustomFields[0].Values[0].Value == nil && len(l.CustomFields[0].Values[0].Raw) > 0
			}},
		{doc: `null`, check: func(l api.Lead) bool { return l.ID == 0 }},
		{doc: `[]`, wantErr: true},
		{doc: `"lead"`, wantErr: true},
		{doc: `{"id":1`, wantErr: true},
	} {
		var l api.Lead
		err := json.Unmarshal([]byte(tc.doc), &l)
		if (err != nil) != tc.wantErr {
			t.Errorf("%s: err = %v", tc.doc, err)
			continue
		}
		if err == nil && !tc.check(l) {
			t.Errorf("%s decoded as %+v", tc.doc, l)
		}
	}
}

func TestDecodePipelineStatuses(t *testing.T) {
	var p api.Pipeline
	doc := `{"id":3,"name":"Sales","sort":"1","is_main":1,"_embedded":{"statuses":[{"id":142,"name":"Won","color":"#CCFF66","type":0,"pipeline_id":3},null,{"id":"143","name":"Lost","color":null}]}}`
	if err := json.Unmarshal([]byte(doc), &p); err != nil {
		t.Fatal(err)
	}
	if p.ID != 3 || !p.IsMain || p.Sort != 1 || len(p.Statuses) != 2 || p.Statuses[1].ID != 143 || p.Statuses[1].Color != "" {
		t.Errorf("%+v", p)
	}
}

func TestDecodeEntities(t *testing.T) {
	var u api.User
	var a api.Account
	var ce api.CatalogElement
	for doc, v := range map[string]any{
		`{"id":"7","name":"Ann","email":null,"rights":[]}`:                                 &u,
		`{"id":1,"name":"Acme","subdomain":"acme","current_user_id":"7","currency":"USD"}`: &a,
		`{"id":5,"name":"Desk","catalog_id":"9","custom_fields_values":false}`:             &ce,
	} {
		if err := json.Unmarshal([]byte(doc), v); err != nil {
			t.Errorf("%s: %v", doc, err)
		}
	}
	if u.ID != 7 || u.Name != "Ann" || a.CurrentUserID != 7 || ce.CatalogID != 9 || ce.CustomFields != nil {
		t.Errorf("user %+v account %+v element %+v", u, a, ce)
	}
}
