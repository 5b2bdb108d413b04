package api_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/api"
)

func clientFor(t *testing.T, base string) *api.Client {
	t.Helper()
	c, err := api.New(api.Options{BaseURL: base, Credentials: api.StaticToken("t")})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestClientParseLeadRefAcceptsTheAccountsOwnURLs(t *testing.T) {
	acme := clientFor(t, "acme.kommo.com")
	for in, want := range map[string]int64{
		"123":                                        123,
		" 42 ":                                       42,
		"https://acme.kommo.com/leads/detail/7":      7,
		"https://ACME.Kommo.COM/leads/detail/7":      7,
		"https://acme.kommo.com./leads/detail/7":     7,
		"https://acme.kommo.com:443/leads/detail/7":  7,
		"http://acme.kommo.com/leads/detail/7?x=1":   7,
		"acme.kommo.com/leads/detail/7#notes":        7,
		"//acme.kommo.com/leads/detail/7":            7,
		"https://user@acme.kommo.com/leads/detail/7": 7,
		"/leads/detail/7":                            7,
	} {
		got, err := acme.ParseLeadRef(in)
		if err != nil || got != want {
			t.Errorf("%q: %d, %v; want %d", in, got, err, want)
		}
	}
	local := clientFor(t, "http://127.0.0.1:8080")
	if id, err := local.ParseLeadRef("http://127.0.0.1:8080/leads/detail/9"); err != nil || id != 9 {
		t.Errorf("sandbox URL: %d %v", id, err)
	}
}

func TestClientParseLeadRefRefusesAnotherAccountsURL(t *testing.T) {
	acme := clientFor(t, "https://acme.kommo.com")
	for _, in := range []string{
		"https://other.kommo.com/leads/detail/10000006",
		"other.kommo.com/leads/detail/10000006",
		"https://acme.amocrm.ru/leads/detail/10000006",
		"https://acme.kommo.com.evil.example/leads/detail/10000006",
		"https://acme.kommo.com:8443/leads/detail/10000006",
		"https://www.kommo.com/leads/detail/10000006",
	} {
		_, err := acme.ParseLeadRef(in)
		if !errors.Is(err, api.ErrForeignAccount) || !errors.Is(err, api.ErrBadID) {
			t.Errorf("%q: %v, want ErrForeignAccount and ErrBadID", in, err)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "acme.kommo.com") || !strings.Contains(msg, "but leadscope is using") || strings.Contains(msg, "\n") {
			t.Errorf("%q: message %q", in, msg)
		}
	}
	_, err := acme.ParseLeadRef("https://other.kommo.com/leads/detail/10000006")
	if want := "lead URL is for other.kommo.com, but leadscope is using acme.kommo.com"; err == nil || err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	local := clientFor(t, "http://127.0.0.1:8080")
	for _, in := range []string{"http://127.0.0.1:9090/leads/detail/9", "http://localhost:8080/leads/detail/9", "https://acme.kommo.com/leads/detail/9"} {
		if _, err := local.ParseLeadRef(in); !errors.Is(err, api.ErrForeignAccount) {
			t.Errorf("%q on the sandbox: %v", in, err)
		}
	}
	long := "https://" + strings.Repeat("x", 300) + ".kommo.com/leads/detail/1"
	if _, err := acme.ParseLeadRef(long); err == nil || len(err.Error()) > 200 {
		t.Errorf("a long host stays a short message: %v", err)
	}
}

func TestClientParseLeadRefKeepsTheBadIDErrors(t *testing.T) {
	acme := clientFor(t, "acme.kommo.com")
	for _, in := range []string{"", "abc", "-5", "https://acme.kommo.com/contacts/detail/1", "https://other.kommo.com/leads/detail/x"} {
		_, err := acme.ParseLeadRef(in)
		if !errors.Is(err, api.ErrBadID) || errors.Is(err, api.ErrForeignAccount) {
			t.Errorf("%q: %v", in, err)
		}
	}
}
