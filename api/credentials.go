package api

import "context"

// Credentials supplies the bearer token. The auth package implements it for
// OAuth tokens that refresh; StaticToken serves KOMMO_TOKEN and long-lived tokens.
type Credentials interface {
	// AccessToken returns the token to send now.
	AccessToken(ctx context.Context) (string, error)
	// Renew is called once when the server answered 401 to refused. It returns
	// a fresh token to retry with, or an error matching ErrUnauthorized.
	Renew(ctx context.Context, refused string) (string, error)
}

// StaticToken is a token that cannot be renewed.
type StaticToken string

// AccessToken returns the token itself.
func (t StaticToken) AccessToken(context.Context) (string, error) { return string(t), nil }

// Renew fails: a static token that was refused stays refused.
func (t StaticToken) Renew(context.Context, string) (string, error) { return "", ErrUnauthorized }
