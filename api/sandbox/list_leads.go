package sandbox

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// leadFilter is a parsed GET /api/v4/leads: Kommo's query, filters and order.
type leadFilter struct {
	query       string // lower-cased
	ids         map[int64]bool
	pipelines   map[int64]bool
	responsible map[int64]bool
	statuses    map[[2]int64]bool // (pipeline, status)
	ranges      []timeRange
	orderField  string // updated_at, created_at, id; "" keeps ID order
	ascending   bool
}

type timeRange struct {
	field    string // created_at, updated_at, closed_at, closest_task_at
	from, to *int64
}

var (
	statusKey = regexp.MustCompile(`^filter\[statuses\]\[(\d+)\]\[(pipeline_id|status_id)\]$`)
	rangeKey  = regexp.MustCompile(`^filter\[(created_at|updated_at|closed_at|closest_task_at)\]\[(from|to)\]$`)
	orderKey  = regexp.MustCompile(`^order\[([^\]]*)\]$`)
)

// parseLeadFilter reads what GET /api/v4/leads understands. With
// filtersOff every filter[...] is ignored, as on an account without the API
// filter feature; `query` and `order` still apply. A filter the sandbox does
// not implement is refused (400) rather than ignored, so no test passes by
// accident.
func parseLeadFilter(q url.Values, filtersOff bool) (leadFilter, *response) {
	f := leadFilter{query: strings.ToLower(strings.TrimSpace(q.Get("query")))}
	pairs := map[string]*[2]int64{}
	for key, values := range q {
		var bad *response
		switch {
		case strings.HasPrefix(key, "order["):
			bad = f.parseOrder(key, values)
		case !strings.HasPrefix(key, "filter[") || filtersOff:
			continue
		case strings.HasPrefix(key, "filter[id]"):
			f.ids, bad = idSet(f.ids, "filter.id", values)
		case strings.HasPrefix(key, "filter[pipeline_id]"):
			f.pipelines, bad = idSet(f.pipelines, "filter.pipeline_id", values)
		case strings.HasPrefix(key, "filter[responsible_user_id]"):
			f.responsible, bad = idSet(f.responsible, "filter.responsible_user_id", values)
		case statusKey.MatchString(key):
			bad = parseStatusPart(pairs, statusKey.FindStringSubmatch(key), values)
		case rangeKey.MatchString(key):
			bad = f.parseRange(rangeKey.FindStringSubmatch(key), values)
		default:
			r := badRequest(key, "the sandbox does not implement this filter")
			bad = &r
		}
		if bad != nil {
			return f, bad
		}
	}
	return f, f.pairStatuses(pairs)
}

func idSet(set map[int64]bool, path string, values []string) (map[int64]bool, *response) {
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			id, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64)
			if err != nil || id <= 0 {
				r := badRequest(path, fmt.Sprintf("%q is not an ID", part))
				return set, &r
			}
			if set == nil {
				set = map[int64]bool{}
			}
			set[id] = true
		}
	}
	return set, nil
}

func parseStatusPart(pairs map[string]*[2]int64, m []string, values []string) *response {
	id, err := strconv.ParseInt(values[0], 10, 64)
	if err != nil || id <= 0 {
		r := badRequest("filter.statuses", fmt.Sprintf("%q is not an ID", values[0]))
		return &r
	}
	p := pairs[m[1]]
	if p == nil {
		p = &[2]int64{}
		pairs[m[1]] = p
	}
	if m[2] == "pipeline_id" {
		p[0] = id
	} else {
		p[1] = id
	}
	return nil
}

func (f *leadFilter) pairStatuses(pairs map[string]*[2]int64) *response {
	for _, p := range pairs {
		if p[0] == 0 || p[1] == 0 {
			r := badRequest("filter.statuses", "each entry needs both pipeline_id and status_id")
			return &r
		}
		if f.statuses == nil {
			f.statuses = map[[2]int64]bool{}
		}
		f.statuses[*p] = true
	}
	return nil
}

func (f *leadFilter) parseRange(m []string, values []string) *response {
	n, err := strconv.ParseInt(values[0], 10, 64)
	if err != nil {
		r := badRequest("filter."+m[1], fmt.Sprintf("%q is not a unix time", values[0]))
		return &r
	}
	for i := range f.ranges {
		if f.ranges[i].field == m[1] {
			f.ranges[i].set(m[2], n)
			return nil
		}
	}
	tr := timeRange{field: m[1]}
	tr.set(m[2], n)
	f.ranges = append(f.ranges, tr)
	return nil
}

func (r *timeRange) set(bound string, n int64) {
	if bound == "from" {
		r.from = &n
	} else {
		r.to = &n
	}
}

func (f *leadFilter) parseOrder(key string, values []string) *response {
	m := orderKey.FindStringSubmatch(key)
	if m == nil || (m[1] != "updated_at" && m[1] != "created_at" && m[1] != "id") {
		r := badRequest("order", fmt.Sprintf("leads cannot be ordered by %q", key))
		return &r
	}
	switch strings.ToLower(values[0]) {
	case "asc":
		f.ascending = true
	case "desc":
		f.ascending = false
	default:
		r := badRequest("order", fmt.Sprintf("order must be asc or desc, not %q", values[0]))
		return &r
	}
	f.orderField = m[1]
	return nil
}

func (f *leadFilter) matches(l *lead, text string) bool {
	switch {
	case f.ids != nil && !f.ids[l.ID],
		f.pipelines != nil && !f.pipelines[l.PipelineID],
		f.responsible != nil && !f.responsible[l.ResponsibleUserID],
		f.statuses != nil && !f.statuses[[2]int64{l.PipelineID, l.StatusID}],
		f.query != "" && !strings.Contains(text, f.query):
		return false
	}
	for _, r := range f.ranges {
		if !r.contains(leadTime(l, r.field)) {
			return false
		}
	}
	return true
}

func leadTime(l *lead, field string) *int64 {
	switch field {
	case "created_at":
		return &l.CreatedAt
	case "updated_at":
		return &l.UpdatedAt
	case "closed_at":
		return l.ClosedAt
	}
	return l.ClosestTaskAt
}

// contains: a lead without the time (null closed_at, no task) is in no range.
func (r timeRange) contains(t *int64) bool {
	if t == nil {
		return false
	}
	return (r.from == nil || *t >= *r.from) && (r.to == nil || *t <= *r.to)
}

// ordered returns the leads in the order asked for, and whether to walk it backwards.
func (s *Server) ordered(f leadFilter) ([]*lead, bool) {
	switch f.orderField {
	case "updated_at":
		return s.data.idx.byUpdated, !f.ascending
	case "created_at":
		return s.data.idx.byCreated, !f.ascending
	case "id":
		return s.data.leadsByID, !f.ascending
	}
	return s.data.leadsByID, false
}

// listLeads is GET /api/v4/leads as Kommo has it: query, filters, order,
// limit (≤ 250), page; _links.next only when another page follows; 204
// when the page is empty. Leads are rendered with `with` like a single lead
// and served from the same cache, so a page costs a copy, not an encoding.
func (s *Server) listLeads(r *http.Request, base string, faults Faults) response {
	q := r.URL.Query()
	pr, bad := parsePage(withoutFilters(q)) // limit and page; the filters are parseLeadFilter's
	if bad != nil {
		return *bad
	}
	f, bad := parseLeadFilter(q, s.filtersOff(faults))
	if bad != nil {
		return *bad
	}
	leads, backwards := s.ordered(f)
	start, end := (pr.page-1)*pr.limit, pr.page*pr.limit
	var page []*lead
	matched := 0
	for k := range leads {
		l := leads[k]
		if backwards {
			l = leads[len(leads)-1-k]
		}
		if !f.matches(l, s.data.idx.leadText[l.ID]) {
			continue
		}
		if matched >= start && matched < end {
			page = append(page, l)
		}
		matched++
		if matched > end {
			break
		}
	}
	if len(page) == 0 {
		return noContent()
	}
	with := parseWith(q["with"])
	var next string
	if matched > end {
		next = pageHref(base, r, pr.page+1)
	}
	return response{status: http.StatusOK, contentType: contentHAL,
		body: s.leadPageBody(pr.page, pageHref(base, r, pr.page), next, page, base, with)}
}

func withoutFilters(q url.Values) url.Values {
	out := url.Values{}
	for k, v := range q {
		if !strings.HasPrefix(k, "filter[") {
			out[k] = v
		}
	}
	return out
}

// leadPageBody writes {"_page":N,"_links":{...},"_embedded":{"leads":[...]}}
// from the cached lead bodies.
func (s *Server) leadPageBody(page int, self, next string, leads []*lead, base string, with withSet) []byte {
	var b bytes.Buffer
	b.WriteString(`{"_page":`)
	b.WriteString(strconv.Itoa(page))
	b.WriteString(`,"_links":`)
	l := selfLinks(self)
	if next != "" {
		l.Next = &link{Href: next}
	}
	b.Write(encode(l))
	b.WriteString(`,"_embedded":{"leads":[`)
	for i, ld := range leads {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(s.renderedLead(ld, base, with))
	}
	b.WriteString("]}}")
	return b.Bytes()
}

// renderedLead is l's JSON for base and with, rendered once per server.
func (s *Server) renderedLead(l *lead, base string, with withSet) []byte {
	key := leadKey{id: l.ID, with: with, base: base}
	if body, ok := s.leadBodies.Load(key); ok {
		return body.([]byte)
	}
	body := l.render(base, with)
	s.leadBodies.Store(key, body)
	return body
}
