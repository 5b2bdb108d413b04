package sandbox

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// endpointOf names the endpoint a path belongs to, for Requests.
func endpointOf(path string) string {
	if endpoint, ok := storyEndpoint(path); ok {
		return endpoint
	}
	switch {
	case path == "/api/v4/leads/pipelines" || strings.HasPrefix(path, "/api/v4/leads/pipelines/"):
		return EndpointPipelines
	case path == "/api/v4/leads" || strings.HasPrefix(path, "/api/v4/leads/"):
		return EndpointLeads
	case path == "/api/v4/contacts" || strings.HasPrefix(path, "/api/v4/contacts/"):
		return EndpointContacts
	case path == "/api/v4/companies" || strings.HasPrefix(path, "/api/v4/companies/"):
		return EndpointCompanies
	case strings.HasPrefix(path, "/api/v4/catalogs/") && (strings.HasSuffix(path, "/elements") || strings.Contains(path, "/elements/")):
		return EndpointCatalogElements
	case path == "/api/v4/catalogs" || strings.HasPrefix(path, "/api/v4/catalogs/"):
		return EndpointCatalogs
	case path == "/api/v4/users" || strings.HasPrefix(path, "/api/v4/users/"):
		return EndpointUsers
	case path == "/api/v4/account":
		return EndpointAccount
	case path == "/oauth2/access_token":
		return EndpointOAuthToken
	case path == "/oauth":
		return EndpointOAuthAuthorize
	}
	return EndpointOther
}

// serveAPI checks the token and answers an /api/ request.
func (s *Server) serveAPI(r *http.Request, path, endpoint string, faults Faults, in injection) response {
	if denied := s.tokens.check(r, s.now()); denied != nil {
		return *denied
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return problemResponse(http.StatusMethodNotAllowed, "the sandbox only reads: "+r.Method+" is not supported")
	}
	if endpoint == EndpointUsers && faults.UsersForbidden {
		return problemResponse(http.StatusForbidden, "Access denied: the current user is not an administrator")
	}
	base := s.base(r)
	if in.Fault.hostileData() {
		return s.hostileAnswer(r, path, base, in.Faults)
	}
	if resp, ok := s.serveStory(r, path, endpoint, base); ok {
		return resp
	}
	d := s.data
	switch endpoint {
	case EndpointLeads:
		if path == "/api/v4/leads" {
			return s.listLeads(r, base, faults)
		}
		return s.getLead(r, path, base, faults.MissingLead404)
	case EndpointContacts:
		if path != "/api/v4/contacts" {
			return s.getContact(r, path, base, faults.MissingLead404)
		}
		return s.listContacts(r, base)
	case EndpointCompanies:
		if path != "/api/v4/companies" {
			return s.getCompany(r, path, base, faults.MissingLead404)
		}
		w := parseRecordWith(r.URL.Query()["with"])
		return listPage(r, base, "companies", d.companies, func(c company) int64 { return c.ID },
			func(c company, base string) any { return s.companyJSON(c, base, w) })
	case EndpointCatalogElements:
		if strings.Contains(path, "/elements/") {
			return s.getCatalogElement(path, base, faults.MissingLead404)
		}
		return s.catalogElements(r, path, base)
	case EndpointCatalogs:
		if path != "/api/v4/catalogs" {
			break
		}
		return listPage(r, base, "catalogs", d.catalogs, func(c catalog) int64 { return c.ID }, catalog.json)
	case EndpointPipelines:
		if path != "/api/v4/leads/pipelines" {
			break
		}
		return s.pipelines(base)
	case EndpointUsers:
		if path != "/api/v4/users" {
			break
		}
		return listPage(r, base, "users", d.users, func(u user) int64 { return u.ID }, user.json)
	case EndpointAccount:
		return s.account(r, base, faults)
	}
	return problemResponse(http.StatusNotFound, "no such API method: "+path)
}

type leadKey struct {
	id   int64
	with withSet
	base string
}

func (s *Server) getLead(r *http.Request, path, base string, missing404 bool) response {
	id, err := strconv.ParseInt(strings.TrimPrefix(path, "/api/v4/leads/"), 10, 64)
	if err != nil || id <= 0 {
		return problemResponse(http.StatusNotFound, "no such API method: "+path)
	}
	l, ok := s.data.leads[id]
	if !ok {
		if missing404 {
			return problemResponse(http.StatusNotFound, fmt.Sprintf("lead %d not found", id))
		}
		return noContent()
	}
	key := leadKey{id: id, with: parseWith(r.URL.Query()["with"]), base: base}
	if body, ok := s.leadBodies.Load(key); ok {
		return response{status: http.StatusOK, contentType: contentHAL, body: body.([]byte)}
	}
	body := l.render(base, key.with)
	s.leadBodies.Store(key, body)
	return response{status: http.StatusOK, contentType: contentHAL, body: body}
}

func (s *Server) catalogElements(r *http.Request, path, base string) response {
	idText := strings.TrimSuffix(strings.TrimPrefix(path, "/api/v4/catalogs/"), "/elements")
	id, err := strconv.ParseInt(idText, 10, 64)
	elements, ok := s.data.elements[id]
	if err != nil || !ok {
		return problemResponse(http.StatusNotFound, "no such catalog: "+idText)
	}
	return listPage(r, base, "elements", elements, func(e catalogElement) int64 { return e.ID }, catalogElement.json)
}

func (s *Server) pipelines(base string) response {
	rendered := make([]any, 0, len(s.data.pipelines))
	for _, p := range s.data.pipelines {
		rendered = append(rendered, p.json(base))
	}
	return hal(map[string]any{
		"_total_items": len(rendered),
		"_links":       selfLinks(base + "/api/v4/leads/pipelines"),
		"_embedded":    map[string]any{"pipelines": rendered},
	})
}
