package auth

import (
	"fmt"
	"net/url"
	"strings"
)

// accountDomains are the hosts under which Kommo and amoCRM accounts live.
var accountDomains = []string{"kommo.com", "amocrm.ru", "amocrm.com"}

// accountFor decides where the code (and the client secret) may be sent.
// configured is the account the user named (an origin), or "". The referer
// is the account the user picked in the browser: it must agree with
// configured, and alone it is trusted only under Kommo's own domains.
func accountFor(configured, referer string) (string, error) {
	if configured != "" {
		if err := checkAccountURL(configured); err != nil {
			return "", err
		}
		if referer != "" && !sameHost(referer, configured) {
			return "", fmt.Errorf("%w: you picked %s in the browser, but leadscope was told to use %s (KOMMO_BASE_URL, --account or the config file); log in again and pick that account, or change the setting",
				ErrAccountMismatch, oneLine(referer, 100), configured)
		}
		return strings.TrimSuffix(configured, "/"), nil
	}
	if referer == "" {
		return "", fmt.Errorf("Kommo did not say which account you picked: set KOMMO_BASE_URL (or --account) to your account, e.g. acme.kommo.com, and log in again")
	}
	host, ok := kommoHost(referer)
	if !ok {
		return "", fmt.Errorf("%w: %q; if that really is your account, set KOMMO_BASE_URL to it and log in again", ErrUntrustedHost, oneLine(referer, 100))
	}
	return "https://" + host, nil
}

// sameHost compares a referer ("acme.kommo.com", "127.0.0.1:8080" or a URL)
// with an origin's host.
func sameHost(referer, origin string) bool {
	o, err := url.Parse(origin)
	if err != nil {
		return false
	}
	host := referer
	if strings.Contains(referer, "://") {
		u, err := url.Parse(referer)
		if err != nil {
			return false
		}
		host = u.Host
	}
	return strings.EqualFold(strings.TrimSuffix(host, "."), o.Host)
}

// kommoHost accepts "{subdomain}.kommo.com" (or amoCRM's domains) with a
// single account label and no port, and returns it lower-cased.
func kommoHost(referer string) (string, bool) {
	host := strings.ToLower(strings.TrimSuffix(referer, "."))
	for _, domain := range accountDomains {
		label, ok := strings.CutSuffix(host, "."+domain)
		if ok && label != "www" && validLabel(label) {
			return host, true
		}
	}
	return "", false
}

func validLabel(s string) bool {
	if s == "" || len(s) > 63 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
