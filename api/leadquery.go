package api

import (
	"net/url"
	"slices"
	"strconv"
	"time"
)

// LeadQuery is what a lead list asks Kommo for. The zero value lists every
// lead, most recently updated first, 50 to a page. Conditions of different
// kinds must all hold; a list (IDs, pipelines, ...) matches any of its members.
type LeadQuery struct {
	// Text is Kommo's `query`: it searches the lead's filled fields (name,
	// custom field values). Kommo honours it even where filter[...] is off.
	Text string

	IDs                []int64
	PipelineIDs        []int64
	Statuses           []StatusRef // (pipeline, stage) pairs: stage IDs 142/143 exist in every pipeline
	ResponsibleUserIDs []int64

	CreatedAt, UpdatedAt, ClosedAt, ClosestTaskAt TimeRange

	// Tags are matched on the client only: Kommo's API cannot filter leads
	// by tag, so they are never sent. See LocalFilter.
	Tags []string

	Sort LeadSort
	// Limit is the page size: 0 means DefaultLeadPageSize; it is clamped to
	// 1..MaxLeadPageSize (Kommo answers 422 above 250).
	Limit int
	// WithContacts adds with=contacts: each lead then names its contacts
	// (IDs, the main one marked), at no extra request.
	WithContacts bool
}

// Page sizes of lead lists.
const (
	DefaultLeadPageSize = 50
	MaxLeadPageSize     = maxPageSize
)

// StatusRef names a stage within its pipeline.
type StatusRef struct {
	PipelineID int64
	StatusID   int64
}

// TimeRange is an inclusive range of instants; a zero bound is open.
// Kommo takes unix seconds, so bounds are truncated to the second.
type TimeRange struct {
	From, To time.Time
}

// IsZero reports whether the range has no bound.
func (r TimeRange) IsZero() bool { return r.From.IsZero() && r.To.IsZero() }

// Contains reports whether the unix time sec lies in the range. A lead
// without the time (null closed_at, no tasks) is outside any bounded range.
func (r TimeRange) Contains(sec *int64) bool {
	if r.IsZero() {
		return true
	}
	if sec == nil || *sec == 0 {
		return false
	}
	if !r.From.IsZero() && *sec < r.From.Unix() {
		return false
	}
	if !r.To.IsZero() && *sec > r.To.Unix() {
		return false
	}
	return true
}

// LeadSort orders a lead list. The zero value is updated_at, newest first.
type LeadSort struct {
	Field     SortField
	Ascending bool
}

// SortField is a field Kommo can order leads by.
type SortField string

// The fields Kommo orders leads by; "" means SortUpdated.
const (
	SortUpdated SortField = "updated_at"
	SortCreated SortField = "created_at"
	SortID      SortField = "id"
)

func (s LeadSort) field() SortField {
	switch s.Field {
	case SortCreated, SortID:
		return s.Field
	}
	return SortUpdated
}

func (s LeadSort) direction() string {
	if s.Ascending {
		return "asc"
	}
	return "desc"
}

// pageSize is Limit within Kommo's bounds.
func (q LeadQuery) pageSize() int {
	switch {
	case q.Limit <= 0:
		return DefaultLeadPageSize
	case q.Limit > MaxLeadPageSize:
		return MaxLeadPageSize
	}
	return q.Limit
}

// HasFilters reports whether the query narrows the list at all (text,
// tags or any filter), as opposed to listing every lead.
func (q LeadQuery) HasFilters() bool {
	return q.Text != "" || len(q.Tags) > 0 || q.hasServerFilters()
}

// SendsFilters reports whether q sends filter[...] conditions: the ones an
// account without the API filter feature ignores, so only then does a
// caller need to know Account.IsAPIFilterEnabled.
func (q LeadQuery) SendsFilters() bool { return q.hasServerFilters() }

// hasServerFilters: the conditions sent as filter[...], which an account
// without the API filter feature ignores.
func (q LeadQuery) hasServerFilters() bool {
	return len(q.IDs) > 0 || len(q.PipelineIDs) > 0 || len(q.Statuses) > 0 || len(q.ResponsibleUserIDs) > 0 ||
		!q.CreatedAt.IsZero() || !q.UpdatedAt.IsZero() || !q.ClosedAt.IsZero() || !q.ClosestTaskAt.IsZero()
}

// LocalFilter is the part of q a caller must check itself on the leads a
// page brings (with Matches): only the tags when Kommo applies filters;
// every filter[...] condition too when the account ignores them (its
// Account.IsAPIFilterEnabled is false, or IgnoredBy caught it). Text is
// left to Kommo either way: it honours `query` on every account, and its
// idea of a match is broader than any client copy of it.
func (q LeadQuery) LocalFilter(filtersApplied bool) LeadQuery {
	local := LeadQuery{Tags: q.Tags}
	if !filtersApplied {
		local.IDs, local.PipelineIDs, local.Statuses, local.ResponsibleUserIDs = q.IDs, q.PipelineIDs, q.Statuses, q.ResponsibleUserIDs
		local.CreatedAt, local.UpdatedAt, local.ClosedAt, local.ClosestTaskAt = q.CreatedAt, q.UpdatedAt, q.ClosedAt, q.ClosestTaskAt
	}
	return local
}

// Matches reports whether l meets every condition of q, checked on the
// client: Text case-insensitively against the name and the custom field
// values, Tags by name (case-insensitively; any of them), the rest as
// Kommo's filters mean them.
func (q LeadQuery) Matches(l *Lead) bool {
	if l == nil {
		return false
	}
	return q.matchesServerFilters(l) && q.matchesTags(l) && (q.Text == "" || leadContainsText(l, q.Text))
}

func (q LeadQuery) matchesServerFilters(l *Lead) bool {
	if len(q.IDs) > 0 && !slices.Contains(q.IDs, l.ID) {
		return false
	}
	if len(q.PipelineIDs) > 0 && !slices.Contains(q.PipelineIDs, l.PipelineID) {
		return false
	}
	if len(q.Statuses) > 0 && !slices.Contains(q.Statuses, StatusRef{l.PipelineID, l.StatusID}) {
		return false
	}
	if len(q.ResponsibleUserIDs) > 0 && !slices.Contains(q.ResponsibleUserIDs, l.ResponsibleUserID) {
		return false
	}
	return q.CreatedAt.Contains(&l.CreatedAt) && q.UpdatedAt.Contains(&l.UpdatedAt) &&
		q.ClosedAt.Contains(l.ClosedAt) && q.ClosestTaskAt.Contains(l.ClosestTaskAt)
}

func (q LeadQuery) matchesTags(l *Lead) bool {
	if len(q.Tags) == 0 {
		return true
	}
	for _, want := range q.Tags {
		for _, t := range l.Embedded.Tags {
			if foldEqual(t.Name, want) {
				return true
			}
		}
	}
	return false
}

// IgnoredBy reports whether page holds a lead that contradicts one of the
// filter[...] conditions: proof that the server did not apply them, as an
// account without the API filter feature does. Text and tags prove nothing
// (Kommo does not filter by tag, and its text search is broader).
func (q LeadQuery) IgnoredBy(page *LeadPage) bool {
	if page == nil || !q.hasServerFilters() {
		return false
	}
	for i := range page.Leads {
		if !q.matchesServerFilters(&page.Leads[i]) {
			return true
		}
	}
	return false
}

// values encodes q for GET /api/v4/leads as the official PHP client's
// http_build_query does: filter[statuses][0][pipeline_id]=..,
// order[updated_at]=desc, brackets percent-encoded by url.Values.
func (q LeadQuery) values(page int) url.Values {
	v := url.Values{}
	if q.Text != "" {
		v.Set("query", q.Text)
	}
	addIDs(v, "filter[id][]", q.IDs)
	addIDs(v, "filter[pipeline_id][]", q.PipelineIDs)
	for i, s := range q.Statuses {
		prefix := "filter[statuses][" + strconv.Itoa(i) + "]"
		v.Set(prefix+"[pipeline_id]", strconv.FormatInt(s.PipelineID, 10))
		v.Set(prefix+"[status_id]", strconv.FormatInt(s.StatusID, 10))
	}
	addIDs(v, "filter[responsible_user_id][]", q.ResponsibleUserIDs)
	addRange(v, "created_at", q.CreatedAt)
	addRange(v, "updated_at", q.UpdatedAt)
	addRange(v, "closed_at", q.ClosedAt)
	addRange(v, "closest_task_at", q.ClosestTaskAt)
	v.Set("order["+string(q.Sort.field())+"]", q.Sort.direction())
	v.Set("limit", strconv.Itoa(q.pageSize()))
	v.Set("page", strconv.Itoa(max(page, 1)))
	if q.WithContacts {
		v.Set("with", "contacts")
	}
	return v
}

func addIDs(v url.Values, key string, ids []int64) {
	for _, id := range ids {
		v.Add(key, strconv.FormatInt(id, 10))
	}
}

func addRange(v url.Values, field string, r TimeRange) {
	if !r.From.IsZero() {
		v.Set("filter["+field+"][from]", strconv.FormatInt(r.From.Unix(), 10))
	}
	if !r.To.IsZero() {
		v.Set("filter["+field+"][to]", strconv.FormatInt(r.To.Unix(), 10))
	}
}
