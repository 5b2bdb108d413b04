package auth_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leadscope/leadscope/auth"
)

func writeConfig(t *testing.T, dir, content string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(auth.ConfigPath(dir), []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(auth.ConfigPath(dir), mode); err != nil {
		t.Fatal(err)
	}
}

func TestSettingsDefaults(t *testing.T) {
	s, err := auth.LoadSettings(t.TempDir(), func(string) string { return "" }, auth.Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	want := auth.Settings{RedirectURI: "http://127.0.0.1:8765/callback", AuthURL: "https://www.kommo.com/oauth"}
	if s != want {
		t.Errorf("defaults = %+v, want %+v", s, want)
	}
}

func TestSettingsPrecedence(t *testing.T) {
	dir := t.TempDir()
	writeConfig(t, dir, `{"account":"file-acct","client_id":"file-id","client_secret":"file-secret",
		"redirect_uri":"http://127.0.0.1:1/file","auth_url":"https://file/oauth","pkce":true,"tz":"Europe/Berlin"}`, 0o600)
	env := map[string]string{
		"KOMMO_BASE_URL": "env-acct", "KOMMO_CLIENT_ID": "env-id", "KOMMO_CLIENT_SECRET": "env-secret",
		"KOMMO_REDIRECT_URI": "http://127.0.0.1:2/env", "KOMMO_AUTH_URL": "https://env/oauth",
	}
	getenv := func(k string) string { return env[k] }
	no := false
	cases := []struct {
		name  string
		env   func(string) string
		flags auth.Overrides
		want  auth.Settings
	}{
		{"file only", func(string) string { return "" }, auth.Overrides{},
			auth.Settings{"file-acct", "file-id", "file-secret", "http://127.0.0.1:1/file", "https://file/oauth", true, "Europe/Berlin"}},
		{"env over file", getenv, auth.Overrides{},
			auth.Settings{"env-acct", "env-id", "env-secret", "http://127.0.0.1:2/env", "https://env/oauth", true, "Europe/Berlin"}},
		{"flags over env", getenv, auth.Overrides{Account: "flag-acct", ClientID: "flag-id", RedirectURI: "http://127.0.0.1:3/flag", AuthURL: "https://flag/oauth", PKCE: &no},
			auth.Settings{"flag-acct", "flag-id", "env-secret", "http://127.0.0.1:3/flag", "https://flag/oauth", false, "Europe/Berlin"}},
	}
	for _, c := range cases {
		got, err := auth.LoadSettings(dir, c.env, c.flags)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestConfigWithSecretMustBePrivate(t *testing.T) {
	dir := t.TempDir()
	writeConfig(t, dir, `{"client_secret":"`+secretClient+`"}`, 0o644)
	_, err := auth.LoadSettings(dir, func(string) string { return "" }, auth.Overrides{})
	if err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a world-readable secret was accepted: %v", err)
	}
	assertNoSecret(t, "error", err.Error())
	// Without a secret, a readable config is fine.
	writeConfig(t, dir, `{"client_id":"id"}`, 0o644)
	if _, err := auth.LoadSettings(dir, func(string) string { return "" }, auth.Overrides{}); err != nil {
		t.Fatal(err)
	}
}

func TestBadConfigIsReportedWithoutItsContent(t *testing.T) {
	dir := t.TempDir()
	for _, content := range []string{
		`{"client_secret":"` + secretClient + `",`,
		`{"client_secret":"` + secretClient + `","clientid":"typo"}`,
		`{"client_secret":"` + secretClient + `","pkce":"yes"}`,
	} {
		writeConfig(t, dir, content, 0o600)
		_, err := auth.LoadSettings(dir, func(string) string { return "" }, auth.Overrides{})
		if err == nil {
			t.Fatalf("config %q accepted", content)
		}
		assertNoSecret(t, "error", err.Error())
		if !strings.Contains(err.Error(), filepath.Join(dir, "config.json")) {
			t.Errorf("error %q does not name the file", err)
		}
	}
}

// config.json also holds the lead browser's views: auth accepts the key,
// still refuses typos, and never rewrites the file.
func TestConfigKeepsTheViewsOfTheLeadBrowser(t *testing.T) {
	dir := t.TempDir()
	content := `{"client_id":"id","views":[{"name":"Hot","query":"acme","open":true}],"pkce":true}`
	writeConfig(t, dir, content, 0o600)
	s, err := auth.LoadSettings(dir, func(string) string { return "" }, auth.Overrides{})
	if err != nil || s.ClientID != "id" || !s.PKCE {
		t.Fatalf("settings %+v, %v", s, err)
	}
	store := auth.NewStore(dir)
	if err := store.Save(context.Background(), &auth.Credentials{Kind: auth.KindLongLived, Account: "https://acme.kommo.com", AccessToken: "t"}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Delete(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(auth.ConfigPath(dir)); err != nil || string(got) != content {
		t.Errorf("config.json changed: %q %v", got, err)
	}
	writeConfig(t, dir, `{"client_id":"id","view":[]}`, 0o600)
	if _, err := auth.LoadSettings(dir, func(string) string { return "" }, auth.Overrides{}); err == nil || !strings.Contains(err.Error(), `"view"`) {
		t.Errorf("a typo next to views was accepted: %v", err)
	}
}
