package api

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
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
	// Cuts says what a bound left out (see LookupMaxBytes): the entities
	// that arrived are in the fields above, in the lead's order. Show each
	// with Cut.Note and the list's name.
	Cuts []*Cut
}

// LoadRelated resolves the lead's contacts, companies and catalog elements
// in parallel: one batched request per kind and per list (more only beyond
// 250 IDs), none for a kind the lead does not have, at most
// CatalogConcurrency lists at a time. The whole lookup reads at most
// LookupMaxBytes in LookupMaxPages (or what the client's own budget allows);
// lists left when it runs out are not asked for and are reported as one Cut.
// Results keep the lead's order.
func (c *Client) LoadRelated(ctx context.Context, lead *Lead) *Related {
	r := &Related{}
	if lead == nil {
		return r
	}
	if c.budget == nil {
		c = c.WithBudget(NewBudget(LookupMaxBytes, LookupMaxPages))
	}
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		elements = make(map[int64][]CatalogElement)
		skipped  []int64
	)
	settle := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		var cut *Cut
		switch {
		case errors.As(err, &cut):
			r.Cuts = append(r.Cuts, cut)
		case err != nil:
			r.Errs = append(r.Errs, err)
		}
	}
	if ids := contactIDs(lead); len(ids) > 0 {
		wg.Go(func() {
			got, err := c.Contacts(ctx, ids)
			settle(err)
			r.Contacts = got
		})
	}
	if ids := companyIDs(lead); len(ids) > 0 {
		wg.Go(func() {
			got, err := c.Companies(ctx, ids)
			settle(err)
			r.Companies = got
		})
	}
	byCatalog, catalogOrder := elementIDsByCatalog(lead)
	queue := make(chan int64, len(catalogOrder))
	for _, id := range catalogOrder {
		queue <- id
	}
	close(queue)
	for range min(CatalogConcurrency, len(catalogOrder)) {
		wg.Go(func() {
			for catalogID := range queue {
				if c.budget.exhausted() != "" {
					mu.Lock()
					skipped = append(skipped, catalogID)
					mu.Unlock()
					continue
				}
				got, err := c.CatalogElements(ctx, catalogID, byCatalog[catalogID])
				settle(err)
				mu.Lock()
				elements[catalogID] = got
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	r.CatalogElements = inLeadOrder(lead, elements)
	r.Cuts = inCatalogOrder(r.Cuts, catalogOrder)
	if len(skipped) > 0 {
		r.Cuts = append(r.Cuts, &Cut{What: "lists", Asked: len(skipped), Bound: string(c.budget.exhausted())})
	}
	return r
}

// inCatalogOrder sorts cuts as the lead lists its catalogs, contacts and
// companies (no catalog) first, so notes come out in a stable order.
func inCatalogOrder(cuts []*Cut, catalogOrder []int64) []*Cut {
	rank := make(map[int64]int, len(catalogOrder))
	for i, id := range catalogOrder {
		rank[id] = i + 1
	}
	slices.SortStableFunc(cuts, func(a, b *Cut) int {
		return cmp.Or(cmp.Compare(rank[a.CatalogID], rank[b.CatalogID]), strings.Compare(a.What, b.What))
	})
	return cuts
}

func contactIDs(lead *Lead) []int64 {
	ids := make([]int64, 0, len(lead.Embedded.Contacts))
	for _, ref := range lead.Embedded.Contacts {
		ids = append(ids, ref.ID)
	}
	return UniqueIDs(ids)
}

func companyIDs(lead *Lead) []int64 {
	ids := make([]int64, 0, len(lead.Embedded.Companies))
	for _, ref := range lead.Embedded.Companies {
		ids = append(ids, ref.ID)
	}
	return UniqueIDs(ids)
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
		byCatalog[cid] = UniqueIDs(ids)
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
