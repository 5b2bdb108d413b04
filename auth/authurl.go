package auth

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net/url"
)

// stateBytes: 256 bits, far beyond guessing while the listener is open.
const stateBytes = 32

// newState is the random value that ties the browser's answer to this login.
func newState() string {
	b := make([]byte, stateBytes)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (it aborts the program instead)
	return base64.RawURLEncoding.EncodeToString(b)
}

// authorizationURL is Kommo's consent page for this login. Kommo takes no
// redirect_uri: it sends the browser to the integration's registered one.
func authorizationURL(authURL, clientID, state, challenge string) (string, error) {
	u, err := url.Parse(authURL)
	if err != nil || u.Host == "" || u.User != nil {
		return "", fmt.Errorf("authorization URL %q is not a valid URL such as %s", authURL, DefaultAuthURL)
	}
	if u.Scheme != "https" && !(u.Scheme == "http" && isLoopbackHost(u.Hostname())) {
		return "", fmt.Errorf("authorization URL %q must use https (plain http only on loopback)", authURL)
	}
	q := u.Query()
	q.Set("client_id", clientID)
	q.Set("state", state)
	q.Set("mode", "post_message")
	if challenge != "" {
		q.Set("code_challenge", challenge)
		q.Set("code_challenge_method", "S256")
	}
	u.RawQuery = q.Encode()
	u.Fragment = ""
	return u.String(), nil
}
