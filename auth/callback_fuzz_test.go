package auth

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

const fuzzState = "expected-state-0123456789abcdef"

// FuzzCallback feeds arbitrary redirect addresses (as the loopback listener
// or --paste receives them) through the callback checks. Whatever arrives,
// nothing panics, a code is only accepted with our exact state, and the
// account chosen from the referer is always a Kommo or amoCRM origin.
func FuzzCallback(f *testing.F) {
	for _, seed := range []string{
		"http://127.0.0.1:8765/callback?code=def502&state=" + fuzzState + "&referer=acme.kommo.com&client_id=x",
		"http://127.0.0.1:8765/callback?error=access_denied&state=" + fuzzState,
		"?code=abc&state=wrong",
		"code=abc&state=" + fuzzState + "&state=" + fuzzState,
		"http://127.0.0.1:8765/callback?code=abc&state=" + fuzzState + "&referer=evil.example.com",
		"http://127.0.0.1:8765/callback?code=abc&state=" + fuzzState + "&referer=acme.kommo.com.evil.io",
		"def50200abcdefABCDEF0123456789",
		"%zz?=&",
		"",
	} {
		f.Add(seed)
	}
	check := func(q url.Values) (callbackResult, error) { return readCallback(q, fuzzState) }
	f.Fuzz(func(t *testing.T, pasted string) {
		res, err := parsePasted(pasted, check)
		if err != nil {
			if res != (callbackResult{}) {
				t.Fatalf("an error came with a result: %+v", res)
			}
			return
		}
		if res.code == "" {
			t.Fatalf("success without a code for %q", pasted)
		}
		if strings.ContainsAny(pasted, "?=&") || strings.Contains(pasted, "://") {
			if !strings.Contains(pasted, fuzzState) {
				t.Fatalf("accepted an address without our state: %q", pasted)
			}
		}
		account, err := accountFor("", res.referer)
		if err != nil {
			return
		}
		host := strings.TrimPrefix(account, "https://")
		if !strings.HasPrefix(account, "https://") || !trustedSuffix(host) || strings.ContainsAny(host, "/:@?#") {
			t.Fatalf("referer %q chose untrusted account %q", res.referer, account)
		}
	})
}

func trustedSuffix(host string) bool {
	for _, d := range accountDomains {
		if strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

func TestFuzzCallbackSeedsBehave(t *testing.T) {
	check := func(q url.Values) (callbackResult, error) { return readCallback(q, fuzzState) }
	_, err := parsePasted("http://127.0.0.1:8765/callback?error=access_denied&state="+fuzzState, check)
	if !errors.Is(err, ErrDeclined) {
		t.Fatalf("declined answer gave %v", err)
	}
	if _, err := parsePasted("?code=abc&state=wrong", check); !errors.Is(err, ErrBadState) {
		t.Fatalf("wrong state gave %v", err)
	}
}
