package api

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

const (
	// maxPageSize is Kommo's largest page and largest filter[id][] batch;
	// asking for more answers 422.
	maxPageSize = 250
	// Page caps stop a server that keeps sending _links.next (or ignores
	// the filter) from turning one lookup into thousands of requests.
	maxPagesPerBatch = 8
	maxPagesPerList  = 40
)

// fetchList follows _links.next from first, collecting _embedded[key], until
// there is no next page, a page is empty, done says enough, a link repeats,
// or maxPages is reached. A 204 is an empty list.
func fetchList[T any](ctx context.Context, c *Client, op string, first *url.URL, key string, maxPages int, done func([]T) bool) ([]T, error) {
	var out []T
	seen := map[string]bool{}
	for ref, pages := first, 0; ref != nil && pages < maxPages; pages++ {
		seen[ref.String()] = true
		resp, err := c.get(ctx, op, ref)
		if err != nil {
			return nil, err
		}
		if resp.status == http.StatusNoContent {
			break
		}
		items, next, err := decodePage[T](op, resp, key)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
		if len(items) == 0 || (done != nil && done(out)) {
			break
		}
		ref = nextPageRef(next)
		if ref != nil && seen[ref.String()] {
			break
		}
	}
	return out, nil
}

// fetchByID resolves ids in batches of at most maxPageSize with
// filter[id][], one request per batch when the server pages as asked. The
// result follows the order of ids, without duplicates or unasked entities.
func fetchByID[T any](ctx context.Context, c *Client, op, path, key string, ids []int64, idOf func(T) int64) ([]T, error) {
	ids = uniquePositive(ids)
	found := make(map[int64]T, len(ids))
	for start := 0; start < len(ids); start += maxPageSize {
		batch := ids[start:min(start+maxPageSize, len(ids))]
		want := make(map[int64]bool, len(batch))
		for _, id := range batch {
			want[id] = true
		}
		allFound := func(items []T) bool {
			n := 0
			for _, it := range items {
				if want[idOf(it)] {
					n++
				}
			}
			return n >= len(batch)
		}
		items, err := fetchList(ctx, c, op, batchRef(path, batch), key, maxPagesPerBatch, allFound)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if id := idOf(it); want[id] {
				found[id] = it
			}
		}
	}
	out := make([]T, 0, len(found))
	for _, id := range ids {
		if it, ok := found[id]; ok {
			out = append(out, it)
		}
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

// uniquePositive drops duplicates and IDs that cannot exist (<= 0), keeping order.
func uniquePositive(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if id > 0 && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// Contacts resolves contact IDs into contacts, batched.
func (c *Client) Contacts(ctx context.Context, ids []int64) ([]Contact, error) {
	return fetchByID(ctx, c, "load contacts", "/api/v4/contacts", "contacts", ids, func(x Contact) int64 { return x.ID })
}

// Companies resolves company IDs into companies, batched.
func (c *Client) Companies(ctx context.Context, ids []int64) ([]Company, error) {
	return fetchByID(ctx, c, "load companies", "/api/v4/companies", "companies", ids, func(x Company) int64 { return x.ID })
}

// CatalogElements resolves element IDs of one catalog (list), batched.
func (c *Client) CatalogElements(ctx context.Context, catalogID int64, ids []int64) ([]CatalogElement, error) {
	id := strconv.FormatInt(catalogID, 10)
	op := "load elements of list " + id
	if catalogID <= 0 {
		return nil, &Error{Kind: ErrBadRequest, Op: op, Detail: "a list ID must be positive"}
	}
	elems, err := fetchByID(ctx, c, op, "/api/v4/catalogs/"+id+"/elements", "elements", ids, func(x CatalogElement) int64 { return x.ID })
	for i := range elems {
		if elems[i].CatalogID == 0 {
			elems[i].CatalogID = catalogID
		}
	}
	return elems, err
}

// Catalogs lists the account's lists (catalogs) with their names.
func (c *Client) Catalogs(ctx context.Context) ([]Catalog, error) {
	return fetchList[Catalog](ctx, c, "load lists", listRef("/api/v4/catalogs"), "catalogs", maxPagesPerList, nil)
}

// Pipelines lists the pipelines with their stages.
func (c *Client) Pipelines(ctx context.Context) ([]Pipeline, error) {
	return fetchList[Pipeline](ctx, c, "load pipelines", &url.URL{Path: "/api/v4/leads/pipelines"}, "pipelines", maxPagesPerList, nil)
}

// Users lists the account's users. Kommo allows it to administrators only:
// other users get an *Error matching ErrForbidden ("not permitted").
func (c *Client) Users(ctx context.Context) ([]User, error) {
	return fetchList[User](ctx, c, "load users", listRef("/api/v4/users"), "users", maxPagesPerList, nil)
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
