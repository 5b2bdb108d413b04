package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// The lead's story (notes, events, tasks) and the field definitions are
// lists a server could page forever. These helpers ask for pages by number
// (never by following a _links.next href to wherever it points) and stop
// at a page cap, a byte budget, an empty page, or a page that brings nothing
// new, so one call costs bounded requests and memory whatever comes back.

// maxStoryBytes caps the bodies one multi-page load keeps (tasks, field
// definitions): far above any real account, far below what would hurt.
const maxStoryBytes = 32 << 20

// onePage fetches page number page of a list and decodes _embedded[key].
// next reports that the server announced another page; a 204 is an empty
// last page.
func onePage[T any](ctx context.Context, c *Client, op string, ref *url.URL, key string) (items []T, next bool, size int, err error) {
	resp, err := c.get(ctx, op, ref)
	if err != nil {
		return nil, false, 0, err
	}
	if resp.status == http.StatusNoContent {
		return nil, false, 0, nil
	}
	items, _, href, err := decodePage[T](op, resp, key, nil)
	if err != nil {
		return nil, false, 0, err
	}
	return items, href != "" && len(items) > 0, len(resp.body), nil
}

// pagedLoad is a bounded walk over numbered pages.
type pagedLoad[T any] struct {
	op       string
	key      string
	pageRef  func(page int) *url.URL
	maxPages int
	idOf     func(T) string // duplicates are dropped; a page of only duplicates ends the walk
}

// run collects every page; truncated says a cap ended the walk while the
// server still announced more.
func (p pagedLoad[T]) run(ctx context.Context, c *Client) (out []T, truncated bool, err error) {
	seen := map[string]bool{}
	var held int64
	for page := 1; ; page++ {
		if page > p.maxPages {
			return out, true, nil
		}
		items, next, size, err := onePage[T](ctx, c, p.op, p.pageRef(page), p.key)
		if err != nil {
			return nil, false, err
		}
		fresh := 0
		for _, it := range items {
			id := p.idOf(it)
			if seen[id] {
				continue
			}
			seen[id] = true
			out = append(out, it)
			fresh++
		}
		held += int64(size)
		switch {
		case !next:
			return out, false, nil
		case fresh == 0:
			// The server ignores page and repeats itself: nothing more to learn.
			return out, false, nil
		case held >= maxStoryBytes:
			return out, true, nil
		}
	}
}

// pagedQuery builds path?query&limit=N&page=P with brackets percent-encoded
// as the official PHP client sends them.
func pagedQuery(path string, q url.Values, limit, page int) *url.URL {
	q2 := url.Values{}
	for k, v := range q {
		q2[k] = v
	}
	q2.Set("limit", strconv.Itoa(limit))
	q2.Set("page", strconv.Itoa(page))
	return &url.URL{Path: path, RawQuery: q2.Encode()}
}

// checkLeadPage refuses a request that cannot be sent: an impossible lead
// ID or a page outside 1..maxPages.
func checkLeadPage(op string, leadID int64, page, maxPages int) error {
	if leadID <= 0 {
		return &Error{Kind: ErrBadRequest, Op: op, Err: fmt.Errorf("%w: lead IDs are positive numbers", ErrBadID)}
	}
	if page < 1 || page > maxPages {
		return &Error{Kind: ErrBadRequest, Op: op, Detail: fmt.Sprintf("page %d is outside 1..%d", page, maxPages)}
	}
	return nil
}

func leadOp(what string, leadID int64, page int) string {
	return fmt.Sprintf("load %s of lead %d (page %d)", what, leadID, page)
}
