package leadspage

import (
	"slices"

	"github.com/leadscope/leadscope/api"
)

// sortMode is how a view's rows are ordered: by a field Kommo sorts by, or
// by price, which Kommo's API cannot sort by, on this computer over the
// rows loaded so far (the pages keep coming in Kommo's order).
type sortMode struct {
	kommo api.LeadSort
	price bool
}

// next is the mode after m in the cycle updated, created, price: price
// keeps the Kommo order it came from, so entering it costs no request.
func (m sortMode) next() sortMode {
	switch {
	case m.price:
		return sortMode{}
	case m.kommo.Field == api.SortCreated:
		return sortMode{kommo: m.kommo, price: true}
	}
	return sortMode{kommo: api.LeadSort{Field: api.SortCreated}}
}

func (m sortMode) label() string {
	switch {
	case m.price:
		return "price ↓ (loaded rows)"
	case m.kommo.Field == api.SortCreated:
		return "created ↓"
	}
	return "updated ↓"
}

// byPrice orders leads by price, highest first; equal prices keep their order.
func byPrice(leads []api.Lead) []api.Lead {
	out := slices.Clone(leads)
	slices.SortStableFunc(out, func(a, b api.Lead) int {
		pa, pb := price(&a), price(&b)
		switch {
		case pa > pb:
			return -1
		case pa < pb:
			return 1
		}
		return 0
	})
	return out
}

func price(l *api.Lead) float64 {
	if l.PriceWithMinorUnits != nil {
		return *l.PriceWithMinorUnits
	}
	return float64(l.Price)
}
