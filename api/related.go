package api

import (
	"context"
	"sync"
)

// Related is what a lead links to, resolved into names and fields.
type Related struct {
	Contacts        []Contact
	Companies       []Company
	CatalogElements []CatalogElement
	// Errs holds one error per kind (or list) that failed; the others are
	// still filled in.
	Errs []error
}

// LoadRelated resolves the lead's contacts, companies and catalog elements
// in parallel: one batched request per kind and per list (more only beyond
// 250 IDs), none for a kind the lead does not have. Results keep the
// lead's order.
func (c *Client) LoadRelated(ctx context.Context, lead *Lead) *Related {
	r := &Related{}
	if lead == nil {
		return r
	}
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		elements = make(map[int64][]CatalogElement)
	)
	fail := func(err error) {
		mu.Lock()
		r.Errs = append(r.Errs, err)
		mu.Unlock()
	}
	if ids := contactIDs(lead); len(ids) > 0 {
		wg.Go(func() {
			got, err := c.Contacts(ctx, ids)
			if err != nil {
				fail(err)
			}
			r.Contacts = got
		})
	}
	if ids := companyIDs(lead); len(ids) > 0 {
		wg.Go(func() {
			got, err := c.Companies(ctx, ids)
			if err != nil {
				fail(err)
			}
			r.Companies = got
		})
	}
	byCatalog, catalogOrder := elementIDsByCatalog(lead)
	for _, catalogID := range catalogOrder {
		wg.Go(func() {
			got, err := c.CatalogElements(ctx, catalogID, byCatalog[catalogID])
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				r.Errs = append(r.Errs, err)
				return
			}
			elements[catalogID] = got
		})
	}
	wg.Wait()
	r.CatalogElements = inLeadOrder(lead, elements)
	return r
}

func contactIDs(lead *Lead) []int64 {
	ids := make([]int64, 0, len(lead.Embedded.Contacts))
	for _, ref := range lead.Embedded.Contacts {
		ids = append(ids, ref.ID)
	}
	return uniquePositive(ids)
}

func companyIDs(lead *Lead) []int64 {
	ids := make([]int64, 0, len(lead.Embedded.Companies))
	for _, ref := range lead.Embedded.Companies {
		ids = append(ids, ref.ID)
	}
	return uniquePositive(ids)
}

// elementIDsByCatalog groups linked elements by their list; an element
// without a list ID cannot be asked for and is skipped.
func elementIDsByCatalog(lead *Lead) (map[int64][]int64, []int64) {
	byCatalog := make(map[int64][]int64)
	var order []int64
	for _, ref := range lead.Embedded.CatalogElements {
		cid := ref.Metadata.CatalogID
		if cid <= 0 || ref.ID <= 0 {
			continue
		}
		if _, ok := byCatalog[cid]; !ok {
			order = append(order, cid)
		}
		byCatalog[cid] = append(byCatalog[cid], ref.ID)
	}
	for cid, ids := range byCatalog {
		byCatalog[cid] = uniquePositive(ids)
	}
	return byCatalog, order
}

// inLeadOrder lists the resolved elements in the order the lead links them.
func inLeadOrder(lead *Lead, byCatalog map[int64][]CatalogElement) []CatalogElement {
	index := make(map[[2]int64]CatalogElement)
	for cid, elems := range byCatalog {
		for _, e := range elems {
			index[[2]int64{cid, e.ID}] = e
		}
	}
	var out []CatalogElement
	seen := make(map[[2]int64]bool)
	for _, ref := range lead.Embedded.CatalogElements {
		key := [2]int64{ref.Metadata.CatalogID, ref.ID}
		if e, ok := index[key]; ok && !seen[key] {
			seen[key] = true
			out = append(out, e)
		}
	}
	return out
}
