package api

import (
	"errors"
	"strings"
)

// ErrForeignAccount is matched (besides ErrBadID) by the error
// Client.ParseLeadRef returns for a lead URL of another account.
var ErrForeignAccount = errors.New("lead URL is for another account")

// ParseLeadRef reads a lead reference as the package-level ParseLeadRef
// does, and refuses a lead URL whose host is not this client's account:
// lead IDs are per account, so another account's URL would open an
// unrelated lead here. A bare ID, or a URL without a host, is this
// account's. Hosts compare case-insensitively, ignoring the default ports
// 80 and 443; acme.kommo.com and acme.amocrm.ru are different hosts even
// when they lead to one account, as leadscope cannot tell.
func (c *Client) ParseLeadRef(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "/") {
		return ParseLeadRef(s)
	}
	id, u, err := parseLeadURLHost(s)
	if err != nil {
		return 0, err
	}
	if u.Host == "" {
		return id, nil
	}
	urlHost := accountHost(u.Hostname(), u.Port())
	ownHost := accountHost(c.base.Hostname(), c.base.Port())
	if urlHost != ownHost {
		return 0, &foreignAccountError{urlHost: truncateForMessage(urlHost), ownHost: ownHost}
	}
	return id, nil
}

// accountHost is a host as accounts are told apart: lower case, without a
// trailing dot or a default port.
func accountHost(name, port string) string {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	if strings.Contains(name, ":") {
		name = "[" + name + "]"
	}
	if port == "" || port == "443" || port == "80" {
		return name
	}
	return name + ":" + port
}

type foreignAccountError struct{ urlHost, ownHost string }

func (e *foreignAccountError) Error() string {
	return "lead URL is for " + e.urlHost + ", but leadscope is using " + e.ownHost
}

func (e *foreignAccountError) Is(target error) bool {
	return target == ErrForeignAccount || target == ErrBadID
}
