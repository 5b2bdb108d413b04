package api

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
)

const (
	// maxPageSize is Kommo's largest page and largest filter[id][] batch;
	// asking for more answers 422. A page holding more is cut to it.
	maxPageSize = 250
	// Page caps stop a server that keeps sending _links.next (or ignores
	// the filter) from turning one lookup into thousands of requests.
	maxPagesPerBatch = 8
	maxPagesPerList  = 40
)

// walkPages follows _links.next from first, handing each page's items to
// each, until there is no next page, a page is empty, each says it is
// done, a link repeats, maxPages pages were read or b runs out. reached
// names the bound that stopped it while more was on offer, "" otherwise.
// A 204 is an empty list.
func walkPages[T any](ctx context.Context, c *Client, b *Budget, op string, first *url.URL, key string, maxPages int, wanted func(raw []byte) bool, each func([]T) (done bool)) (reached bound, err error) {
	seen := map[string]bool{}
	for ref, pages := first, 0; ref != nil; pages++ {
		if pages == maxPages {
			return pagesBound(maxPages), nil
		}
		seen[ref.String()] = true
		grant, reached, err := b.reserve(ctx, c.maxBody)
		if err != nil {
			return "", ctxError(op, err)
		}
		if reached != "" {
			return reached, nil
		}
		resp, err := c.getLimited(ctx, op, ref, grant)
		if err != nil {
			if errors.Is(err, errBodyTooLarge) && grant < c.maxBody {
				// The page would not fit what was left of the budget.
				b.settle(grant, grant)
				return bytesBound(b.maxBytes), nil
			}
			b.settle(grant, 0)
			return "", err
		}
		b.settle(grant, int64(len(resp.body)))
		if resp.status == http.StatusNoContent {
			return "", nil
		}
		items, offered, next, err := decodePage[T](op, resp, key, wanted)
		if err != nil {
			return "", err
		}
		if offered == 0 || each(items) {
			return "", nil
		}
		ref = nextPageRef(next)
		if ref != nil && seen[ref.String()] {
			return "", nil
		}
	}
	return "", nil
}

// fetchList reads a whole list (what names its entities for a Cut), within
// ListMaxBytes and ListMaxPages (or the client's budget). Past them it
// returns what arrived with a *Cut.
func fetchList[T any](ctx context.Context, c *Client, op, what string, first *url.URL, key string) ([]T, error) {
	var out []T
	b := c.budgetFor(ListMaxBytes, ListMaxPages)
	reached, err := walkPages(ctx, c, b, op, first, key, maxPagesPerList, nil, func(items []T) bool {
		out = append(out, items...)
		return false
	})
	if err != nil {
		return nil, err
	}
	if reached != "" {
		return out, &Cut{What: what, Kept: len(out), Bound: string(reached)}
	}
	return out, nil
}

// fetchByID resolves ids in batches of at most maxPageSize with
// filter[id][], one request per batch when the server pages as asked, and
// within LookupMaxBytes and LookupMaxPages (or the client's budget). Only
// the entities asked for are kept as pages arrive. The result follows the
// order of ids, without duplicates; when a bound stopped it before every
// ID was found, what arrived comes with a *Cut.
func fetchByID[T any](ctx context.Context, c *Client, op string, cut Cut, path, key string, ids []int64, idOf func(T) int64) ([]T, error) {
	ids = UniqueIDs(ids)
	found := make(map[int64]T, len(ids))
	b := c.budgetFor(LookupMaxBytes, LookupMaxPages)
	var reached bound
	for start := 0; start < len(ids) && reached == ""; start += maxPageSize {
		batch := ids[start:min(start+maxPageSize, len(ids))]
		want := make(map[int64]bool, len(batch))
		for _, id := range batch {
			want[id] = true
		}
		missing := len(batch)
		var err error
		asked := func(raw []byte) bool { return want[rawID(raw)] }
		reached, err = walkPages(ctx, c, b, op, batchRef(path, batch), key, maxPagesPerBatch, asked, func(items []T) bool {
			for _, it := range items {
				id := idOf(it)
				if !want[id] {
					continue
				}
				if _, again := found[id]; !again {
					missing--
				}
				found[id] = it
			}
			return missing == 0
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]T, 0, len(found))
	for _, id := range ids {
		if it, ok := found[id]; ok {
			out = append(out, it)
		}
	}
	if reached != "" && len(out) < len(ids) {
		cut.Kept, cut.Asked, cut.Bound = len(out), len(ids), string(reached)
		return out, &cut
	}
	return out, nil
}

// batchRef builds path?filter[id][]=..&limit=N, brackets percent-encoded as
// the official PHP client's http_build_query sends them.
func batchRef(path string, ids []int64) *url.URL {
	q := url.Values{}
	for _, id := range ids {
		q.Add("filter[id][]", strconv.FormatInt(id, 10))
	}
	q.Set("limit", strconv.Itoa(max(len(ids), 1)))
	return &url.URL{Path: path, RawQuery: q.Encode()}
}

func listRef(path string) *url.URL {
	return &url.URL{Path: path, RawQuery: "limit=" + strconv.Itoa(maxPageSize)}
}

// Contacts resolves contact IDs into contacts, batched. Past a bound (see
// LookupMaxBytes) it returns those that arrived with a *Cut.
func (c *Client) Contacts(ctx context.Context, ids []int64) ([]Contact, error) {
	return fetchByID(ctx, c, "load contacts", Cut{What: "contacts"}, "/api/v4/contacts", "contacts", ids, func(x Contact) int64 { return x.ID })
}

// Companies resolves company IDs into companies, batched. Past a bound it
// returns those that arrived with a *Cut.
func (c *Client) Companies(ctx context.Context, ids []int64) ([]Company, error) {
	return fetchByID(ctx, c, "load companies", Cut{What: "companies"}, "/api/v4/companies", "companies", ids, func(x Company) int64 { return x.ID })
}

// CatalogElements resolves element IDs of one catalog (list), batched.
// Past a bound it returns those that arrived with a *Cut. At most
// CatalogConcurrency lists per Client are fetched at once; the others wait.
func (c *Client) CatalogElements(ctx context.Context, catalogID int64, ids []int64) ([]CatalogElement, error) {
	id := strconv.FormatInt(catalogID, 10)
	op := "load elements of list " + id
	if catalogID <= 0 {
		return nil, &Error{Kind: ErrBadRequest, Op: op, Detail: "a list ID must be positive"}
	}
	select {
	case c.catalogSlots <- struct{}{}:
		defer func() { <-c.catalogSlots }()
	case <-ctx.Done():
		return nil, ctxError(op, ctx.Err())
	}
	elems, err := fetchByID(ctx, c, op, Cut{What: "elements", CatalogID: catalogID}, "/api/v4/catalogs/"+id+"/elements", "elements", ids, func(x CatalogElement) int64 { return x.ID })
	for i := range elems {
		if elems[i].CatalogID == 0 {
			elems[i].CatalogID = catalogID
		}
	}
	return elems, err
}

// Catalogs lists the account's lists (catalogs) with their names. Past
// ListMaxBytes or ListMaxPages it returns those that arrived with a *Cut;
// so do Pipelines and Users.
func (c *Client) Catalogs(ctx context.Context) ([]Catalog, error) {
	return fetchList[Catalog](ctx, c, "load lists", "lists", listRef("/api/v4/catalogs"), "catalogs")
}

// Pipelines lists the pipelines with their stages.
func (c *Client) Pipelines(ctx context.Context) ([]Pipeline, error) {
	return fetchList[Pipeline](ctx, c, "load pipelines", "pipelines", &url.URL{Path: "/api/v4/leads/pipelines"}, "pipelines")
}

// Users lists the account's users. Kommo allows it to administrators only:
// other users get an *Error matching ErrForbidden ("not permitted").
func (c *Client) Users(ctx context.Context) ([]User, error) {
	return fetchList[User](ctx, c, "load users", "users", listRef("/api/v4/users"), "users")
}

// Account returns the account the token belongs to.
func (c *Client) Account(ctx context.Context) (*Account, error) {
	const op = "load account"
	resp, err := c.get(ctx, op, &url.URL{Path: "/api/v4/account", RawQuery: "with=" + accountWith})
	if err != nil {
		return nil, err
	}
	if resp.status == http.StatusNoContent {
		return nil, &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID, Detail: "the server sent no account"}
	}
	if firstByte(resp.body) != '{' {
		if err := decodeJSON(op, resp, new(any)); err != nil {
			return nil, err
		}
		return nil, &Error{Kind: ErrBadResponse, Op: op, Status: resp.status, RequestID: resp.requestID, Detail: "expected the account as a JSON object"}
	}
	var a Account
	if err := decodeJSON(op, resp, &a); err != nil {
		return nil, err
	}
	return &a, nil
}
