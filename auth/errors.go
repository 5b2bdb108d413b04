package auth

import "errors"

// Why a login failed, for errors.Is; the messages are meant for the user.
var (
	ErrMissingClient   = errors.New("the Kommo integration is not configured: set KOMMO_CLIENT_ID and KOMMO_CLIENT_SECRET (or client_id and client_secret in the config file)")
	ErrNotLoopback     = errors.New("the redirect URI is not on this machine")
	ErrPortInUse       = errors.New("the redirect URI's port is already in use")
	ErrBadState        = errors.New("the browser's answer does not belong to this login (missing or wrong state)")
	ErrDeclined        = errors.New("you declined access in the browser")
	ErrAccountMismatch = errors.New("the browser logged in to another account")
	ErrUntrustedHost   = errors.New("the account Kommo named is not a Kommo or amoCRM host")
	ErrTimeout         = errors.New("no answer from the browser in time")
)
