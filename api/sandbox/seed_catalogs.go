package sandbox

import "fmt"

func seedCatalogs() []catalog {
	mk := func(id int64, name, typ string, sort int64) catalog {
		return catalog{ID: id, Name: name, CreatedBy: UserAdmin, UpdatedBy: UserAdmin,
			CreatedAt: seedEpoch - 200*86400, UpdatedAt: seedEpoch - 10*86400, Sort: sort, Type: typ,
			CanAddElements: true, CanShowInCards: true, CanLinkMulti: true, CanBeDeleted: typ == "regular", AccountID: AccountID}
	}
	return []catalog{
		mk(CatalogProducts, CatalogProductsName, "products", 10),
		mk(CatalogServices, CatalogServicesName, "regular", 20),
		mk(CatalogWarehouses, "Warehouses", "regular", 30),
	}
}

// Catalog element custom fields.
const (
	fieldSKU            int64 = 700001
	fieldPrice          int64 = 700002
	fieldDescription    int64 = 700003
	fieldUnit           int64 = 700004
	fieldStock          int64 = 700005
	fieldWholesalePrice int64 = 700006
)

// Units a catalog element is sold in (a select field), with their enum IDs.
var units = []struct {
	name string
	enum int64
}{{"pcs", 7100001}, {"set", 7100002}, {"m", 7100003}, {"hour", 7100004}, {"day", 7100005}}

func unitField(i int) customField {
	u := units[i%len(units)]
	return customField{FieldID: fieldUnit, FieldName: "Unit", FieldCode: ptr("UNIT"), FieldType: "select", Values: []map[string]any{enumVal(u.name, u.enum)}}
}

var (
	productMaterials = []string{"Oak", "Walnut", "Steel", "Bamboo", "Glass", "Maple", "Carbon", "Linen", "Cedar", "Marble", "Copper", "Ash", "Birch"}
	productItems     = []string{"Standing Desk", "Office Chair", "Bookshelf", "Filing Cabinet", "Monitor Arm", "Desk Lamp",
		"Side Table", "Whiteboard", "Coat Rack", "Footrest", "Cable Tray", "Drawer Unit", "Plant Stand", "Room Divider",
		"Meeting Table", "Bar Stool", "Sofa", "Pinboard", "Locker", "Printer Stand"}
	serviceNames   = []string{LeadBasicServiceName, "Onboarding workshop", "Annual support", "Data migration", "Custom integration", "Training day", "Design review", "Priority SLA", "Extended warranty", "Site survey"}
	warehouseNames = []string{"North depot", "South depot", "East depot"}
)

// productCount is every material with every item: enough for the huge lead's
// elements to come from one catalog, so resolving them costs one request.
var productCount = len(productMaterials) * len(productItems)

func seedCatalogElements(d *dataset) {
	for i := 0; i < productCount; i++ {
		name := productMaterials[i/len(productItems)] + " " + productItems[i%len(productItems)]
		cents := (49+(i*37)%900)*100 + (i*29)%100
		fields := []customField{
			{FieldID: fieldSKU, FieldName: "SKU", FieldCode: ptr("SKU"), FieldType: "text", Values: vals(fmt.Sprintf("SKU-%05d", i+1))},
			// Kommo sends prices as numeric strings as often as numbers.
			{FieldID: fieldPrice, FieldName: "Price", FieldCode: ptr("PRICE"), FieldType: "price", Values: vals(fmt.Sprintf("%d.%02d", cents/100, cents%100))},
			{FieldID: fieldWholesalePrice, FieldName: "Wholesale price", FieldType: "price", Values: vals(float64(cents*85/100) / 100)},
		}
		if i%4 == 0 {
			fields = append(fields, customField{FieldID: fieldDescription, FieldName: "Description", FieldCode: ptr("DESCRIPTION"),
				FieldType: "textarea", Values: vals("Solid build.\nShips flat-packed.")})
		}
		fields = append(fields, unitField(i%3),
			customField{FieldID: fieldStock, FieldName: "In stock", FieldType: "numeric", Values: vals(float64((i * 53) % 400))})
		d.elements[CatalogProducts] = append(d.elements[CatalogProducts], catalogElement{
			ID: LeadBasicProduct + int64(i), Name: name, CatalogID: CatalogProducts, CreatedAt: seedEpoch - int64(i)*600, CustomFields: fields})
	}
	for i, name := range serviceNames {
		d.elements[CatalogServices] = append(d.elements[CatalogServices], catalogElement{
			ID: LeadBasicService + int64(i), Name: name, CatalogID: CatalogServices, CreatedAt: seedEpoch - int64(i)*900,
			CustomFields: []customField{{FieldID: fieldPrice, FieldName: "Price", FieldCode: ptr("PRICE"), FieldType: "price", Values: vals(float64(150 + 75*i))},
				unitField(3 + i%2)}})
	}
	for i, name := range warehouseNames {
		d.elements[CatalogWarehouses] = append(d.elements[CatalogWarehouses], catalogElement{
			ID: 50200001 + int64(i), Name: name, CatalogID: CatalogWarehouses, CreatedAt: seedEpoch})
	}
}
