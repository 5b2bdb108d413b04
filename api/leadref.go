package api

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// ErrBadID is matched by every error ParseLeadRef returns.
var ErrBadID = errors.New("bad lead ID")

// ParseLeadRef reads a lead ID given as a positive number ("123") or as the
// lead's web address (https://acme.kommo.com/leads/detail/123, on any host,
// with or without query and fragment).
func ParseLeadRef(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("%w: empty; give a lead number or a lead URL", ErrBadID)
	}
	if strings.Contains(s, "/") {
		return parseLeadURL(s)
	}
	return parseLeadNumber(s)
}

func parseLeadNumber(s string) (int64, error) {
	shown := truncateForMessage(s)
	if strings.HasPrefix(s, "-") {
		return 0, fmt.Errorf("%w: %q is negative; lead IDs are positive numbers", ErrBadID, shown)
	}
	if !allDigits(s) {
		return 0, fmt.Errorf("%w: %q is not a number", ErrBadID, shown)
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %q is too large", ErrBadID, shown)
	}
	if id == 0 {
		return 0, fmt.Errorf("%w: 0 is not a lead ID", ErrBadID)
	}
	return id, nil
}

func parseLeadURL(s string) (int64, error) {
	id, _, err := parseLeadURLHost(s)
	return id, err
}

// parseLeadURLHost reads a lead URL's ID and the URL itself, whose host
// names the account the lead belongs to.
func parseLeadURLHost(s string) (int64, *url.URL, error) {
	shown := truncateForMessage(s)
	raw := s
	if !strings.Contains(raw, "://") {
		raw = "https://" + strings.TrimPrefix(raw, "//")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return 0, nil, fmt.Errorf("%w: %q is not a valid lead URL", ErrBadID, shown)
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	n := len(parts)
	if n < 3 || parts[n-3] != "leads" || parts[n-2] != "detail" {
		return 0, nil, fmt.Errorf("%w: %q is not a lead URL (expected …/leads/detail/ID)", ErrBadID, shown)
	}
	id, err := parseLeadNumber(parts[n-1])
	if err != nil {
		return 0, nil, fmt.Errorf("%w in URL %q", err, shown)
	}
	return id, u, nil
}

// truncateForMessage keeps error messages on one short line whatever was pasted.
func truncateForMessage(s string) string {
	const max = 80
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
