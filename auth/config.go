package auth

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// Defaults of the client settings.
const (
	DefaultRedirectURI = "http://127.0.0.1:8765/callback"
	DefaultAuthURL     = "https://www.kommo.com/oauth"
)

// Environment variables the settings are read from.
const (
	EnvBaseURL      = "KOMMO_BASE_URL"
	EnvClientID     = "KOMMO_CLIENT_ID"
	EnvClientSecret = "KOMMO_CLIENT_SECRET"
	EnvRedirectURI  = "KOMMO_REDIRECT_URI"
	EnvAuthURL      = "KOMMO_AUTH_URL"
)

// Settings describe the Kommo integration to log in with and, optionally,
// the account. Account is as the user wrote it ("acme", "acme.kommo.com",
// a URL); the caller normalises it.
type Settings struct {
	Account      string
	ClientID     string
	ClientSecret string
	RedirectURI  string
	AuthURL      string
	PKCE         bool
	// TimeZone is config.json's tz as written ("account", "local" or a zone
	// name); the caller checks it, and a command-line --tz wins over it.
	TimeZone string
}

// Overrides are the settings given on the command line; empty strings and a
// nil PKCE mean "not given". There is deliberately no client secret: a
// command-line argument shows in `ps`.
type Overrides struct {
	Account     string
	ClientID    string
	RedirectURI string
	AuthURL     string
	PKCE        *bool
}

// fileConfig is config.json in the store's directory. Auth only reads it
// (login stores credentials in their own file) and rejects unknown keys to
// catch typos; keys the rest of leadscope keeps there are listed here so
// that auth accepts them without reading them.
type fileConfig struct {
	Account      string `json:"account,omitempty"`
	ClientID     string `json:"client_id,omitempty"`
	ClientSecret string `json:"client_secret,omitempty"`
	RedirectURI  string `json:"redirect_uri,omitempty"`
	AuthURL      string `json:"auth_url,omitempty"`
	PKCE         *bool  `json:"pkce,omitempty"`

	// Views are the lead browser's named list views (tui/views reads them).
	Views    json.RawMessage `json:"views,omitempty"`
	TimeZone string          `json:"tz,omitempty"`
}

// ConfigPath is the config file in dir.
func ConfigPath(dir string) string { return filepath.Join(dir, configFile) }

// LoadSettings merges the client settings: command-line overrides, then the
// environment (through getenv), then dir's config file, then the defaults.
func LoadSettings(dir string, getenv func(string) string, flags Overrides) (Settings, error) {
	file, err := readConfig(ConfigPath(dir))
	if err != nil {
		return Settings{}, err
	}
	s := Settings{
		Account:      first(flags.Account, getenv(EnvBaseURL), file.Account),
		ClientID:     first(flags.ClientID, getenv(EnvClientID), file.ClientID),
		ClientSecret: first(getenv(EnvClientSecret), file.ClientSecret),
		RedirectURI:  first(flags.RedirectURI, getenv(EnvRedirectURI), file.RedirectURI, DefaultRedirectURI),
		AuthURL:      first(flags.AuthURL, getenv(EnvAuthURL), file.AuthURL, DefaultAuthURL),
		TimeZone:     file.TimeZone,
	}
	switch {
	case flags.PKCE != nil:
		s.PKCE = *flags.PKCE
	case file.PKCE != nil:
		s.PKCE = *file.PKCE
	}
	return s, nil
}

// readConfig reads the optional config file. A file that holds the client
// secret but is readable by others is refused, as ssh refuses a loose key.
func readConfig(path string) (fileConfig, error) {
	var c fileConfig
	data, err := readSmallFile(path)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return c, nil // no config file; a directory that cannot exist is reported when saving
	}
	if err != nil {
		return c, fmt.Errorf("reading %s: %w", path, pathless(err))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return c, fmt.Errorf("%s is not valid: %s (expected JSON with account, client_id, client_secret, redirect_uri, auth_url, pkce, tz, views)", path, configProblem(err))
	}
	if c.ClientSecret != "" {
		info, err := os.Stat(path)
		if err == nil && info.Mode().Perm()&0o077 != 0 {
			return c, fmt.Errorf("%s holds the client secret but others can read it: run chmod 600 %s", path, strconv.Quote(path))
		}
	}
	return c, nil
}

// configProblem names what is wrong without quoting the file, which may hold the secret.
func configProblem(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return "JSON syntax error at byte " + strconv.FormatInt(syntax.Offset, 10)
	case errors.As(err, &typ):
		return "wrong type for " + typ.Field
	}
	// DisallowUnknownFields: `json: unknown field "name"` names only the key.
	return err.Error()
}

func first(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
