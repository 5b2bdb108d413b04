package auth

import (
	"fmt"
	"time"
)

// Kind is how a stored token was obtained, which decides whether it can be refreshed.
type Kind string

const (
	// KindOAuth is an access token with a refresh token, from `leadscope login`.
	KindOAuth Kind = "oauth"
	// KindLongLived is a token generated in Kommo's integration settings,
	// stored with `leadscope login --with-token`; it cannot be refreshed.
	KindLongLived Kind = "long-lived"
)

// Credentials are what `leadscope login` stores: the account they belong to
// and its tokens. String and GoString never show the tokens or the secret,
// so printing a Credentials by mistake leaks nothing.
type Credentials struct {
	// Account is the API origin, e.g. "https://acme.kommo.com".
	Account      string    `json:"account"`
	Kind         Kind      `json:"kind"`
	AccessToken  string    `json:"access_token"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	TokenType    string    `json:"token_type,omitempty"`
	Expiry       time.Time `json:"expiry,omitzero"` // zero: unknown or never
	// The integration that issued the tokens; refreshing needs both.
	ClientID     string    `json:"client_id,omitempty"`
	ClientSecret string    `json:"client_secret,omitempty"`
	SavedAt      time.Time `json:"saved_at,omitzero"`
}

// String describes the credentials without any secret.
func (c Credentials) String() string {
	s := fmt.Sprintf("%s token for %s", c.Kind, c.Account)
	if !c.Expiry.IsZero() {
		s += ", expires " + c.Expiry.UTC().Format(time.RFC3339)
	}
	return s
}

// GoString keeps %#v from printing the tokens too.
func (c Credentials) GoString() string { return "auth.Credentials{" + c.String() + "}" }

// expiryMargin: a token this close to its expiry is refreshed first, so it
// does not expire between the check and the request.
const expiryMargin = time.Minute

// fresh reports whether the access token can be sent as it is at now.
func (c *Credentials) fresh(now time.Time) bool {
	return c.AccessToken != "" && (c.Expiry.IsZero() || now.Add(expiryMargin).Before(c.Expiry))
}
