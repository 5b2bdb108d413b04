package api_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api"
)

func TestNormalizeBaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"acme":                    "https://acme.kommo.com",
		"  Acme ":                 "https://acme.kommo.com",
		"acme.kommo.com":          "https://acme.kommo.com",
		"ACME.Kommo.com.":         "https://acme.kommo.com",
		"https://acme.kommo.com":  "https://acme.kommo.com",
		"https://acme.kommo.com/": "https://acme.kommo.com",
		"https://acme.kommo.com/leads/detail/5?x=1": "https://acme.kommo.com",
		"acme.kommo.com/leads/pipeline/1":           "https://acme.kommo.com",
		"acme.amocrm.ru":                            "https://acme.amocrm.ru",
		"https://acme.amocrm.com":                   "https://acme.amocrm.com",
		"http://127.0.0.1:8080":                     "http://127.0.0.1:8080",
		"http://127.1.2.3":                          "http://127.1.2.3",
		"http://[::1]:9000/x":                       "http://[::1]:9000",
		"http://localhost:1234":                     "http://localhost:1234",
		"https://acme.kommo.com:8443":               "https://acme.kommo.com:8443",
		"my-company":                                "https://my-company.kommo.com",
	} {
		u, err := api.NormalizeBaseURL(in)
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if u.String() != want {
			t.Errorf("%q -> %q, want %q", in, u, want)
		}
	}
	for _, in := range []string{
		"", "   ", "http://acme.kommo.com", "http://10.0.0.1", "http://localhost.evil.com", "ftp://acme.kommo.com",
		"javascript:alert(1)", "https://user:pass@acme.kommo.com", "https://user@acme.kommo.com", "acme kommo",
		"https://acme.kommo.com:port", "https://acme.kommo.com:", "https://", "https://-acme.kommo.com", "acme..kommo.com",
		"https://acme.\nkommo.com", "acme\x00", "a\\b", "https://ac%20me.kommo.com", "https://:443",
		"www.kommo.com", "https://www.kommo.com/oauth?x=1", "kommo.com", "https://www.amocrm.ru",
	} {
		if u, err := api.NormalizeBaseURL(in); err == nil {
			t.Errorf("%q accepted as %q", in, u)
		} else if strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: message spans lines: %q", in, err)
		}
	}
}

func TestParseLeadRef(t *testing.T) {
	for in, want := range map[string]int64{
		"123":                 123,
		" 42\n":               42,
		"9223372036854775807": 9223372036854775807,
		"https://acme.kommo.com/leads/detail/123":                      123,
		"https://acme.kommo.com/leads/detail/123/":                     123,
		"https://acme.kommo.com/leads/detail/77?tab=notes#top":         77,
		"http://127.0.0.1:8080/leads/detail/5":                         5,
		"acme.amocrm.ru/leads/detail/8":                                8,
		"/leads/detail/9":                                              9,
		"https://other.example/some/prefix/leads/detail/0010":          10,
		"  https://acme.kommo.com/leads/detail/123?from=notification ": 123,
	} {
		got, err := api.ParseLeadRef(in)
		if err != nil || got != want {
			t.Errorf("%q -> %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{
		"", "  ", "abc", "12a", "0", "000", "-5", "+5", "1.5", "1e3", "9223372036854775808", "99999999999999999999",
		"https://acme.kommo.com/leads/detail/", "https://acme.kommo.com/leads/detail/abc", "https://acme.kommo.com/leads/detail/0",
		"https://acme.kommo.com/leads/detail/-3", "https://acme.kommo.com/contacts/detail/5", "https://acme.kommo.com/leads/5",
		"https://acme.kommo.com/leads/detail/5/edit", "١٢٣", "12 34", "0x10",
	} {
		id, err := api.ParseLeadRef(in)
		if err == nil {
			t.Errorf("%q accepted as %d", in, id)
			continue
		}
		if !errors.Is(err, api.ErrBadID) {
			t.Errorf("%q: error %q does not match ErrBadID", in, err)
		}
		if strings.ContainsAny(err.Error(), "\n\r") {
			t.Errorf("%q: message spans lines: %q", in, err)
		}
	}
}
