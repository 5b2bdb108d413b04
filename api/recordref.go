package api

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Sections of Kommo's web interface whose records ParseRecordRef reads.
const (
	SectionContacts  = "contacts"
	SectionCompanies = "companies"
)

// ParseRecordRef reads a contact's or company's ID given as a positive
// number or as its web address in section (SectionContacts:
// https://acme.kommo.com/contacts/detail/7; SectionCompanies:
// …/companies/detail/7), on any host, with or without query and fragment.
// Every error matches ErrBadID.
func ParseRecordRef(section, s string) (int64, error) {
	id, _, err := parseRecordRef(section, s)
	return id, err
}

// ParseRecordRef reads a record reference as the package-level
// ParseRecordRef does, and refuses a URL whose host is not this client's
// account, as Client.ParseLeadRef does for leads: the error matches
// ErrForeignAccount and ErrBadID. IDs are per account, so another
// account's URL would open an unrelated record here. A bare ID, or a URL
// without a host, is this account's.
func (c *Client) ParseRecordRef(section, s string) (int64, error) {
	id, u, err := parseRecordRef(section, s)
	if err != nil || u == nil || u.Host == "" {
		return id, err
	}
	urlHost := accountHost(u.Hostname(), u.Port())
	ownHost := accountHost(c.base.Hostname(), c.base.Port())
	if urlHost != ownHost {
		return 0, &foreignRecordError{section: section, urlHost: truncateForMessage(urlHost), ownHost: ownHost}
	}
	return id, nil
}

// RecordURLSection names the section (SectionContacts, SectionCompanies)
// whose detail page s is the URL of; "" when s is no such URL.
func RecordURLSection(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "/") {
		return ""
	}
	for _, section := range []string{SectionContacts, SectionCompanies} {
		if _, _, err := parseRecordURL(section, s); err == nil {
			return section
		}
	}
	return ""
}

func parseRecordRef(section, s string) (int64, *url.URL, error) {
	if section != SectionContacts && section != SectionCompanies {
		return 0, nil, badRef("record", "unknown section %q", section)
	}
	s = strings.TrimSpace(s)
	what := singular(section)
	if s == "" {
		return 0, nil, badRef(what, "empty; give a %s number or a %s URL", what, what)
	}
	if strings.Contains(s, "/") {
		return parseRecordURL(section, s)
	}
	id, err := parseRecordNumber(what, s)
	return id, nil, err
}

func parseRecordURL(section, s string) (int64, *url.URL, error) {
	shown := truncateForMessage(s)
	what := singular(section)
	raw := s
	if !strings.Contains(raw, "://") {
		raw = "https://" + strings.TrimPrefix(raw, "//")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return 0, nil, badRef(what, "%q is not a valid %s URL", shown, what)
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	n := len(parts)
	if n < 3 || parts[n-3] != section || parts[n-2] != "detail" {
		return 0, nil, badRef(what, "%q is not a %s URL (expected …/%s/detail/ID)", shown, what, section)
	}
	id, err := parseRecordNumber(what, parts[n-1])
	if err != nil {
		return 0, nil, &badRecordRef{msg: err.Error() + " in URL " + strconv.Quote(shown)}
	}
	return id, u, nil
}

func parseRecordNumber(what, s string) (int64, error) {
	shown := truncateForMessage(s)
	switch {
	case strings.HasPrefix(s, "-"):
		return 0, badRef(what, "%q is negative; %s IDs are positive numbers", shown, what)
	case !allDigits(s):
		return 0, badRef(what, "%q is not a number", shown)
	}
	id, err := strconv.ParseInt(s, 10, 64)
	switch {
	case err != nil:
		return 0, badRef(what, "%q is too large", shown)
	case id == 0:
		return 0, badRef(what, "0 is not a %s ID", what)
	}
	return id, nil
}

func singular(section string) string {
	if section == SectionCompanies {
		return "company"
	}
	return "contact"
}

type foreignRecordError struct{ section, urlHost, ownHost string }

func (e *foreignRecordError) Error() string {
	return singular(e.section) + " URL is for " + e.urlHost + ", but leadscope is using " + e.ownHost
}

func (e *foreignRecordError) Is(target error) bool {
	return target == ErrForeignAccount || target == ErrBadID
}

// badRecordRef is a reference that names no record; it matches ErrBadID
// but says which kind of ID was bad.
type badRecordRef struct{ msg string }

func badRef(what, format string, args ...any) error {
	return &badRecordRef{msg: "bad " + what + " ID: " + fmt.Sprintf(format, args...)}
}

func (e *badRecordRef) Error() string        { return e.msg }
func (e *badRecordRef) Is(target error) bool { return target == ErrBadID }
