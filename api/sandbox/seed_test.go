package sandbox

import (
	"bytes"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the check must not depend on the machine's zone files
)

func TestSeedIsDeterministic(t *testing.T) {
	a, b := seed(seedEpoch), seed(seedEpoch)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two seeds differ")
	}
	base := "http://x"
	for _, id := range a.leadIDs {
		w := withSet{contacts: true, catalogElements: true, lossReason: true, priceByRobot: true, sourceID: true, source: true}
		if !bytes.Equal(a.leads[id].render(base, w), b.leads[id].render(base, w)) {
			t.Fatalf("lead %d renders differently", id)
		}
	}
}

func TestSeedCoversTheRequiredCases(t *testing.T) {
	d := seed(seedEpoch)
	if len(LeadIDs()) < 30 || len(d.leads) != len(LeadIDs()) {
		t.Errorf("%d leads", len(LeadIDs()))
	}
	pipelinesUsed := map[int64]bool{}
	contactCounts := map[int]bool{}
	for _, id := range LeadIDs() {
		l := d.leads[id]
		pipelinesUsed[l.PipelineID] = true
		contactCounts[min(len(l.Contacts), 2)] = true
	}
	if len(pipelinesUsed) < 2 || len(contactCounts) != 3 {
		t.Errorf("pipelines used %v, contact counts %v", pipelinesUsed, contactCounts)
	}
	if len(d.users) < 5 || len(d.catalogs) < 2 {
		t.Errorf("%d users, %d catalogs", len(d.users), len(d.catalogs))
	}
	for _, id := range []int64{LeadBasic, LeadNoContacts, LeadOneOfEach, LeadManyLinks, LeadAllFieldTypes, LeadLost,
		LeadLostObject, LeadWon, LeadEscapes, LeadHuge, LeadUnknownUser, LeadPartners} {
		if d.leads[id] == nil {
			t.Errorf("notable lead %d not seeded", id)
		}
	}
	if d.leads[LeadMissing] != nil {
		t.Error("LeadMissing exists")
	}
	if one := d.leads[LeadOneOfEach]; len(one.Contacts) != 1 || len(one.Companies) != 1 || len(one.Elements) != 1 {
		t.Error("LeadOneOfEach is not one of each")
	}
	if many := d.leads[LeadManyLinks]; len(many.Contacts) != ManyLinksContacts || len(many.Companies) < 2 {
		t.Error("LeadManyLinks is not many")
	}
	if none := d.leads[LeadNoContacts]; len(none.Contacts)+len(none.Companies)+len(none.Elements)+len(none.Tags) != 0 || none.CustomFields != nil {
		t.Error("LeadNoContacts has links or fields")
	}
}

func TestEveryFieldTypeIsServed(t *testing.T) {
	s := startTest(t, Options{})
	l := get(t, s, fmt.Sprintf("/api/v4/leads/%d", LeadAllFieldTypes)).want(t, 200, contentHAL).json(t)
	byType := map[string][]any{}
	for _, f := range list(t, l, "custom_fields_values") {
		typ := dig(t, f, "field_type").(string)
		byType[typ] = append(byType[typ], f)
	}
	for _, typ := range append(AllFieldTypes(), UnknownFieldType) {
		if len(byType[typ]) == 0 {
			t.Errorf("no %s field", typ)
		}
	}
	for _, v := range list(t, byType["chained_list"][0], "values") {
		if _, ok := v.(map[string]any)["value"]; ok {
			t.Error("chained_list value has a value key")
		}
		if num(t, v, "catalog_element_id") == 0 {
			t.Error("chained_list without catalog_element_id")
		}
	}
	var numericString, oldBirthday bool
	for _, f := range byType["numeric"] {
		_, numericString = dig(t, f, "values", 0, "value").(string)
		if numericString {
			break
		}
	}
	for _, f := range byType["birthday"] {
		oldBirthday = oldBirthday || dig(t, f, "values", 0, "value") == "2020-05-08"
	}
	if !numericString || !oldBirthday {
		t.Errorf("numeric string %v, old birthday %v", numericString, oldBirthday)
	}
	for _, typ := range []string{"legal_entity", "items", "linked_entity", "file", "payer", "supplier", UnknownFieldType} {
		if _, ok := dig(t, byType[typ][0], "values", 0, "value").(map[string]any); !ok {
			t.Errorf("%s value is not an object", typ)
		}
	}
	if len(list(t, byType["multiselect"][0], "values")) < 2 || dig(t, byType["select"][0], "values", 0, "enum_id") == nil {
		t.Error("enum fields lack options or enum_id")
	}
}

func TestHugeLeadSizes(t *testing.T) {
	s := startTest(t, Options{})
	l := get(t, s, fmt.Sprintf("/api/v4/leads/%d%s", LeadHuge, allWith)).want(t, 200, contentHAL).json(t)
	fields := list(t, l, "custom_fields_values")
	values := 0
	for _, f := range fields {
		values += len(list(t, f, "values"))
	}
	if len(fields) != HugeCustomFields || HugeCustomFields < 500 || values < 500 {
		t.Errorf("%d fields, %d values", len(fields), values)
	}
	if n := len(list(t, l, "_embedded", "contacts")); n != HugeContacts || n < 250 {
		t.Errorf("%d contacts", n)
	}
	if n := len(list(t, l, "_embedded", "companies")); n != HugeCompanies || n < 2 {
		t.Errorf("%d companies", n)
	}
	if n := len(list(t, l, "_embedded", "tags")); n != HugeTags || n < 100 {
		t.Errorf("%d tags", n)
	}
	els := list(t, l, "_embedded", "catalog_elements")
	catalogs := map[int64]bool{}
	for _, e := range els {
		catalogs[num(t, e, "metadata", "catalog_id")] = true
	}
	if len(els) != HugeCatalogElements || len(els) < 250 || len(catalogs) != 1 {
		t.Errorf("%d elements in %d catalogs", len(els), len(catalogs))
	}
	// Each kind resolves in one request of 250.
	ids := make([]string, 0, HugeContacts)
	for _, c := range list(t, l, "_embedded", "contacts") {
		ids = append(ids, fmt.Sprint(num(t, c, "id")))
	}
	page := get(t, s, "/api/v4/contacts?limit=250&filter[id]="+strings.Join(ids, ",")).want(t, 200, contentHAL).json(t)
	if n := len(list(t, page, "_embedded", "contacts")); n != HugeContacts {
		t.Errorf("resolved %d contacts", n)
	}
}

func TestEscapeLeadCarriesControlSequences(t *testing.T) {
	s := startTest(t, Options{})
	l := get(t, s, fmt.Sprintf("/api/v4/leads/%d?with=contacts", LeadEscapes)).want(t, 200, contentHAL).json(t)
	if dig(t, l, "name") != EscapeLeadName || !strings.Contains(EscapeLeadName, "\x1b]52;c;aGk=\a") ||
		!strings.Contains(EscapeLeadName, "\x1b[2J") || !strings.Contains(EscapeLeadName, "\x1b[31m") {
		t.Errorf("name %q", dig(t, l, "name"))
	}
	if dig(t, l, "_embedded", "tags", 0, "name") != EscapeTagName {
		t.Errorf("tag %q", dig(t, l, "_embedded", "tags", 0, "name"))
	}
	c := get(t, s, fmt.Sprintf("/api/v4/contacts?filter[id][]=%d", num(t, l, "_embedded", "contacts", 0, "id"))).want(t, 200, contentHAL).json(t)
	if dig(t, c, "_embedded", "contacts", 0, "name") != EscapeContactName {
		t.Errorf("contact %q", dig(t, c, "_embedded", "contacts", 0, "name"))
	}
}

// TestEveryLinkResolves follows every seeded lead's references through the
// API, as the client will: nothing may point at an entity the sandbox lacks.
func TestEveryLinkResolves(t *testing.T) {
	s := startTest(t, Options{})
	d := s.data
	stages := map[[2]int64]bool{}
	for _, p := range d.pipelines {
		for _, st := range p.Statuses {
			stages[[2]int64{p.ID, st.ID}] = true
		}
	}
	has := func(endpoint string, id int64) bool {
		a := get(t, s, fmt.Sprintf("%s?filter[id][]=%d", endpoint, id))
		return a.status == http.StatusOK
	}
	checked := map[string]bool{}
	for _, id := range LeadIDs() {
		l := d.leads[id]
		if !stages[[2]int64{l.PipelineID, l.StatusID}] {
			t.Errorf("lead %d: stage %d not in pipeline %d", id, l.StatusID, l.PipelineID)
		}
		for _, c := range l.Contacts {
			if key := fmt.Sprint("c", c.ID); !checked[key] {
				checked[key] = true
				if !has("/api/v4/contacts", c.ID) {
					t.Errorf("lead %d: contact %d missing", id, c.ID)
				}
			}
		}
		for _, c := range l.Companies {
			if !has("/api/v4/companies", c) {
				t.Errorf("lead %d: company %d missing", id, c)
			}
		}
		for _, e := range l.Elements {
			if key := fmt.Sprint("e", e.ID); !checked[key] {
				checked[key] = true
				if !has(fmt.Sprintf("/api/v4/catalogs/%d/elements", e.CatalogID), e.ID) {
					t.Errorf("lead %d: element %d missing from catalog %d", id, e.ID, e.CatalogID)
				}
			}
		}
	}
}

// TestCalendarDatesAreMidnightInTheAccountsZone checks every seeded date
// and birthday value against the real zone database, which the fixed zone
// the seed computes with must agree with.
func TestCalendarDatesAreMidnightInTheAccountsZone(t *testing.T) {
	zone, err := time.LoadLocation(AccountTimezone)
	if err != nil {
		t.Fatal(err)
	}
	if _, offset := time.Date(2024, 7, 1, 0, 0, 0, 0, zone).Zone(); offset != -3*3600 || AccountTimezoneOffset != "-03:00" {
		t.Fatalf("%s is at %d s, the account says %s", AccountTimezone, offset, AccountTimezoneOffset)
	}
	seen := 0
	for _, id := range LeadIDs() {
		for _, f := range seedAt(anchorOf(time.Now())).leads[id].CustomFields {
			if f.FieldType != "date" && f.FieldType != "birthday" {
				continue
			}
			for _, v := range f.Values {
				sec, ok := v["value"].(int64)
				if !ok {
					continue // old "2020-05-08" strings
				}
				seen++
				if local := time.Unix(sec, 0).In(zone); local.Hour() != 0 || local.Minute() != 0 || local.Second() != 0 {
					t.Errorf("lead %d %s: %d is %s in %s, not midnight", id, f.FieldName, sec, local, AccountTimezone)
				}
			}
		}
	}
	if seen < 10 {
		t.Errorf("only %d date values checked", seen)
	}
	if got := time.Unix(accountMidnight(2024, time.July, 1), 0).In(zone).Format("2006-01-02"); got != LeadBasicContractStart {
		t.Errorf("contract start %s", got)
	}
}
