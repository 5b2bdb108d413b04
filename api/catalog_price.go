package api

import "strings"

// Price is the element's price field for a lead: the field whose ID is
// priceID (the lead's metadata.price_id, the price type chosen on that
// lead) when the element has it, else its first price field (type price or
// code PRICE). false when the element has no price field.
func (e CatalogElement) Price(priceID *int64) (CustomField, bool) {
	if priceID != nil {
		for _, f := range e.CustomFields {
			if f.FieldID == *priceID {
				return f, true
			}
		}
	}
	for _, f := range e.CustomFields {
		if strings.EqualFold(strings.TrimSpace(f.FieldType), "price") || strings.EqualFold(strings.TrimSpace(f.FieldCode), "PRICE") {
			return f, true
		}
	}
	return CustomField{}, false
}
