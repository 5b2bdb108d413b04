// Package auth logs leadscope in to Kommo and keeps it logged in: the OAuth
// loopback flow (and its paste fallback), long-lived tokens, the config file,
// credential storage with atomic writes, and a token source that refreshes
// once at a time across processes and saves a rotated refresh token before
// using it.
//
// It knows nothing of leads and does not import package api: *TokenSource
// satisfies api.Credentials structurally (AccessToken and Renew).
package auth
