package sandbox

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// storyEndpoint names the story endpoints; ok is false for any other path.
func storyEndpoint(path string) (string, bool) {
	switch {
	case strings.HasPrefix(path, "/api/v4/leads/") && strings.HasSuffix(path, "/notes"):
		return EndpointNotes, true
	case path == "/api/v4/events":
		return EndpointEvents, true
	case path == "/api/v4/tasks":
		return EndpointTasks, true
	}
	if _, _, ok := customFieldsPath(path); ok {
		return EndpointCustomFields, true
	}
	return "", false
}

// customFieldsPath reads /api/v4/{entity}/custom_fields[/groups].
func customFieldsPath(path string) (entity string, groups bool, ok bool) {
	rest, found := strings.CutPrefix(path, "/api/v4/")
	if !found {
		return "", false, false
	}
	entity, tail, _ := strings.Cut(rest, "/")
	switch tail {
	case "custom_fields":
	case "custom_fields/groups":
		groups = true
	default:
		return "", false, false
	}
	switch entity {
	case "leads", "contacts", "companies":
		return entity, groups, true
	}
	return "", false, false
}

// serveStory answers the story endpoints; ok is false for other endpoints.
func (s *Server) serveStory(r *http.Request, path, endpoint, base string) (response, bool) {
	st := s.data.stories
	switch endpoint {
	case EndpointNotes:
		return s.leadNotes(r, path, base), true
	case EndpointEvents:
		return s.events(r, base), true
	case EndpointTasks:
		return s.tasks(r, base), true
	case EndpointCustomFields:
		entity, groups, _ := customFieldsPath(path)
		if groups {
			return storyPage(r, base, "custom_field_groups", st.groups[entity], MaxPageLimit, true, fieldGroup.json), true
		}
		return storyPage(r, base, "custom_fields", st.fields[entity], MaxPageLimit, true, fieldDef.json), true
	}
	return response{}, false
}

// leadNotes is GET /api/v4/leads/{id}/notes: filter[note_type][], order[id]
// or order[updated_at] (asc|desc; default ID order), limit ≤ 250, 204 when
// the lead has none (or does not exist).
func (s *Server) leadNotes(r *http.Request, path, base string) response {
	idText := strings.TrimSuffix(strings.TrimPrefix(path, "/api/v4/leads/"), "/notes")
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 {
		return problemResponse(http.StatusNotFound, "no such API method: "+path)
	}
	q := r.URL.Query()
	notes := slices.Clone(s.data.stories.notes[id])
	if types := listParam(q, "filter[note_type]"); len(types) > 0 {
		notes = slices.DeleteFunc(notes, func(n note) bool { return !slices.Contains(types, n.NoteType) })
	}
	field, desc, bad := parseOrder(q, "id", "updated_at")
	if bad != nil {
		return *bad
	}
	key := func(n note) int64 { return n.ID }
	if field == "updated_at" {
		key = func(n note) int64 { return n.UpdatedAt }
	}
	sortBy(notes, key, desc)
	return storyPage(r, base, "notes", notes, MaxPageLimit, false, note.json)
}

// events is GET /api/v4/events: filter[entity] (lead; other entities have
// no seeded events), filter[entity_id][] (at most 10, needs filter[entity]),
// filter[type][], limit ≤ 100. Kommo does not document the order; the
// sandbox sends newest first, or oldest first with Options.EventsOldestFirst.
func (s *Server) events(r *http.Request, base string) response {
	q := r.URL.Query()
	entity := q.Get("filter[entity]")
	ids, bad := idParams(q, "filter[entity_id]")
	switch {
	case bad != nil:
		return *bad
	case entity != "" && !slices.Contains([]string{"lead", "contact", "company", "customer", "task"}, entity) && !strings.HasPrefix(entity, "catalog_"):
		return badRequest("filter.entity", fmt.Sprintf("%q is not an entity events are kept for", entity))
	case len(ids) > 0 && entity == "":
		return badRequest("filter.entity_id", "filter[entity_id] needs exactly one filter[entity]")
	case len(ids) > 10:
		return badRequest("filter.entity_id", "at most 10 entity IDs at once")
	}
	var out []event
	if entity == "" || entity == "lead" {
		types := listParam(q, "filter[type]")
		for _, e := range s.data.stories.allEvents {
			if (len(ids) == 0 || slices.Contains(ids, e.LeadID)) && (len(types) == 0 || slices.Contains(types, e.Type)) {
				out = append(out, e)
			}
		}
	}
	if !s.opts.EventsOldestFirst {
		slices.Reverse(out)
	}
	return storyPage(r, base, "events", out, EventsPageLimit, false, event.json)
}

// tasks is GET /api/v4/tasks: filter[entity_type] (leads), filter[entity_id][],
// filter[is_completed] (0|1), filter[responsible_user_id][],
// order[complete_till|created_at|id] (asc|desc; default ID order), limit ≤ 250.
func (s *Server) tasks(r *http.Request, base string) response {
	q := r.URL.Query()
	ids, bad := idParams(q, "filter[entity_id]")
	if bad != nil {
		return *bad
	}
	users, bad := idParams(q, "filter[responsible_user_id]")
	if bad != nil {
		return *bad
	}
	entityType := q.Get("filter[entity_type]")
	if entityType != "" && !slices.Contains([]string{"leads", "contacts", "companies", "customers"}, entityType) {
		return badRequest("filter.entity_type", fmt.Sprintf("%q is not an entity type tasks belong to", entityType))
	}
	completed := q.Get("filter[is_completed]")
	field, desc, bad := parseOrder(q, "id", "complete_till", "created_at")
	if bad != nil {
		return *bad
	}
	var out []task
	if entityType == "" || entityType == "leads" {
		for _, lid := range s.data.leadIDs {
			for _, t := range s.data.stories.tasks[lid] {
				if (len(ids) == 0 || slices.Contains(ids, t.LeadID)) && (len(users) == 0 || slices.Contains(users, t.ResponsibleUserID)) &&
					(completed == "" || (completed == "1") == t.IsCompleted) {
					out = append(out, t)
				}
			}
		}
	}
	key := func(t task) int64 { return t.ID }
	switch field {
	case "complete_till":
		key = func(t task) int64 { return t.CompleteTill }
	case "created_at":
		key = func(t task) int64 { return t.CreatedAt }
	}
	sortBy(out, key, desc)
	return storyPage(r, base, "tasks", out, MaxPageLimit, false, task.json)
}

// storyPage answers one page of items like listPage, with a per-endpoint
// limit cap (422 above it) and, for field definitions, _total_items.
func storyPage[T any](r *http.Request, base, kind string, items []T, maxLimit int, totals bool, render func(T, string) any) response {
	q := r.URL.Query()
	limit, page := DefaultPageLimit, 1
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return badRequest("limit", "limit must be a positive number")
		}
		if n > maxLimit {
			return problemResponse(http.StatusUnprocessableEntity, fmt.Sprintf("limit must not exceed %d", maxLimit))
		}
		limit = n
	}
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return badRequest("page", "page must be a positive number")
		}
		page = n
	}
	start := (page - 1) * limit
	if page > len(items) || start >= len(items) {
		return noContent()
	}
	end := min(start+limit, len(items))
	rendered := make([]any, 0, end-start)
	for _, it := range items[start:end] {
		rendered = append(rendered, render(it, base))
	}
	l := selfLinks(pageHref(base, r, page))
	if end < len(items) {
		l.Next = &link{Href: pageHref(base, r, page+1)}
	}
	body := map[string]any{"_page": page, "_links": l, "_embedded": map[string]any{kind: rendered}}
	if totals {
		body["_total_items"] = len(items)
	}
	return hal(body)
}

// parseOrder reads order[FIELD]=asc|desc for one of fields; the default is
// the first field, ascending.
func parseOrder(q url.Values, fields ...string) (string, bool, *response) {
	for key, values := range q {
		name, ok := strings.CutPrefix(key, "order[")
		if !ok {
			continue
		}
		name = strings.TrimSuffix(name, "]")
		dir := strings.ToLower(values[0])
		if !slices.Contains(fields, name) || (dir != "asc" && dir != "desc") {
			r := badRequest("order", fmt.Sprintf("order by %s must be one of %s, asc or desc", name, strings.Join(fields, ", ")))
			return "", false, &r
		}
		return name, dir == "desc", nil
	}
	return fields[0], false, nil
}

// idParams reads name[]=1&name[]=2, name=1,2 and PHP's name[0]=1.
func idParams(q url.Values, name string) ([]int64, *response) {
	var ids []int64
	for _, v := range listParam(q, name) {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			r := badRequest(strings.ReplaceAll(strings.Trim(name, "]"), "[", "."), fmt.Sprintf("%q is not an ID", v))
			return nil, &r
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// listParam collects name, name[] and name[N] values, splitting commas.
func listParam(q url.Values, name string) []string {
	var out []string
	for key, values := range q {
		if key != name && !(strings.HasPrefix(key, name+"[") && strings.HasSuffix(key, "]")) {
			continue
		}
		for _, v := range values {
			for _, part := range strings.Split(v, ",") {
				if part = strings.TrimSpace(part); part != "" {
					out = append(out, part)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// sortBy orders items by key, ties by their current order.
func sortBy[T any](items []T, key func(T) int64, desc bool) {
	slices.SortStableFunc(items, func(a, b T) int {
		ka, kb := key(a), key(b)
		switch {
		case ka == kb:
			return 0
		case (ka < kb) != desc:
			return -1
		}
		return 1
	})
}
