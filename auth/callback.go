package auth

import (
	"crypto/subtle"
	"fmt"
	"net/url"
)

// callbackResult is what the browser's redirect carried.
type callbackResult struct {
	code    string
	referer string
}

// readCallback checks a redirect's query: the state first (an answer that
// is not ours must not even reveal whether the user declined), then
// Kommo's error, then the code.
func readCallback(q url.Values, state string) (callbackResult, error) {
	got, present := q["state"]
	switch {
	case !present || len(got) != 1 || got[0] == "":
		return callbackResult{}, fmt.Errorf("%w: the answer carried no state; start the login again", ErrBadState)
	case subtle.ConstantTimeCompare([]byte(got[0]), []byte(state)) != 1:
		return callbackResult{}, fmt.Errorf("%w: the state does not match; was another login started meanwhile? Start it again", ErrBadState)
	}
	if e := q.Get("error"); e != "" {
		if e == "access_denied" {
			return callbackResult{}, ErrDeclined
		}
		return callbackResult{}, fmt.Errorf("Kommo refused the login: %s", oneLine(first(q.Get("error_description"), e), 200))
	}
	code := q.Get("code")
	if code == "" {
		return callbackResult{}, fmt.Errorf("the answer carried no authorization code")
	}
	return callbackResult{code: code, referer: q.Get("referer")}, nil
}
