package auth_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/leadscope/leadscope/auth"
)

const (
	secretAccess  = "access-token-that-must-never-show"
	secretRefresh = "refresh-token-that-must-never-show"
	secretClient  = "client-secret-that-must-never-show"
)

func sampleCredentials(access string) *auth.Credentials {
	return &auth.Credentials{
		Account: "https://acme.kommo.com", Kind: auth.KindOAuth,
		AccessToken: access, RefreshToken: secretRefresh, TokenType: "Bearer",
		Expiry:   time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC),
		ClientID: "client", ClientSecret: secretClient,
	}
}

func assertNoSecret(t *testing.T, what, s string) {
	t.Helper()
	for _, secret := range []string{secretAccess, secretRefresh, secretClient} {
		if strings.Contains(s, secret) {
			t.Errorf("%s shows a secret: %q", what, s)
		}
	}
}

func TestDefaultDir(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		env     map[string]string
		want    string
		wantErr bool
	}{
		{map[string]string{"XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/u"}, "/x/cfg/leadscope", false},
		{map[string]string{"HOME": "/home/u"}, "/home/u/.config/leadscope", false},
		// A relative XDG_CONFIG_HOME is invalid per the spec and ignored.
		{map[string]string{"XDG_CONFIG_HOME": "rel", "HOME": "/home/u"}, "/home/u/.config/leadscope", false},
		{map[string]string{}, "", true},
	}
	for _, c := range cases {
		got, err := auth.DefaultDir(env(c.env))
		if (err != nil) != c.wantErr || got != c.want {
			t.Errorf("DefaultDir(%v) = %q, %v; want %q (error %v)", c.env, got, err, c.want, c.wantErr)
		}
	}
}

func TestSaveLoadAndPermissions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "leadscope")
	store := auth.NewStore(dir)
	if _, err := store.Load(); !errors.Is(err, auth.ErrNotLoggedIn) {
		t.Fatalf("Load on an empty store: %v, want ErrNotLoggedIn", err)
	}
	want := sampleCredentials(secretAccess)
	if err := store.Save(context.Background(), want); err != nil {
		t.Fatal(err)
	}
	got, err := store.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got.AccessToken != want.AccessToken || got.RefreshToken != want.RefreshToken || !got.Expiry.Equal(want.Expiry) ||
		got.Account != want.Account || got.ClientSecret != want.ClientSecret || got.Kind != want.Kind || got.SavedAt.IsZero() {
		t.Errorf("Load = %#v, want what was saved", got)
	}
	assertMode(t, dir, 0o700)
	assertMode(t, store.Path(), 0o600)
	assertMode(t, filepath.Join(dir, "credentials.lock"), 0o600)
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s has mode %o, want %o", path, got, want)
	}
}

func TestSaveTightensAnOpenDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "leadscope")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := auth.NewStore(dir).Save(context.Background(), sampleCredentials(secretAccess)); err != nil {
		t.Fatal(err)
	}
	assertMode(t, dir, 0o700)
}

func TestCredentialsNeverPrintTheirSecrets(t *testing.T) {
	c := sampleCredentials(secretAccess)
	for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
		out := fmt.Sprintf(format, c)
		assertNoSecret(t, format, out)
		if !strings.Contains(out, "acme.kommo.com") {
			t.Errorf("%s = %q, want the account named", format, out)
		}
		assertNoSecret(t, format+" of value", fmt.Sprintf(format, *c))
	}
}

// A disk that fails while the new file is written (full, I/O error) must
// leave the old credentials whole and no temporary file behind.
func TestFailedWriteKeepsTheOldFile(t *testing.T) {
	store := auth.NewStore(filepath.Join(t.TempDir(), "leadscope"))
	if err := store.Save(context.Background(), sampleCredentials("old-access")); err != nil {
		t.Fatal(err)
	}
	restore := auth.SetSyncFile(func(*os.File) error { return syscall.ENOSPC })
	err := store.Save(context.Background(), sampleCredentials(secretAccess))
	restore()
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Save on a full disk: %v, want ENOSPC", err)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("error spans lines: %q", err)
	}
	assertNoSecret(t, "error", err.Error())
	got, err := store.Load()
	if err != nil || got.AccessToken != "old-access" {
		t.Fatalf("after a failed save Load = %v, %v; want the old credentials", got, err)
	}
	assertOnlyFiles(t, store.Dir(), "credentials.json", "credentials.lock")
}

func assertOnlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, want)
	}
}

func TestUnwritableDirectoryChangesNothing(t *testing.T) {
	parent := t.TempDir()
	// The config "directory" is a regular file: no user, root included, can write under it.
	blocker := filepath.Join(parent, "leadscope")
	if err := os.WriteFile(blocker, []byte("not a dir"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := auth.NewStore(blocker).Save(context.Background(), sampleCredentials(secretAccess))
	if err == nil {
		t.Fatal("Save into a file succeeded")
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("error spans lines: %q", err)
	}
	assertNoSecret(t, "error", err.Error())
	if data, _ := os.ReadFile(blocker); string(data) != "not a dir" {
		t.Errorf("the blocking file changed: %q", data)
	}
}

const crashHelperEnv = "LEADSCOPE_AUTH_CRASH_HELPER"

// crashMidWrite runs in a child process: it starts saving new credentials
// and dies (no deferred cleanup, like a power cut or kill -9) after half of
// the new file reached the disk, before the rename.
func crashMidWrite(dir string) {
	auth.SetSyncFile(func(f *os.File) error {
		info, err := f.Stat()
		if err == nil {
			_ = f.Truncate(info.Size() / 2)
		}
		os.Exit(7)
		return nil
	})
	_ = auth.NewStore(dir).Save(context.Background(), sampleCredentials(secretAccess))
	os.Exit(0) // not reached: the write dies first
}

func TestCrashMidWriteLeavesTheOldFileWhole(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "leadscope")
	store := auth.NewStore(dir)
	if err := store.Save(context.Background(), sampleCredentials("old-access")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashHelperEnv+"="+dir)
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 7 {
		t.Fatalf("helper did not die mid-write: %v", err)
	}
	got, err := store.Load()
	if err != nil || got.AccessToken != "old-access" {
		t.Fatalf("after a crash Load = %v, %v; want the old credentials", got, err)
	}
	// The crash's half-written temporary file is cleaned up by the next save.
	if err := store.Save(context.Background(), sampleCredentials("new-access")); err != nil {
		t.Fatal(err)
	}
	assertOnlyFiles(t, dir, "credentials.json", "credentials.lock")
	if got, err := store.Load(); err != nil || got.AccessToken != "new-access" {
		t.Fatalf("Load after the next save = %v, %v", got, err)
	}
}

func TestDelete(t *testing.T) {
	store := auth.NewStore(filepath.Join(t.TempDir(), "leadscope"))
	ctx := context.Background()
	if existed, err := store.Delete(ctx); existed || err != nil {
		t.Fatalf("Delete on an empty store = %v, %v", existed, err)
	}
	if err := store.Save(ctx, sampleCredentials(secretAccess)); err != nil {
		t.Fatal(err)
	}
	if existed, err := store.Delete(ctx); !existed || err != nil {
		t.Fatalf("Delete = %v, %v; want true, nil", existed, err)
	}
	if _, err := store.Load(); !errors.Is(err, auth.ErrNotLoggedIn) {
		t.Fatalf("Load after Delete: %v", err)
	}
	if _, err := os.Stat(store.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("credentials file still there: %v", err)
	}
}

func TestDamagedFileIsReportedWithoutItsContent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "leadscope")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	store := auth.NewStore(dir)
	for _, content := range []string{`{"account": "x", "access_token": "` + secretAccess, `["` + secretAccess + `"]`, `{"account":"a","kind":"weird","access_token":"` + secretAccess + `"}`, ``} {
		if err := os.WriteFile(store.Path(), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := store.Load()
		if err == nil || errors.Is(err, auth.ErrNotLoggedIn) {
			t.Fatalf("Load of %q = %v, want a damage error", content, err)
		}
		assertNoSecret(t, "error", err.Error())
		if !strings.Contains(err.Error(), store.Path()) || !strings.Contains(err.Error(), "leadscope login") {
			t.Errorf("error %q should name the file and the remedy", err)
		}
	}
}

// A symbolic link at credentials.lock must not make the lock create (or
// truncate) a file wherever it points: saving refuses and changes nothing.
func TestLockRefusesASymlink(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "leadscope")
	store := auth.NewStore(dir)
	if err := store.Save(context.Background(), sampleCredentials("old-token")); err != nil {
		t.Fatal(err)
	}
	lock := filepath.Join(dir, "credentials.lock")
	if err := os.Remove(lock); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "elsewhere")
	if err := os.Symlink(target, lock); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	err := store.Save(context.Background(), sampleCredentials(secretAccess))
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("Save through a linked lock: %v, want a refusal naming the link", err)
	}
	if _, err := os.Lstat(target); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock created the link's target: %v", err)
	}
	if got, err := store.Load(); err != nil || got.AccessToken != "old-token" {
		t.Errorf("credentials after the refusal: %v, %v", got, err)
	}
	if _, err := store.Delete(context.Background()); err == nil {
		t.Error("Delete through a linked lock succeeded")
	}
}
