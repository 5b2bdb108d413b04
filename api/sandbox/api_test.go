package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

const allWith = "?with=contacts,catalog_elements,loss_reason,is_price_modified_by_robot,source_id,source"

func TestLeadBasicShape(t *testing.T) {
	s := startTest(t, Options{})
	l := get(t, s, fmt.Sprintf("/api/v4/leads/%d%s", LeadBasic, allWith)).want(t, 200, contentHAL).json(t)
	if num(t, l, "id") != LeadBasic || dig(t, l, "name") != LeadBasicName || num(t, l, "price") != LeadBasicPrice {
		t.Errorf("id/name/price: %v %v %v", l["id"], l["name"], l["price"])
	}
	if num(t, l, "status_id") != LeadBasicStatus || num(t, l, "pipeline_id") != PipelineSales || num(t, l, "account_id") != AccountID {
		t.Errorf("status/pipeline/account wrong")
	}
	for _, k := range []string{"responsible_user_id", "group_id", "loss_reason_id", "source_id", "created_by", "updated_by",
		"created_at", "updated_at", "closed_at", "closest_task_at", "is_deleted", "custom_fields_values", "score",
		"labor_cost", "is_price_modified_by_robot"} {
		if _, ok := l[k]; !ok {
			t.Errorf("lead lacks %q", k)
		}
	}
	if l["closed_at"] != nil || l["loss_reason_id"] != nil || l["source_id"] != nil {
		t.Errorf("open lead without source: closed_at, loss_reason_id, source_id must be null")
	}
	if href := dig(t, l, "_links", "self", "href"); href != fmt.Sprintf("%s/api/v4/leads/%d", s.URL(), LeadBasic) {
		t.Errorf("self href %v", href)
	}
	tags := list(t, l, "_embedded", "tags")
	if len(tags) != 2 || dig(t, tags, 0, "name") != LeadBasicTagColored || dig(t, tags, 0, "color") != LeadBasicTagColor ||
		dig(t, tags, 1, "name") != LeadBasicTagPlain {
		t.Errorf("tags: %v", tags)
	}
	if _, ok := dig(t, tags, 1).(map[string]any)["color"]; ok {
		t.Errorf("the plain tag has a color key, as some of Kommo's answers do not: %v", tags[1])
	}
	contacts := list(t, l, "_embedded", "contacts")
	if len(contacts) != 2 || num(t, contacts, 0, "id") != LeadBasicContact || dig(t, contacts, 0, "is_main") != true || dig(t, contacts, 1, "is_main") != false {
		t.Errorf("contacts: %v", contacts)
	}
	if c := list(t, l, "_embedded", "companies"); len(c) != 1 || num(t, c, 0, "id") != LeadBasicCompany {
		t.Errorf("companies: %v", c)
	}
	els := list(t, l, "_embedded", "catalog_elements")
	if len(els) != 2 || num(t, els, 0, "id") != LeadBasicProduct || dig(t, els, 0, "metadata", "quantity") != LeadBasicProductQty ||
		num(t, els, 0, "metadata", "catalog_id") != CatalogProducts || dig(t, els, 1, "metadata", "quantity") != LeadBasicServiceQty {
		t.Errorf("catalog elements: %v", els)
	}
	if _, ok := dig(t, els, 1, "metadata").(map[string]any)["price_id"]; ok {
		t.Errorf("price_id must be absent when the element has none")
	}
	if num(t, els, 0, "metadata", "price_id") != fieldWholesalePrice {
		t.Errorf("the product's price_id names its second price field: %v", dig(t, els, 0, "metadata"))
	}
	for _, f := range list(t, l, "custom_fields_values") {
		if _, ok := dig(t, f).(map[string]any)["is_computed"].(bool); !ok {
			t.Errorf("field without is_computed: %v", f)
		}
	}
}

func TestLeadWithOnlyIncludesWhatIsAsked(t *testing.T) {
	s := startTest(t, Options{})
	bare := get(t, s, fmt.Sprintf("/api/v4/leads/%d", LeadLost)).want(t, 200, contentHAL).json(t)
	emb := dig(t, bare, "_embedded").(map[string]any)
	for _, k := range []string{"contacts", "catalog_elements", "loss_reason", "source"} {
		if _, ok := emb[k]; ok {
			t.Errorf("_embedded.%s present without with=", k)
		}
	}
	for _, k := range []string{"source_id", "is_price_modified_by_robot"} {
		if _, ok := bare[k]; ok {
			t.Errorf("%s present without with=", k)
		}
	}
	if _, ok := emb["tags"]; !ok {
		t.Errorf("tags must always be present")
	}
	if num(t, bare, "loss_reason_id") != LostReasonID {
		t.Errorf("loss_reason_id is a plain field")
	}

	onlyContacts := get(t, s, fmt.Sprintf("/api/v4/leads/%d?with=contacts", LeadBasic)).want(t, 200, contentHAL).json(t)
	emb = dig(t, onlyContacts, "_embedded").(map[string]any)
	if _, ok := emb["contacts"]; !ok {
		t.Errorf("with=contacts gives no contacts")
	}
	if _, ok := emb["catalog_elements"]; ok {
		t.Errorf("with=contacts gives catalog elements")
	}

	// Kommo's reference spells "source" with a Cyrillic letter; the server knows only the ASCII name.
	cyrillic := get(t, s, fmt.Sprintf("/api/v4/leads/%d?with=%s", LeadLost, "\u0441ource")).want(t, 200, contentHAL).json(t)
	if _, ok := dig(t, cyrillic, "_embedded").(map[string]any)["source"]; ok {
		t.Errorf("the Cyrillic spelling must not be understood")
	}
}

func TestLostLeadsLossReasonArrayAndObject(t *testing.T) {
	s := startTest(t, Options{})
	lost := get(t, s, fmt.Sprintf("/api/v4/leads/%d%s", LeadLost, allWith)).want(t, 200, contentHAL).json(t)
	if num(t, lost, "status_id") != StatusLost || lost["closed_at"] == nil {
		t.Errorf("lost lead: status %v closed_at %v", lost["status_id"], lost["closed_at"])
	}
	reasons := list(t, lost, "_embedded", "loss_reason")
	if len(reasons) != 1 || dig(t, reasons, 0, "name") != LostReasonName || num(t, reasons, 0, "id") != LostReasonID {
		t.Errorf("loss_reason array: %v", reasons)
	}
	if dig(t, lost, "_embedded", "source", "name") != LostSourceName || num(t, lost, "source_id") != LostSourceID {
		t.Errorf("source: %v", dig(t, lost, "_embedded", "source"))
	}
	obj := get(t, s, fmt.Sprintf("/api/v4/leads/%d?with=loss_reason", LeadLostObject)).want(t, 200, contentHAL).json(t)
	if dig(t, obj, "_embedded", "loss_reason", "name") != LostObjectReasonName {
		t.Errorf("loss_reason object: %v", dig(t, obj, "_embedded", "loss_reason"))
	}
}

func TestFieldShapesAsKommoSendsThem(t *testing.T) {
	s := startTest(t, Options{})
	l := get(t, s, fmt.Sprintf("/api/v4/leads/%d", LeadAllFieldTypes)).want(t, 200, contentHAL).json(t)
	byName := map[string]map[string]any{}
	for _, f := range list(t, l, "custom_fields_values") {
		byName[dig(t, f, "field_name").(string)] = f.(map[string]any)
	}
	if v := dig(t, byName["Deal value"], "values", 0, "value"); v != "12500" {
		t.Errorf("price as a string: %#v", v)
	}
	if dig(t, byName["Deposit"], "is_computed") != true || dig(t, byName["Deal value"], "is_computed") != false {
		t.Errorf("is_computed: %v / %v", byName["Deposit"], byName["Deal value"])
	}
	if v := dig(t, byName["Supplier"], "values", 0, "value", "bank_account_number"); v != SupplierBankAccount {
		t.Errorf("supplier bank_account_number: %v", v)
	}
	if v := dig(t, byName["Legal entity"], "values", 0, "value", "BIN"); v != LegalEntityBIN {
		t.Errorf("legal entity BIN: %v", v)
	}
	if v := dig(t, byName["Payer"], "values", 0, "value", "bin"); v != PayerBIN {
		t.Errorf("payer bin: %v", v)
	}
	item := dig(t, byName["Order items"], "values", 0, "value").(map[string]any)
	if item["total_sum"] == nil || item["vat_rate_value"] == nil {
		t.Errorf("items without total_sum or vat_rate_value: %v", item)
	}
	for _, k := range []string{"score", "labor_cost"} {
		if v, ok := l[k]; !ok || v != nil {
			t.Errorf("%s = %v (present %v), want null", k, v, ok)
		}
	}
	c := get(t, s, fmt.Sprintf("/api/v4/contacts?filter[id][]=%d", LeadBasicContact)).want(t, 200, contentHAL).json(t)
	for _, f := range list(t, c, "_embedded", "contacts", 0, "custom_fields_values") {
		if dig(t, f, "field_code") != "EMAIL" {
			continue
		}
		v := dig(t, f, "values", 0).(map[string]any)
		if v["enum"] != "WORK" || v["enum_code"] != nil || v["enum_id"] != nil {
			t.Errorf("legacy multitext value: %v", v)
		}
	}
	p := get(t, s, fmt.Sprintf("/api/v4/catalogs/%d/elements?filter[id][]=%d", CatalogProducts, LeadBasicProduct)).want(t, 200, contentHAL).json(t)
	prices := map[float64]any{}
	for _, f := range list(t, p, "_embedded", "elements", 0, "custom_fields_values") {
		if dig(t, f, "field_type") == "price" {
			prices[dig(t, f, "field_id").(float64)] = dig(t, f, "values", 0, "value")
		}
	}
	if prices[float64(fieldPrice)] != LeadBasicProductPrice || fmt.Sprint(prices[float64(fieldWholesalePrice)]) != LeadBasicProductPriceOnLead {
		t.Errorf("product prices %v", prices)
	}
}

func TestMissingLead(t *testing.T) {
	s := startTest(t, Options{})
	a := get(t, s, fmt.Sprintf("/api/v4/leads/%d", LeadMissing))
	if a.status != http.StatusNoContent || len(a.body) != 0 || a.header.Get("X-Request-Id") == "" {
		t.Fatalf("missing lead: %d %q", a.status, a.body)
	}
	s.SetFaults(Faults{MissingLead404: true})
	get(t, s, fmt.Sprintf("/api/v4/leads/%d", LeadMissing)).problem(t, http.StatusNotFound)
	get(t, s, fmt.Sprintf("/api/v4/leads/%d", LeadBasic)).want(t, 200, contentHAL)
	get(t, s, "/api/v4/leads/abc").problem(t, http.StatusNotFound)
	get(t, s, "/api/v4/nothing").problem(t, http.StatusNotFound)
}

func TestListsFilterAndShape(t *testing.T) {
	s := startTest(t, Options{})
	c := get(t, s, fmt.Sprintf("/api/v4/contacts?filter[id][]=%d&filter[id][]=%d", LeadBasicContact, escapeContact)).want(t, 200, contentHAL).json(t)
	contacts := list(t, c, "_embedded", "contacts")
	if len(contacts) != 2 || dig(t, contacts, 0, "name") != LeadBasicContactName || dig(t, contacts, 1, "name") != EscapeContactName {
		t.Fatalf("contacts: %v", contacts)
	}
	if _, ok := dig(t, c, "_links").(map[string]any)["next"]; ok {
		t.Errorf("a single page has no next link")
	}
	var phones, emails []string
	for _, f := range list(t, contacts, 0, "custom_fields_values") {
		for _, v := range list(t, f, "values") {
			switch dig(t, f, "field_code") {
			case "PHONE":
				phones = append(phones, dig(t, v, "value").(string))
			case "EMAIL":
				emails = append(emails, dig(t, v, "value").(string))
			}
			kind := v.(map[string]any)["enum_code"]
			if kind == nil {
				kind = v.(map[string]any)["enum"] // older data
			}
			if dig(t, f, "field_type") == "multitext" && (kind == nil || kind == "") {
				t.Errorf("multitext value without its kind: %v", v)
			}
		}
	}
	if len(phones) != 2 || phones[0] != LeadBasicContactPhone || len(emails) != 1 || emails[0] != LeadBasicContactEmail {
		t.Errorf("phones %v emails %v", phones, emails)
	}

	comma := get(t, s, fmt.Sprintf("/api/v4/companies?filter[id]=%d,%d", LeadBasicCompany, hugeCompanyFirst)).want(t, 200, contentHAL).json(t)
	if cs := list(t, comma, "_embedded", "companies"); len(cs) != 2 || dig(t, cs, 0, "name") != LeadBasicCompanyName {
		t.Errorf("companies: %v", cs)
	}

	els := get(t, s, fmt.Sprintf("/api/v4/catalogs/%d/elements?filter[id][]=%d", CatalogProducts, LeadBasicProduct)).want(t, 200, contentHAL).json(t)
	if e := list(t, els, "_embedded", "elements"); len(e) != 1 || dig(t, e, 0, "name") != LeadBasicProductName || num(t, e, 0, "catalog_id") != CatalogProducts {
		t.Errorf("elements: %v", e)
	}
	get(t, s, "/api/v4/catalogs/999/elements").problem(t, http.StatusNotFound)

	cats := list(t, get(t, s, "/api/v4/catalogs").want(t, 200, contentHAL).json(t), "_embedded", "catalogs")
	if len(cats) < 2 || dig(t, cats, 0, "name") != CatalogProductsName || dig(t, cats, 1, "name") != CatalogServicesName {
		t.Errorf("catalogs: %v", cats)
	}

	users := list(t, get(t, s, "/api/v4/users").want(t, 200, contentHAL).json(t), "_embedded", "users")
	if len(users) < 5 || dig(t, users, 0, "name") != UserAdminName || dig(t, users, 0, "email") == "" {
		t.Errorf("users: %v", users)
	}

	acc := get(t, s, "/api/v4/account").want(t, 200, contentHAL).json(t)
	if dig(t, acc, "name") != AccountName || dig(t, acc, "subdomain") != AccountSubdomain || num(t, acc, "current_user_id") != UserAdmin ||
		dig(t, acc, "currency") != "USD" || dig(t, acc, "currency_symbol") != "$" {
		t.Errorf("account: %s", get(t, s, "/api/v4/account").body)
	}
	for _, k := range []string{"_embedded", "is_api_filter_enabled"} {
		if _, ok := acc[k]; ok {
			t.Errorf("%s present without with=", k)
		}
	}
}

func TestAccountWithExtras(t *testing.T) {
	s := startTest(t, Options{})
	acc := get(t, s, "/api/v4/account?with=datetime_settings,task_types,users_groups,is_api_filter_enabled").want(t, 200, contentHAL).json(t)
	if dig(t, acc, "is_api_filter_enabled") != true {
		t.Errorf("is_api_filter_enabled %v", acc["is_api_filter_enabled"])
	}
	if dig(t, acc, "_embedded", "datetime_settings", "timezone") != AccountTimezone ||
		dig(t, acc, "_embedded", "datetime_settings", "timezone_offset") != AccountTimezoneOffset ||
		dig(t, acc, "_embedded", "datetime_settings", "date_format") != "d.m.Y" {
		t.Errorf("datetime_settings %v", dig(t, acc, "_embedded", "datetime_settings"))
	}
	types := list(t, acc, "_embedded", "task_types")
	if len(types) != 3 || num(t, types, 0, "id") != TaskTypeFollowUp || dig(t, types, 1, "name") != "Meeting" ||
		num(t, types, 2, "id") != TaskTypeQuote || dig(t, types, 2, "name") != TaskTypeQuoteName || dig(t, types, 2, "code") != nil {
		t.Errorf("task_types %v", types)
	}
	groups := list(t, acc, "_embedded", "users_groups")
	if len(groups) != 2 || num(t, groups, 0, "id") != UsersGroupMain || dig(t, groups, 0, "name") != UsersGroupMainName {
		t.Errorf("users_groups %v", groups)
	}
	one := get(t, s, "/api/v4/account?with=task_types").want(t, 200, contentHAL).json(t)
	if _, ok := dig(t, one, "_embedded").(map[string]any)["datetime_settings"]; ok {
		t.Errorf("with=task_types gives datetime_settings")
	}
	off := startTest(t, Options{APIFilterDisabled: true})
	if v := dig(t, get(t, off, "/api/v4/account?with=is_api_filter_enabled").want(t, 200, contentHAL).json(t), "is_api_filter_enabled"); v != false {
		t.Errorf("APIFilterDisabled: is_api_filter_enabled %v", v)
	}
}

func TestPipelinesHaveColouredStagesAndClosingStatuses(t *testing.T) {
	s := startTest(t, Options{})
	ps := list(t, get(t, s, "/api/v4/leads/pipelines").want(t, 200, contentHAL).json(t), "_embedded", "pipelines")
	if len(ps) != 3 {
		t.Fatalf("%d pipelines", len(ps))
	}
	for _, p := range ps {
		seen := map[int64]bool{}
		for _, st := range list(t, p, "_embedded", "statuses") {
			seen[num(t, st, "id")] = true
			if c, _ := dig(t, st, "color").(string); !strings.HasPrefix(c, "#") || num(t, st, "pipeline_id") != num(t, p, "id") {
				t.Errorf("status %v", st)
			}
			if num(t, st, "id") == LeadBasicStatus && dig(t, st, "name") != LeadBasicStageName {
				t.Errorf("basic stage named %v", dig(t, st, "name"))
			}
		}
		if !seen[StatusWon] || !seen[StatusLost] {
			t.Errorf("pipeline %v lacks 142/143", p)
		}
	}
}

func TestPagingLimitsAndEmptyPages(t *testing.T) {
	s := startTest(t, Options{})
	var ids []int64
	next := fmt.Sprintf("/api/v4/contacts?limit=%d", MaxPageLimit)
	for pages := 0; next != ""; pages++ {
		if pages > 5 {
			t.Fatal("paging does not end")
		}
		page := get(t, s, next).want(t, 200, contentHAL).json(t)
		for _, c := range list(t, page, "_embedded", "contacts") {
			ids = append(ids, num(t, c, "id"))
		}
		next = ""
		if n, ok := dig(t, page, "_links").(map[string]any)["next"]; ok {
			next = strings.TrimPrefix(dig(t, n, "href").(string), s.URL())
		}
	}
	if want := len(namedContacts) + 2 + HugeContacts + bulkContacts; len(ids) != want {
		t.Errorf("paged through %d contacts, want %d", len(ids), want)
	}
	for i := 1; i < len(ids); i++ {
		if ids[i] <= ids[i-1] {
			t.Fatalf("contacts not in ID order or repeated at %d", i)
		}
	}
	if n := len(list(t, get(t, s, "/api/v4/contacts").want(t, 200, contentHAL).json(t), "_embedded", "contacts")); n != DefaultPageLimit {
		t.Errorf("default page holds %d", n)
	}
	if a := get(t, s, "/api/v4/contacts?limit=250&page=99"); a.status != http.StatusNoContent || len(a.body) != 0 {
		t.Errorf("page past the end: %d", a.status)
	}
	if a := get(t, s, "/api/v4/contacts?filter[id][]=1"); a.status != http.StatusNoContent || len(a.body) != 0 {
		t.Errorf("no match: %d", a.status)
	}
	get(t, s, "/api/v4/contacts?limit=251").problem(t, http.StatusUnprocessableEntity)
	p := get(t, s, "/api/v4/contacts?filter[id][]=abc").problem(t, http.StatusBadRequest)
	if _, ok := p["validation-errors"]; !ok {
		t.Errorf("400 without validation-errors")
	}
	get(t, s, "/api/v4/companies?limit=0").problem(t, http.StatusBadRequest)
	get(t, s, "/api/v4/companies?page=-1").problem(t, http.StatusBadRequest)
}

func TestBearerTokenCheck(t *testing.T) {
	s := startTest(t, Options{ExtraTokens: []string{"long-lived"}})
	path := fmt.Sprintf("/api/v4/leads/%d", LeadBasic)
	getWith(t, s, path, "").problem(t, http.StatusUnauthorized)
	getWith(t, s, path, "wrong").problem(t, http.StatusUnauthorized)
	getWith(t, s, path, "long-lived").want(t, 200, contentHAL)
	getWith(t, s, "/api/v4/account", Token).want(t, 200, contentHAL)

	req, _ := http.NewRequest(http.MethodGet, s.URL()+path, nil)
	req.Header.Set("Authorization", "Basic "+Token)
	do(req).problem(t, http.StatusUnauthorized)

	s.AddToken("added")
	getWith(t, s, path, "added").want(t, 200, contentHAL)

	access, _ := s.IssueTokens(0)
	getWith(t, s, path, access).want(t, 200, contentHAL)
	s.ExpireAccessTokens()
	getWith(t, s, path, access).problem(t, http.StatusUnauthorized)
	getWith(t, s, path, Token).want(t, 200, contentHAL)

	access, _ = s.IssueTokens(0)
	s.RevokeAll()
	getWith(t, s, path, access).problem(t, http.StatusUnauthorized)
	getWith(t, s, path, "long-lived").want(t, 200, contentHAL)

	req, _ = http.NewRequest(http.MethodPost, s.URL()+path, nil)
	req.Header.Set("Authorization", "Bearer "+Token)
	do(req).problem(t, http.StatusMethodNotAllowed)
}

func TestStartRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", "192.0.2.1:0", "nonsense"} {
		if s, err := Start(Options{Addr: addr}); err == nil {
			s.Close()
			t.Errorf("Start(%q) succeeded", addr)
		}
	}
}

func TestLeadList(t *testing.T) {
	s := startTest(t, Options{})
	page := get(t, s, "/api/v4/leads?limit=250&with=contacts").want(t, 200, contentHAL).json(t)
	leads := list(t, page, "_embedded", "leads")
	if len(leads) != MaxPageLimit || num(t, leads, 0, "id") != LeadBasic {
		t.Fatalf("%d leads, first %v", len(leads), dig(t, leads, 0, "id"))
	}
	if _, ok := dig(t, leads, 0, "_embedded").(map[string]any)["contacts"]; !ok {
		t.Error("with=contacts ignored by the list")
	}
	one := get(t, s, fmt.Sprintf("/api/v4/leads?filter[id][]=%d", LeadHuge)).want(t, 200, contentHAL).json(t)
	if l := list(t, one, "_embedded", "leads"); len(l) != 1 || num(t, l, 0, "id") != LeadHuge {
		t.Errorf("filtered list: %d leads", len(l))
	}
	if s.Requests(EndpointLeads) != 2 {
		t.Errorf("lead list counted %d", s.Requests(EndpointLeads))
	}
}
