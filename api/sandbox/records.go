package sandbox

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Single contacts, companies and catalog elements, `with=leads` (and
// contacts on companies), and the contact search: Kommo's related-record
// endpoints.

type recordEmbedded struct {
	Tags      []tag       `json:"tags"`
	Companies []entityRef `json:"companies,omitempty"`
	Contacts  []entityRef `json:"contacts,omitempty"`
	Leads     []entityRef `json:"leads,omitempty"`
}

type contactWithLinks struct {
	contactJSON
	Embedded recordEmbedded `json:"_embedded"`
}

type companyWithLinks struct {
	companyJSON
	Embedded recordEmbedded `json:"_embedded"`
}

// recordWith is the parsed `with` of a contact or company request.
type recordWith struct{ leads, contacts bool }

func parseRecordWith(values []string) recordWith {
	var w recordWith
	for _, v := range values {
		for _, name := range strings.Split(v, ",") {
			switch strings.TrimSpace(name) {
			case "leads":
				w.leads = true
			case "contacts":
				w.contacts = true
			}
		}
	}
	return w
}

func refs(base, kind string, ids []int64) []entityRef {
	out := make([]entityRef, 0, len(ids))
	for _, id := range ids {
		out = append(out, entityRef{ID: id, Links: selfLinks(fmt.Sprintf("%s/api/v4/%s/%d", base, kind, id))})
	}
	return out
}

func (s *Server) contactJSON(c contact, base string, w recordWith) any {
	plain := c.json(base).(contactJSON)
	out := contactWithLinks{contactJSON: plain, Embedded: recordEmbedded{Tags: plain.Embedded.Tags, Companies: plain.Embedded.Companies}}
	if w.leads {
		out.Embedded.Leads = refs(base, "leads", s.data.idx.contactLeads[c.ID])
	}
	return out
}

func (s *Server) companyJSON(c company, base string, w recordWith) any {
	plain := c.json(base).(companyJSON)
	out := companyWithLinks{companyJSON: plain, Embedded: recordEmbedded{Tags: plain.Embedded.Tags}}
	if w.leads {
		out.Embedded.Leads = refs(base, "leads", s.data.idx.companyLeads[c.ID])
	}
	if w.contacts {
		out.Embedded.Contacts = refs(base, "contacts", s.data.idx.companyContacts[c.ID])
	}
	return out
}

// listContacts is GET /api/v4/contacts: `query` matches names and field
// values case-insensitively, and phones by their digits whatever the
// punctuation; `with=leads` adds each contact's lead IDs.
func (s *Server) listContacts(r *http.Request, base string) response {
	q := r.URL.Query()
	contacts := s.data.contacts
	if text := strings.ToLower(strings.TrimSpace(q.Get("query"))); text != "" {
		contacts = nil
		for _, c := range s.data.contacts {
			if s.data.idx.contactMatches(c.ID, text) {
				contacts = append(contacts, c)
			}
		}
	}
	w := parseRecordWith(q["with"])
	render := func(c contact, base string) any { return s.contactJSON(c, base, w) }
	return listPage(r, base, "contacts", contacts, func(c contact) int64 { return c.ID }, render)
}

// contactMatches: text (lower-cased) is in the contact's names or field
// values, or, when it is a phone number, in one of its phones' digits.
func (x *indexes) contactMatches(id int64, text string) bool {
	if strings.Contains(x.contactText[id], text) {
		return true
	}
	digits := onlyDigits(text)
	if len(digits) < 3 || strings.Trim(text, "0123456789 +()-./") != "" {
		return false
	}
	for _, phone := range x.contactDigits[id] {
		if strings.Contains(phone, digits) {
			return true
		}
	}
	return false
}

// recordID reads the ID at the end of /api/v4/{kind}/{id}; ok is false for
// a path that is no such record.
func recordID(path, prefix string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(path, prefix), 10, 64)
	return id, err == nil && id > 0
}

func missing(what string, id int64, as404 bool) response {
	if as404 {
		return problemResponse(http.StatusNotFound, fmt.Sprintf("%s %d not found", what, id))
	}
	return noContent()
}

// getContact is GET /api/v4/contacts/{id}[?with=leads]; a missing contact is 204 (404 with MissingLead404).
func (s *Server) getContact(r *http.Request, path, base string, as404 bool) response {
	id, ok := recordID(path, "/api/v4/contacts/")
	if !ok {
		return problemResponse(http.StatusNotFound, "no such API method: "+path)
	}
	c, ok := s.data.idx.contactByID[id]
	if !ok {
		return missing("contact", id, as404)
	}
	return hal(s.contactJSON(*c, base, parseRecordWith(r.URL.Query()["with"])))
}

// getCompany is GET /api/v4/companies/{id}[?with=leads,contacts]; a missing company is 204 (404 with MissingLead404).
func (s *Server) getCompany(r *http.Request, path, base string, as404 bool) response {
	id, ok := recordID(path, "/api/v4/companies/")
	if !ok {
		return problemResponse(http.StatusNotFound, "no such API method: "+path)
	}
	c, ok := s.data.idx.companyByID[id]
	if !ok {
		return missing("company", id, as404)
	}
	return hal(s.companyJSON(*c, base, parseRecordWith(r.URL.Query()["with"])))
}

// getCatalogElement is GET /api/v4/catalogs/{id}/elements/{element_id}: an
// unknown catalog is 404, a missing element 204 (404 with MissingLead404).
func (s *Server) getCatalogElement(path, base string, as404 bool) response {
	catalogText, elementText, _ := strings.Cut(strings.TrimPrefix(path, "/api/v4/catalogs/"), "/elements/")
	catalogID, err := strconv.ParseInt(catalogText, 10, 64)
	elements, known := s.data.elements[catalogID]
	if err != nil || !known {
		return problemResponse(http.StatusNotFound, "no such catalog: "+catalogText)
	}
	id, err := strconv.ParseInt(elementText, 10, 64)
	if err != nil || id <= 0 {
		return problemResponse(http.StatusNotFound, "no such API method: "+path)
	}
	for _, e := range elements {
		if e.ID == id {
			return hal(e.json(base))
		}
	}
	return missing("element", id, as404)
}
