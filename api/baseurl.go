package api

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// kommoDomain is appended to a bare account name such as "acme".
const kommoDomain = "kommo.com"

// NormalizeBaseURL turns the ways people name their account ("acme",
// "acme.kommo.com", "https://acme.kommo.com/leads/...") into the API origin
// https://{host}. Plain http is accepted only for loopback hosts (the sandbox
// and tests), so a token is never sent in clear over a network.
func NormalizeBaseURL(s string) (*url.URL, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, errors.New("account address is empty: give e.g. acme or acme.kommo.com")
	}
	if strings.ContainsAny(s, " \t\r\n\\") || hasControl(s) {
		return nil, fmt.Errorf("account address %q contains spaces or control characters", s)
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("account address %q is not a valid URL", s)
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return nil, fmt.Errorf("account address %q: only https is supported", s)
	}
	if u.User != nil {
		return nil, fmt.Errorf("account address %q must not contain a user name or password", u.Redacted())
	}
	host, err := normalizeHost(u)
	if err != nil {
		return nil, err
	}
	if isVendorSite(host) {
		return nil, fmt.Errorf("%s is Kommo's own site, not an account: give your account's address, e.g. acme.kommo.com", host)
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return nil, fmt.Errorf("account address %q: plain http is only allowed for loopback hosts, use https", s)
	}
	return &url.URL{Scheme: u.Scheme, Host: host}, nil
}

// normalizeHost lower-cases the host, turns a bare name into {name}.kommo.com
// and checks that the result looks like a host name.
func normalizeHost(u *url.URL) (string, error) {
	name := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	port := u.Port()
	if name == "" {
		return "", fmt.Errorf("account address %q has no host", u.String())
	}
	if u.Host != "" && strings.HasSuffix(u.Host, ":") {
		return "", fmt.Errorf("account address %q has an empty port", u.String())
	}
	ip := net.ParseIP(name)
	if ip == nil {
		if !validHostName(name) {
			return "", fmt.Errorf("account address %q is not a valid host name", name)
		}
		if !strings.Contains(name, ".") && name != "localhost" {
			name += "." + kommoDomain
		}
	}
	if port != "" {
		if !allDigits(port) || len(port) > 5 {
			return "", fmt.Errorf("account address %q has an invalid port", u.String())
		}
		return net.JoinHostPort(name, port), nil
	}
	// Any IPv6 literal needs brackets, including IPv4-mapped ones
	// (::ffff:127.0.0.1), which To4 would take for IPv4.
	if strings.Contains(name, ":") {
		return "[" + name + "]", nil
	}
	return name, nil
}

func validHostName(name string) bool {
	if len(name) > 253 {
		return false
	}
	for _, label := range strings.Split(name, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				return false
			}
		}
	}
	return true
}

// isLoopback accepts 127.0.0.0/8, ::1 and localhost, the hosts that never
// leave the machine.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// isVendorSite recognises the vendor's own sites, which people paste from
// the login page: API calls must go to the account's host instead.
func isVendorSite(host string) bool {
	name, _, err := net.SplitHostPort(host)
	if err != nil {
		name = host
	}
	switch strings.TrimPrefix(name, "www.") {
	case "kommo.com", "amocrm.ru", "amocrm.com":
		return true
	}
	return false
}
