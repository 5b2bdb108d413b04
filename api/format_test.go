package api_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/leadscope/leadscope/api"
)

func field(t *testing.T, typ, values string) api.CustomField {
	t.Helper()
	var f api.CustomField
	doc := `{"field_id":1,"field_name":"F","field_code":null,"field_type":"` + typ + `","values":` + values + `}`
	if err := json.Unmarshal([]byte(doc), &f); err != nil {
		t.Fatalf("decoding %s: %v", doc, err)
	}
	return f
}

func TestFormatField(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		berlin = time.FixedZone("CEST", 2*3600)
	}
	for _, tc := range []struct {
		typ, values, want string
	}{
		{"text", `[{"value":"hello"}]`, "hello"},
		{"text", `[{"value":12}]`, "12"},
		{"textarea", `[{"value":"two\nlines"}]`, "two\nlines"},
		{"url", `[{"value":"https://acme.example/x?y=1"}]`, "https://acme.example/x?y=1"},
		{"numeric", `[{"value":42.5}]`, "42.5"},
		{"numeric", `[{"value":"1500"}]`, "1500"},
		{"numeric", `[{"value":1e6}]`, "1000000"},
		{"numeric", `[{"value":"1.5E+3"}]`, "1500"},
		{"numeric", `[{"value":12345678901234567890}]`, "12345678901234567890"},
		{"numeric", `[{"value":"n/a"}]`, "n/a"},
		{"checkbox", `[{"value":true}]`, "yes"},
		{"checkbox", `[{"value":false}]`, "no"},
		{"checkbox", `[{"value":"1"}]`, "yes"},
		{"checkbox", `[{"value":1}]`, "yes"},
		{"checkbox", `[{"value":"true"}]`, "yes"},
		{"checkbox", `[{"value":"0"}]`, "no"},
		{"select", `[{"value":"Enterprise","enum_id":610001}]`, "Enterprise"},
		{"multiselect", `[{"value":"Email","enum_id":1},{"value":"Phone","enum_id":2}]`, "Email, Phone"},
		{"radiobutton", `[{"value":"Yes","enum_id":3}]`, "Yes"},
		{"category", `[{"value":"Retail","enum_id":4}]`, "Retail"},
		{"select", `[{"enum_id":77}]`, "option #77"},
		{"date", `[{"value":1719792000}]`, "2024-07-01"},
		{"date", `[{"value":"1719792000"}]`, "2024-07-01"},
		{"date_time", `[{"value":1719824400}]`, "2024-07-01 11:00"},
		{"birthday", `[{"value":642902400}]`, "1990-05-17"},
		{"birthday", `[{"value":"2020-05-08"}]`, "2020-05-08"},
		{"date_time", `[{"value":"2024-07-01T09:00:00Z"}]`, "2024-07-01 11:00"},
		{"date", `[{"value":99999999999999}]`, "99999999999999"},
		{"streetaddress", `[{"value":"221B Baker Street"}]`, "221B Baker Street"},
		{"smart_address", `[{"value":"London","enum_id":3,"enum_code":"city"},{"value":"NW1","enum_code":"zip"}]`, "London (city), NW1 (zip)"},
		{"legal_entity", `[{"value":{"name":"Acme Ltd","entity_type":1,"vat_id":"GB1","kpp":"7736","address":"1 Canada Sq","external_uid":"x-1"}}]`,
			"Acme Ltd; VAT ID GB1; KPP 7736; 1 Canada Sq"},
		{"price", `[{"value":12500}]`, "12,500"},
		{"price", `[{"value":"999.12"}]`, "999.12"},
		{"monetary", `[{"value":"2500.50"}]`, "2,500.50"},
		{"monetary", `[{"value":"on request"}]`, "on request"},
		{"tracking_data", `[{"value":"google"}]`, "google"},
		{"items", `[{"value":{"sku":"SKU-1","description":"Desk","unit_price":499.99,"quantity":3,"unit_type":"pcs","discount":{"type":"percentage","value":10}}}]`,
			"SKU-1 Desk; 3 pcs × 499.99; discount 10%"},
		{"items", `[{"value":{"description":"Chair","unit_price":"249","quantity":1.5,"discount":{"type":"amount","value":0}}}]`, "Chair; 1.5 × 249"},
		{"items", `[{"value":{"description":"Rack","unit_price":1200,"quantity":2,"discount":{"type":"amount","value":"150.5"},"vat_rate_value":20,"total_sum":2249.5,"product_id":5}}]`,
			"Rack; 2 × 1,200; discount 150.50; VAT 20%; total 2,249.50"},
		{"items", `[{"value":{"description":"Free sample","quantity":1,"vat_rate_value":"0","total_sum":0}}]`, "Free sample; 1; VAT 0%"},
		{"linked_entity", `[{"value":{"name":"Jane Doe","entity_id":20000001,"entity_type":"contacts","catalog_id":null}}]`, "Jane Doe (contacts #20000001)"},
		{"file", `[{"value":{"file_uuid":"c5e9","version_uuid":"0f1e","file_name":"contract.pdf","file_size":48213}}]`, "contract.pdf (47 KiB)"},
		{"file", `[{"value":{"file_uuid":"c5e9","file_name":"tiny.txt","file_size":"12"}}]`, "tiny.txt (12 B)"},
		{"chained_list", `[{"catalog_id":5000003,"catalog_element_id":50200001}]`, "element #50200001 (list #5000003)"},
		{"chained_list", `[{"catalog_element_id":"7"}]`, "element #7"},
		{"chained_list", `[{"catalog_id":5}]`, `{"catalog_id":5}`},
		{"payer", `[{"value":{"entity_id":40000001,"entity_type":"companies","name":"Acme Holdings"}}]`, "Acme Holdings (companies #40000001)"},
		{"supplier", `[{"value":{"name":"Sandbox Co","vat_id":"US9","address":"500 Harbor Blvd"}}]`, "Sandbox Co; VAT ID US9; 500 Harbor Blvd"},
		{"supplier", `[{"value":{"name":"Sandbox Co","bank_code":"044525225","bank_account_number":"40702810","mfo":"300001"}}]`,
			"Sandbox Co; BIC 044525225; MFO 300001; account 40702810"},
		// The official client writes legal_entity's registers in capitals, payer's in lower case.
		{"legal_entity", `[{"value":{"name":"Kazakh LLP","BIN":"123456789012","UNP":"","egrpou":"ua1","oked":"62010","director":"A. Aliyev","address":"Almaty","real_address":"Astana"}}]`,
			"Kazakh LLP; BIN 123456789012; EGRPOU ua1; OKED 62010; director A. Aliyev; Almaty; actual address Astana"},
		{"legal_entity", `[{"value":{"name":"Same","bin":"1","BIN":"2","address":"X","real_address":"X"}}]`, "Same; BIN 1; X"},
		{"payer", `[{"value":{"name":"Anna Ivanova","entity_id":20000001,"entity_type":"contacts","type":"individual","unp":"190000001"}}]`,
			"Anna Ivanova (contacts #20000001); individual; UNP 190000001"},
		{"multitext", `[{"value":"+1 555 0100","enum_id":1,"enum_code":"WORK"},{"value":"x@y.z","enum":"PRIV"}]`, "+1 555 0100 (WORK), x@y.z (PRIV)"},
		{"holographic_projection", `[{"value":{"mode":"volumetric","dimensions":3}}]`, `{"mode":"volumetric","dimensions":3}`},
		{"holographic_projection", `[{"value":"plain"}]`, "plain"},
		{"holographic_projection", `[{"nothing":"here"}]`, `{"nothing":"here"}`},
		// Odd shapes fall back to compact JSON instead of failing.
		{"checkbox", `[{"value":{"weird":true}}]`, `{"weird":true}`},
		{"date", `[{"value":[1,2]}]`, `[1,2]`},
		{"items", `[{"value":"just text"}]`, "just text"},
		{"file", `[{"value":[]}]`, "[]"},
		{"text", `["bare string value"]`, "bare string value"},
		{"text", `null`, ""},
		{"text", `[{"value":null}]`, ""},
	} {
		f := field(t, tc.typ, tc.values)
		if got := api.FormatField(f, berlin); got != tc.want {
			t.Errorf("%s %s: got %q, want %q", tc.typ, tc.values, got, tc.want)
		}
	}
}

func TestFormatFieldIsBounded(t *testing.T) {
	long := strings.Repeat("ж", 100000)
	f := field(t, "textarea", `[{"value":"`+long+`"}]`)
	got := api.FormatField(f, time.UTC)
	if len(got) > 2100 || !utf8.ValidString(got) {
		t.Errorf("%d bytes, valid UTF-8 %v", len(got), utf8.ValidString(got))
	}
	var values []string
	for range 10000 {
		values = append(values, `{"value":"Option"}`)
	}
	f = field(t, "multiselect", "["+strings.Join(values, ",")+"]")
	if got := api.FormatField(f, time.UTC); len(got) > 2100 {
		t.Errorf("%d bytes for 10000 options", len(got))
	}
}

func TestFormatFieldNilLocation(t *testing.T) {
	f := field(t, "date", `[{"value":1719792000}]`)
	if got := api.FormatField(f, nil); got == "" {
		t.Error("nil location gave nothing")
	}
}

func TestPhonesAndEmails(t *testing.T) {
	var c api.Contact
	doc := `{"id":1,"name":"Ann","custom_fields_values":[
		{"field_id":1,"field_code":"PHONE","field_type":"multitext","values":[{"value":"+1 555 0100","enum_code":"WORK"},{"value":"+1 555 0101","enum":"MOB"},{"value":""},{"value":"+1 555 0102"}]},
		{"field_id":2,"field_code":"EMAIL","field_type":"multitext","values":[{"value":"ann@example.com","enum_id":5,"enum_code":"PRIV"}]},
		{"field_id":3,"field_code":null,"field_name":"Phone (custom)","field_type":"text","values":[{"value":"not a phone field"}]}]}`
	if err := json.Unmarshal([]byte(doc), &c); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Phones(), "|"); got != "+1 555 0100 (WORK)|+1 555 0101 (MOB)|+1 555 0102" {
		t.Errorf("Phones = %q", got)
	}
	if got := strings.Join(c.Emails(), "|"); got != "ann@example.com (PRIV)" {
		t.Errorf("Emails = %q", got)
	}
	co := api.Company{CustomFields: c.CustomFields}
	if len(co.Phones()) != 3 || len(co.Emails()) != 1 {
		t.Errorf("company phones %q emails %q", co.Phones(), co.Emails())
	}
}

func TestFieldFormatterUsesTheAccountsContext(t *testing.T) {
	saoPaulo := time.FixedZone("UTC-03:00", -3*3600)
	losAngeles := time.FixedZone("UTC-07:00", -7*3600)
	ff := api.FieldFormatter{
		Location:     losAngeles,
		DateLocation: saoPaulo,
		Currency:     "USD",
		CatalogName: func(id int64) (string, bool) {
			return map[int64]string{4521: "Warehouses", 9: " "}[id], id == 4521 || id == 9
		},
		ElementName: func(catalogID, elementID int64) (string, bool) {
			return "North depot", catalogID == 4521 && elementID == 525439
		},
	}
	for _, tc := range []struct{ typ, values, want string }{
		// 1717642800 is midnight of Thursday 2024-06-06 at UTC-3, 20:00 the day before in Los Angeles.
		{"date", `[{"value":1717642800}]`, "2024-06-06"},
		{"birthday", `[{"value":"1717642800"}]`, "2024-06-06"},
		{"date_time", `[{"value":1717642800}]`, "2024-06-05 20:00"},
		{"price", `[{"value":12500}]`, "12,500 USD"},
		{"price", `[{"value":"999.12"}]`, "999.12 USD"},
		{"monetary", `[{"value":2500.5}]`, "2,500.50 USD"},
		{"monetary", `[{"value":-1234567}]`, "-1,234,567 USD"},
		{"price", `[{"value":123456789012345678901234}]`, "123,456,789,012,345,678,901,234 USD"},
		{"numeric", `[{"value":12500}]`, "12500"},
		{"items", `[{"value":{"description":"Rack","unit_price":1200,"quantity":2,"discount":{"type":"amount","value":150},"vat_rate_value":20,"total_sum":2250}}]`,
			"Rack; 2 × 1,200; discount 150 USD; VAT 20%; total 2,250 USD"},
		{"chained_list", `[{"catalog_id":4521,"catalog_element_id":525439}]`, "North depot (Warehouses)"},
		{"chained_list", `[{"catalog_id":4521,"catalog_element_id":1}]`, "element #1 (Warehouses)"},
		{"chained_list", `[{"catalog_id":9,"catalog_element_id":1}]`, "element #1 (list #9)"},
		{"chained_list", `[{"catalog_id":77,"catalog_element_id":525439}]`, "element #525439 (list #77)"},
	} {
		if got := ff.Format(field(t, tc.typ, tc.values)); got != tc.want {
			t.Errorf("%s %s: got %q, want %q", tc.typ, tc.values, got, tc.want)
		}
	}
}

func TestFieldFormatterZeroValue(t *testing.T) {
	f := field(t, "date", `[{"value":1719792000}]`)
	if got, want := (api.FieldFormatter{}).Format(f), api.FormatField(f, time.Local); got != want {
		t.Errorf("zero formatter %q, FormatField in Local %q", got, want)
	}
	tokyo := time.FixedZone("JST", 9*3600)
	dt := field(t, "date", `[{"value":1719792000}]`)
	if got := (api.FieldFormatter{Location: tokyo}).Format(dt); got != "2024-07-01" {
		t.Errorf("dates follow Location when DateLocation is nil: %q", got)
	}
}

func TestFormatMoney(t *testing.T) {
	for _, c := range []struct {
		amount   float64
		currency string
		want     string
	}{
		{12500, "USD", "12,500 USD"}, {0, "", "0"}, {999, "EUR", "999 EUR"}, {999.12, " ", "999.12"},
		{1234567.5, "RUB", "1,234,567.50 RUB"}, {-1500, "USD", "-1,500 USD"}, {-0.001, "", "0"},
		{0.5, "$", "0.50 $"}, {1e20, "", "100,000,000,000,000,000,000"},
	} {
		if got := api.FormatMoney(c.amount, c.currency); got != c.want {
			t.Errorf("FormatMoney(%v, %q) = %q, want %q", c.amount, c.currency, got, c.want)
		}
	}
}

func TestCatalogElementPricePrefersTheLeadsPriceType(t *testing.T) {
	var e api.CatalogElement
	doc := `{"id":1,"name":"Desk","custom_fields_values":[
		{"field_id":10,"field_code":"SKU","field_type":"text","values":[{"value":"S-1"}]},
		{"field_id":11,"field_code":"PRICE","field_type":"price","values":[{"value":"49.90"}]},
		{"field_id":12,"field_name":"Wholesale","field_type":"price","values":[{"value":41}]}]}`
	if err := json.Unmarshal([]byte(doc), &e); err != nil {
		t.Fatal(err)
	}
	id := func(n int64) *int64 { return &n }
	for _, c := range []struct {
		priceID *int64
		want    int64
	}{{nil, 11}, {id(12), 12}, {id(11), 11}, {id(99), 11}} {
		f, ok := e.Price(c.priceID)
		if !ok || f.FieldID != c.want {
			t.Errorf("Price(%v) = field %d (%v), want %d", c.priceID, f.FieldID, ok, c.want)
		}
	}
	if _, ok := (api.CatalogElement{Name: "no fields"}).Price(id(11)); ok {
		t.Error("an element without price fields has a price")
	}
}
