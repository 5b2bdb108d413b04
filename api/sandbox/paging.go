package sandbox

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// pageRequest is the parsed filter and paging of a list request.
type pageRequest struct {
	ids   map[int64]bool // nil: no filter
	limit int
	page  int
}

// parsePage reads filter[id][]=1&filter[id][]=2, filter[id]=1,2 and PHP's
// filter[id][0]=1, plus limit and page. A bad request is answered as Kommo
// does: 400 for nonsense, 422 for a limit over 250.
func parsePage(q url.Values) (pageRequest, *response) {
	pr := pageRequest{limit: DefaultPageLimit, page: 1}
	for key, values := range q {
		if !strings.HasPrefix(key, "filter[id]") {
			continue
		}
		for _, v := range values {
			for _, part := range strings.Split(v, ",") {
				id, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64)
				if err != nil || id <= 0 {
					r := badRequest("filter.id", fmt.Sprintf("%q is not an entity ID", part))
					return pr, &r
				}
				if pr.ids == nil {
					pr.ids = map[int64]bool{}
				}
				pr.ids[id] = true
			}
		}
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			r := badRequest("limit", "limit must be a positive number")
			return pr, &r
		}
		if n > MaxPageLimit {
			r := problemResponse(http.StatusUnprocessableEntity, fmt.Sprintf("limit must not exceed %d", MaxPageLimit))
			return pr, &r
		}
		pr.limit = n
	}
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			r := badRequest("page", "page must be a positive number")
			return pr, &r
		}
		pr.page = n
	}
	return pr, nil
}

// listPage answers one page of items under _embedded[kind]: 204 with no body
// when the page is empty, _links.next only when another page follows.
func listPage[T any](r *http.Request, base, kind string, items []T, idOf func(T) int64, render func(T, string) any) response {
	pr, bad := parsePage(r.URL.Query())
	if bad != nil {
		return *bad
	}
	var matching []T
	for _, it := range items {
		if pr.ids == nil || pr.ids[idOf(it)] {
			matching = append(matching, it)
		}
	}
	start := (pr.page - 1) * pr.limit
	if start >= len(matching) || pr.page > len(matching) {
		return noContent()
	}
	end := min(start+pr.limit, len(matching))
	rendered := make([]any, 0, end-start)
	for _, it := range matching[start:end] {
		rendered = append(rendered, render(it, base))
	}
	l := selfLinks(pageHref(base, r, pr.page))
	if end < len(matching) {
		l.Next = &link{Href: pageHref(base, r, pr.page+1)}
	}
	return hal(map[string]any{
		"_page":     pr.page,
		"_links":    l,
		"_embedded": map[string]any{kind: rendered},
	})
}

func pageHref(base string, r *http.Request, page int) string {
	q := r.URL.Query()
	q.Set("page", strconv.Itoa(page))
	return base + r.URL.Path + "?" + q.Encode()
}
