package sandbox

import (
	"fmt"
	"time"
)

// Lead custom field IDs.
const (
	fieldProjectCode int64 = 600001 + iota
	fieldBrief
	fieldBriefLink
	fieldSeats
	fieldSeatsLegacy
	fieldSignedNDA
	fieldPlan
	fieldChannels
	fieldDecisionMaker
	fieldIndustry
	fieldContractStart
	fieldKickOff
	fieldFounderBirthday
	fieldFounderBirthdayOld
	fieldDeliveryAddress
	fieldOfficeAddress
	fieldLegalEntity
	fieldDealValue
	fieldDeposit
	fieldUTMSource
	fieldOrderItems
	fieldSignedBy
	fieldContract
	fieldWarehouseChain
	fieldPayer
	fieldSupplier
	fieldHologram
	fieldNotes
)

// allFieldTypes is LeadAllFieldTypes' custom_fields_values: one field of every
// type Kommo documents, in the shapes its reference and the PHP client show.
func allFieldTypes() []customField {
	return []customField{
		field(fieldProjectCode, "Project code", "text", vals("PRJ-2024-17")...),
		field(fieldBrief, "Brief", "textarea", vals("Two landing pages.\nOne checkout flow.")...),
		field(fieldBriefLink, "Brief link", "url", vals("https://acme.example/brief")...),
		field(fieldSeats, "Seats", "numeric", vals(42.5)...),
		field(fieldSeatsLegacy, "Seats (legacy import)", "numeric", vals("1500")...),
		field(fieldSignedNDA, "Signed NDA", "checkbox", vals(true)...),
		field(fieldPlan, "Plan", "select", enumVal("Enterprise", 610001)),
		field(fieldChannels, "Channels", "multiselect", enumVal("Email", 610011), enumVal("Phone", 610012), enumVal("Chat", 610013)),
		field(fieldDecisionMaker, "Decision maker", "radiobutton", enumVal("Yes", 610021)),
		field(fieldIndustry, "Industry", "category", enumVal("Retail", 610031)),
		field(fieldContractStart, "Contract start", "date", vals(accountMidnight(2024, time.July, 1))...),
		field(fieldKickOff, "Kick-off call", "date_time", vals(accountTime(2024, time.July, 1, 9, 30))...),
		field(fieldFounderBirthday, "Founder birthday", "birthday", vals(accountMidnight(1990, time.May, 17))...),
		field(fieldFounderBirthdayOld, "Founder birthday (old import)", "birthday", vals("2020-05-08")...),
		field(fieldDeliveryAddress, "Delivery address", "streetaddress", vals("221B Baker Street, London NW1 6XE")...),
		field(fieldOfficeAddress, "Office address", "smart_address",
			codedVal("221B Baker Street", 1, "address_line_1"), codedVal("Flat 2", 2, "address_line_2"),
			codedVal("London", 3, "city"), codedVal("Greater London", 4, "state"),
			codedVal("NW1 6XE", 5, "zip"), codedVal("GB", 6, "country")),
		// The official PHP client writes legal_entity's BIN, UNP and EGRPOU in capitals.
		field(fieldLegalEntity, "Legal entity", "legal_entity", map[string]any{"value": map[string]any{
			"name": "Acme Holdings Ltd", "entity_type": 2, "vat_id": "GB123456789", "tax_registration_reason_code": nil,
			"address": "1 Canada Square, London", "real_address": "25 North Colonnade, London", "kpp": "773601001",
			"bank_code": "044525225", "BIN": LegalEntityBIN, "UNP": nil, "EGRPOU": nil, "external_uid": "le-0001"}}),
		// Price values arrive as numbers or as numeric strings.
		field(fieldDealValue, "Deal value", "price", vals("12500")...),
		computed(field(fieldDeposit, "Deposit", "monetary", vals(2500.5)...)),
		codedField(fieldUTMSource, "utm_source", "UTM_SOURCE", "tracking_data", vals("google")...),
		field(fieldOrderItems, "Order items", "items",
			map[string]any{"value": map[string]any{"sku": "SKU-00001", "description": "Oak Standing Desk", "unit_price": 499.99,
				"quantity": 3, "unit_type": "pcs", "discount": map[string]any{"type": "percentage", "value": 10},
				"vat_rate_id": 0, "vat_rate_value": 20, "total_sum": 1349.97, "product_id": LeadBasicProduct, "external_uid": "item-1"}},
			map[string]any{"value": map[string]any{"sku": "SKU-00002", "description": "Walnut Office Chair", "unit_price": "1249",
				"quantity": 1.5, "unit_type": "m", "discount": map[string]any{"type": "amount", "value": 20},
				"vat_rate_id": 2, "vat_rate_value": 0, "total_sum": "1853.5", "product_id": nil, "external_uid": "item-2"}}),
		field(fieldSignedBy, "Signed by", "linked_entity", map[string]any{"value": map[string]any{
			"name": LeadBasicContactName, "entity_id": LeadBasicContact, "entity_type": "contacts", "catalog_id": nil}}),
		field(fieldContract, "Contract", "file", map[string]any{"value": map[string]any{
			"file_uuid": "c5e9d9b0-8c1b-4a51-9d3a-1f2e3d4c5b6a", "version_uuid": "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
			"file_name": "contract-signed.pdf", "file_size": 48213, "is_deleted": false}}),
		// chained_list values carry references and no "value" key at all.
		field(fieldWarehouseChain, "Warehouse chain", "chained_list",
			map[string]any{"catalog_id": CatalogWarehouses, "catalog_element_id": int64(50200001)},
			map[string]any{"catalog_id": CatalogProducts, "catalog_element_id": LeadBasicProduct}),
		field(fieldPayer, "Payer", "payer", map[string]any{"value": map[string]any{
			"name": LeadBasicCompanyName, "entity_id": LeadBasicCompany, "entity_type": "companies", "type": "legal_entity",
			"bin": PayerBIN, "director": "Ann Lee", "oked": "62010", "unp": nil}}),
		field(fieldSupplier, "Supplier", "supplier", map[string]any{"value": map[string]any{
			"entity_id": 5300001, "name": "Sandbox Trading Co", "vat_id": "US987654321", "address": "500 Harbor Blvd, Oakland",
			"bank_code": "026009593", "bank_account_number": SupplierBankAccount, "mfo": "300001"}}),
		field(fieldHologram, "Hologram", UnknownFieldType, map[string]any{"value": map[string]any{"dimensions": 3, "mode": "volumetric"}}),
	}
}

// computed marks a field as Kommo marks formula fields.
func computed(f customField) customField {
	f.IsComputed = true
	return f
}

// hugeFields makes HugeCustomFields fields cycling through the common types.
func hugeFields() []customField {
	types := []string{"text", "numeric", "select", "multiselect", "date", "checkbox", "url", "textarea"}
	out := make([]customField, 0, HugeCustomFields)
	for i := 0; i < HugeCustomFields; i++ {
		typ := types[i%len(types)]
		id := int64(620001 + i)
		name := fmt.Sprintf("Survey question %03d", i+1)
		var values []map[string]any
		switch typ {
		case "text":
			values = vals(fmt.Sprintf("Answer %d", i+1))
		case "numeric":
			values = vals(i * 3)
		case "select":
			values = []map[string]any{enumVal(fmt.Sprintf("Option %d", i%5+1), int64(630000+i))}
		case "multiselect":
			values = []map[string]any{enumVal("Alpha", int64(640000+2*i)), enumVal("Beta", int64(640001+2*i))}
		case "date":
			values = vals(accountMidnight(2024, time.May, 1+i))
		case "checkbox":
			values = vals(i%2 == 0)
		case "url":
			values = vals(fmt.Sprintf("https://survey.example/q/%d", i+1))
		case "textarea":
			values = vals(fmt.Sprintf("Long answer %d,\nsecond line.", i+1))
		}
		out = append(out, field(id, name, typ, values...))
	}
	return out
}
