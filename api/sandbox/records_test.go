package sandbox

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
)

func embeddedIDs(t *testing.T, v any, kind string) []int64 {
	t.Helper()
	e, _ := dig(t, v, "_embedded").(map[string]any)
	items, ok := e[kind].([]any)
	if !ok {
		return nil
	}
	return leadIDsOf(t, items)
}

func TestContactWithLeads(t *testing.T) {
	s := startTest(t, Options{})
	c := get(t, s, fmt.Sprintf("/api/v4/contacts/%d?with=leads", ContactManyLeads)).want(t, 200, contentHAL).json(t)
	if dig(t, c, "name") != ContactManyLeadsName || len(embeddedIDs(t, c, "leads")) != ContactManyLeadsCount {
		t.Errorf("contact %v with %d leads", dig(t, c, "name"), len(embeddedIDs(t, c, "leads")))
	}
	plain := get(t, s, fmt.Sprintf("/api/v4/contacts/%d", LeadBasicContact)).want(t, 200, contentHAL).json(t)
	if embeddedIDs(t, plain, "leads") != nil {
		t.Error("leads without with=leads")
	}
	if ids := embeddedIDs(t, plain, "companies"); len(ids) != 1 || ids[0] != LeadBasicCompany {
		t.Errorf("companies %v", ids)
	}
	basic := get(t, s, fmt.Sprintf("/api/v4/contacts/%d?with=leads", LeadBasicContact)).json(t)
	if ids := embeddedIDs(t, basic, "leads"); len(ids) == 0 || ids[0] != LeadBasic {
		t.Errorf("Jane Doe's leads %v", ids)
	}
}

func TestCompanyWithLeadsAndContacts(t *testing.T) {
	s := startTest(t, Options{})
	c := get(t, s, fmt.Sprintf("/api/v4/companies/%d?with=leads,contacts", CompanyManyLeads)).want(t, 200, contentHAL).json(t)
	if dig(t, c, "name") != CompanyManyLeadsName || len(embeddedIDs(t, c, "leads")) != CompanyManyLeadsCount ||
		len(embeddedIDs(t, c, "contacts")) != CompanyManyLeadsContacts {
		t.Errorf("company %v: %d leads, %d contacts", dig(t, c, "name"), len(embeddedIDs(t, c, "leads")), len(embeddedIDs(t, c, "contacts")))
	}
	leadsOnly := get(t, s, fmt.Sprintf("/api/v4/companies/%d?with=leads", CompanyManyLeads)).json(t)
	if embeddedIDs(t, leadsOnly, "contacts") != nil {
		t.Error("contacts without with=contacts")
	}
}

func TestMissingRecords(t *testing.T) {
	s := startTest(t, Options{})
	for _, path := range []string{
		fmt.Sprintf("/api/v4/contacts/%d?with=leads", ContactMissing),
		fmt.Sprintf("/api/v4/companies/%d", CompanyMissing),
		fmt.Sprintf("/api/v4/catalogs/%d/elements/%d", CatalogProducts, 1),
	} {
		if a := get(t, s, path); a.status != http.StatusNoContent || len(a.body) != 0 {
			t.Errorf("%s: %d %q", path, a.status, a.body)
		}
	}
	s.SetFaults(Faults{MissingLead404: true})
	get(t, s, fmt.Sprintf("/api/v4/contacts/%d", ContactMissing)).problem(t, http.StatusNotFound)
	get(t, s, fmt.Sprintf("/api/v4/companies/%d", CompanyMissing)).problem(t, http.StatusNotFound)
	get(t, s, "/api/v4/catalogs/1/elements/1").problem(t, http.StatusNotFound)
	get(t, s, "/api/v4/contacts/abc").problem(t, http.StatusNotFound)
}

func TestCatalogElementAlone(t *testing.T) {
	s := startTest(t, Options{})
	path := fmt.Sprintf("/api/v4/catalogs/%d/elements/%d", CatalogProducts, LeadBasicProduct)
	e := get(t, s, path).want(t, 200, contentHAL).json(t)
	if dig(t, e, "name") != LeadBasicProductName || num(t, e, "catalog_id") != CatalogProducts {
		t.Errorf("element %v", e)
	}
	codes := map[string]bool{}
	for _, f := range list(t, e, "custom_fields_values") {
		if c, ok := dig(t, f, "field_code").(string); ok {
			codes[c] = true
		}
	}
	for _, c := range []string{"SKU", "PRICE", "UNIT"} {
		if !codes[c] {
			t.Errorf("element lacks %s: %v", c, codes)
		}
	}
	if s.Requests(EndpointCatalogElements) != 1 {
		t.Errorf("counted as %v", s.RequestCounts())
	}
}

func TestContactSearch(t *testing.T) {
	s := startTest(t, Options{})
	search := func(q string) []int64 {
		t.Helper()
		a := get(t, s, "/api/v4/contacts?with=leads&limit=250&query="+url.QueryEscape(q))
		if a.status == http.StatusNoContent {
			return nil
		}
		return leadIDsOf(t, list(t, a.want(t, 200, contentHAL).json(t), "_embedded", "contacts"))
	}
	for _, q := range []string{SearchPhone, "442079460958", "+44 (20) 7946-0958", "7946 0958"} {
		if ids := search(q); len(ids) != 1 || ids[0] != SearchPhoneContact {
			t.Errorf("phone %q found %v", q, ids)
		}
	}
	if ids := search(SearchEmail); len(ids) != 1 || ids[0] != SearchEmailContact {
		t.Errorf("e-mail found %v", ids)
	}
	if ids := search("МАРИНА"); len(ids) != 1 || ids[0] != ContactManyLeads {
		t.Errorf("name in another case found %v", ids)
	}
	if ids := search("no such person"); ids != nil {
		t.Errorf("nonsense found %v", ids)
	}
	a := get(t, s, "/api/v4/contacts?with=leads&query="+url.QueryEscape(SearchPhone)).json(t)
	if n := len(embeddedIDs(t, dig(t, a, "_embedded", "contacts", 0), "leads")); n != SearchPhoneContactLeads {
		t.Errorf("the found contact has %d leads", n)
	}
}
