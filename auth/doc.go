// Package auth logs leadscope in to Kommo and keeps it logged in: the OAuth
// loopback flow (and its paste fallback), long-lived tokens, the config file,
// credential storage with atomic writes, and a token source that refreshes
// once at a time across processes and saves a rotated refresh token before
// using it.
//
// Files in the store's directory ($XDG_CONFIG_HOME/leadscope, else
// ~/.config/leadscope; 0700): credentials.json (account, tokens, expiry and
// the integration's id and secret, which refreshing needs; 0600),
// credentials.lock (taken while writing or refreshing) and the optional
// config.json (account, client_id, client_secret, redirect_uri, auth_url,
// pkce), which the user writes.
//
// It knows nothing of leads and does not import package api: *TokenSource
// satisfies api.Credentials structurally (AccessToken and Renew).
package auth
