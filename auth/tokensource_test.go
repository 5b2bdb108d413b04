package auth_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/auth"
)

func startSandbox(t *testing.T, opts sandbox.Options) *sandbox.Server {
	t.Helper()
	srv, err := sandbox.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv
}

// loggedIn stores a session the sandbox issued, as a login would, with the
// given local expiry (in the past: the source must refresh first).
func loggedIn(t *testing.T, srv *sandbox.Server, dir string, expiry time.Time) *auth.Credentials {
	t.Helper()
	access, refresh := srv.IssueTokens(0)
	c := &auth.Credentials{
		Account: srv.URL(), Kind: auth.KindOAuth, AccessToken: access, RefreshToken: refresh,
		TokenType: "Bearer", Expiry: expiry,
		ClientID: sandbox.DefaultClientID, ClientSecret: sandbox.DefaultClientSecret,
	}
	if err := auth.NewStore(dir).Save(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

// apiStatus is the status of GET /api/v4/account with token: 200 when the sandbox accepts it.
func apiStatus(t testing.TB, base, token string) int {
	req, err := http.NewRequest(http.MethodGet, base+"/api/v4/account", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func sourceFor(t *testing.T, dir string) *auth.TokenSource {
	t.Helper()
	store := auth.NewStore(dir)
	c, err := store.Load()
	if err != nil {
		t.Fatal(err)
	}
	return store.TokenSource(c, nil)
}

func TestFreshTokenIsUsedAsIs(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	dir := t.TempDir()
	stored := loggedIn(t, srv, dir, time.Now().Add(time.Hour))
	got, err := sourceFor(t, dir).AccessToken(context.Background())
	if err != nil || got != stored.AccessToken {
		t.Fatalf("AccessToken = %v; want the stored token", err)
	}
	if n := srv.Requests(sandbox.EndpointOAuthToken); n != 0 {
		t.Errorf("%d token requests for a fresh token", n)
	}
}

func TestExpiringTokenIsRefreshedAndTheNewPairStored(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	dir := t.TempDir()
	// Expiring within the margin counts as expired.
	old := loggedIn(t, srv, dir, time.Now().Add(10*time.Second))
	src := sourceFor(t, dir)
	token, err := src.AccessToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if token == old.AccessToken {
		t.Fatal("the expiring token was not refreshed")
	}
	if code := apiStatus(t, srv.URL(), token); code != http.StatusOK {
		t.Fatalf("refreshed token answered %d", code)
	}
	stored, err := auth.NewStore(dir).Load()
	if err != nil {
		t.Fatal(err)
	}
	if stored.AccessToken != token || stored.RefreshToken == old.RefreshToken || stored.RefreshToken == "" {
		t.Error("the rotated pair was not stored")
	}
	if !stored.Expiry.After(time.Now().Add(time.Hour)) {
		t.Errorf("stored expiry %v, want about a day ahead", stored.Expiry)
	}
	if srv.RefreshCount() != 1 {
		t.Errorf("%d refreshes, want 1", srv.RefreshCount())
	}
	// A second call uses the new token without refreshing again.
	if again, err := src.AccessToken(context.Background()); err != nil || again != token {
		t.Errorf("second AccessToken = %v, want the refreshed token", err)
	}
	if srv.RefreshCount() != 1 {
		t.Errorf("%d refreshes after two calls, want 1", srv.RefreshCount())
	}
}

func TestRenewAfter401RefreshesOnce(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	dir := t.TempDir()
	old := loggedIn(t, srv, dir, time.Now().Add(time.Hour))
	srv.ExpireAccessTokens() // looked valid locally, refused by the server
	src := sourceFor(t, dir)
	if code := apiStatus(t, srv.URL(), old.AccessToken); code != http.StatusUnauthorized {
		t.Fatalf("expired token answered %d", code)
	}
	fresh, err := src.Renew(context.Background(), old.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	if fresh == old.AccessToken || apiStatus(t, srv.URL(), fresh) != http.StatusOK {
		t.Fatal("Renew did not produce a working token")
	}
	// Renewing the same refused token again (another request that raced)
	// reuses the new token instead of refreshing twice.
	again, err := src.Renew(context.Background(), old.AccessToken)
	if err != nil || again != fresh || srv.RefreshCount() != 1 {
		t.Errorf("second Renew = %v (same token %v), %d refreshes; want the same token, 1 refresh", err, again == fresh, srv.RefreshCount())
	}
}

func TestRenewAdoptsWhatAnotherProcessStored(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	dir := t.TempDir()
	old := loggedIn(t, srv, dir, time.Now().Add(time.Hour))
	first, second := sourceFor(t, dir), sourceFor(t, dir)
	srv.ExpireAccessTokens()
	fresh, err := first.Renew(context.Background(), old.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	got, err := second.Renew(context.Background(), old.AccessToken)
	if err != nil || got != fresh {
		t.Fatalf("second source's Renew = %v; want the token the first stored", err)
	}
	if srv.RefreshCount() != 1 || srv.SpentRefreshReuses() != 0 {
		t.Errorf("%d refreshes, %d spent reuses; want 1, 0", srv.RefreshCount(), srv.SpentRefreshReuses())
	}
}

func TestRevokedRefreshTokenMeansSessionExpired(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	dir := t.TempDir()
	old := loggedIn(t, srv, dir, time.Now().Add(-time.Hour))
	srv.RevokeAll()
	_, err := sourceFor(t, dir).AccessToken(context.Background())
	if !errors.Is(err, auth.ErrSessionExpired) {
		t.Fatalf("AccessToken after revocation: %v, want ErrSessionExpired", err)
	}
	if !strings.Contains(err.Error(), "session expired: run `leadscope login`") {
		t.Errorf("message %q", err)
	}
	if strings.Contains(err.Error(), old.RefreshToken) || strings.Contains(err.Error(), sandbox.DefaultClientSecret) {
		t.Errorf("error shows a secret: %q", err)
	}
	if stored, _ := auth.NewStore(dir).Load(); stored == nil || stored.RefreshToken != old.RefreshToken {
		t.Error("a failed refresh changed the stored credentials")
	}
}

func TestRefreshServerErrorIsNotSessionExpired(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	dir := t.TempDir()
	old := loggedIn(t, srv, dir, time.Now().Add(-time.Hour))
	srv.SetFaults(sandbox.Faults{Path: "/oauth2/access_token", Fault: sandbox.FaultStatus, Status: 503, Times: 1})
	src := sourceFor(t, dir)
	_, err := src.AccessToken(context.Background())
	if err == nil || errors.Is(err, auth.ErrSessionExpired) || !strings.Contains(err.Error(), "503") {
		t.Fatalf("AccessToken during a 503: %v; want a server error naming 503", err)
	}
	if strings.Contains(err.Error(), old.RefreshToken) {
		t.Errorf("error shows the refresh token: %q", err)
	}
	// The session survives: the next call refreshes with the same refresh token.
	token, err := src.AccessToken(context.Background())
	if err != nil || apiStatus(t, srv.URL(), token) != http.StatusOK {
		t.Fatalf("after the 503 passed: %v", err)
	}
}

// If the refreshed pair cannot be saved it must not be used: the old refresh
// token then stays valid (Kommo revokes it only once the new one is used).
func TestUnsavedRefreshIsNotUsed(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	dir := t.TempDir()
	old := loggedIn(t, srv, dir, time.Now().Add(-time.Hour))
	src := sourceFor(t, dir)
	restore := auth.SetSyncFile(func(*os.File) error { return syscall.ENOSPC })
	_, err := src.AccessToken(context.Background())
	restore()
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("AccessToken with a full disk: %v, want ENOSPC", err)
	}
	if stored, _ := auth.NewStore(dir).Load(); stored == nil || stored.RefreshToken != old.RefreshToken {
		t.Fatal("stored credentials changed")
	}
	token, err := src.AccessToken(context.Background())
	if err != nil || apiStatus(t, srv.URL(), token) != http.StatusOK {
		t.Fatalf("refresh after the disk recovered: %v", err)
	}
	if srv.SpentRefreshReuses() != 0 {
		t.Errorf("%d spent refresh tokens reused", srv.SpentRefreshReuses())
	}
}

func TestLongLivedTokenIsNeverRefreshed(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	dir := t.TempDir()
	store := auth.NewStore(dir)
	c := &auth.Credentials{Account: srv.URL(), Kind: auth.KindLongLived, AccessToken: "long-lived-token"}
	if err := store.Save(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	src := sourceFor(t, dir)
	if got, err := src.AccessToken(context.Background()); err != nil || got != "long-lived-token" {
		t.Fatalf("AccessToken = %q, %v", got, err)
	}
	_, err := src.Renew(context.Background(), "long-lived-token")
	if !errors.Is(err, auth.ErrTokenRefused) {
		t.Fatalf("Renew of a refused long-lived token: %v, want ErrTokenRefused", err)
	}
	if n := srv.Requests(sandbox.EndpointOAuthToken); n != 0 {
		t.Errorf("%d token requests for a long-lived token", n)
	}
}

func TestLogoutDuringSessionEndsIt(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	dir := t.TempDir()
	old := loggedIn(t, srv, dir, time.Now().Add(time.Hour))
	src := sourceFor(t, dir)
	if _, err := auth.NewStore(dir).Delete(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, err := src.Renew(context.Background(), old.AccessToken)
	if !errors.Is(err, auth.ErrSessionExpired) {
		t.Fatalf("Renew after logout: %v, want ErrSessionExpired", err)
	}
	if _, err := os.Stat(auth.NewStore(dir).Path()); !errors.Is(err, os.ErrNotExist) {
		t.Error("a refresh after logout wrote credentials back")
	}
}

// A token endpoint that redirects must not get the secret re-sent elsewhere.
func TestTokenRequestNeverFollowsRedirects(t *testing.T) {
	var foreignHits atomic.Int32
	foreign := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		foreignHits.Add(1)
	}))
	defer foreign.Close()
	account := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, foreign.URL+"/oauth2/access_token", http.StatusTemporaryRedirect)
	}))
	defer account.Close()
	dir := t.TempDir()
	store := auth.NewStore(dir)
	c := &auth.Credentials{Account: account.URL, Kind: auth.KindOAuth, AccessToken: "a", RefreshToken: "r",
		Expiry: time.Now().Add(-time.Hour), ClientID: "id", ClientSecret: secretClient}
	if err := store.Save(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	_, err := store.TokenSource(c, account.Client()).AccessToken(context.Background())
	if err == nil {
		t.Fatal("a redirected refresh succeeded")
	}
	if foreignHits.Load() != 0 {
		t.Errorf("the foreign host got %d requests", foreignHits.Load())
	}
}

func TestCancelledRefreshLeavesCredentialsAlone(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	dir := t.TempDir()
	old := loggedIn(t, srv, dir, time.Now().Add(-time.Hour))
	srv.SetFaults(sandbox.Faults{Path: "/oauth2/access_token", Fault: sandbox.FaultStall})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := sourceFor(t, dir).AccessToken(ctx)
		done <- err
	}()
	for srv.Requests(sandbox.EndpointOAuthToken) == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled refresh: %v", err)
	}
	if stored, _ := auth.NewStore(dir).Load(); stored == nil || stored.RefreshToken != old.RefreshToken {
		t.Error("a cancelled refresh changed the stored credentials")
	}
}

// Many sources on one directory (as many processes would have) and many
// goroutines on each, all holding the same expired token: exactly one
// refresh happens and nobody presents a spent refresh token.
func TestConcurrentRefreshIsSingleFlight(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	dir := t.TempDir()
	loggedIn(t, srv, dir, time.Now().Add(-time.Hour))
	var wg sync.WaitGroup
	tokens := make(chan string, 32)
	errs := make(chan error, 32)
	for range 4 {
		src := sourceFor(t, dir)
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				tok, err := src.AccessToken(context.Background())
				tokens <- tok
				errs <- err
			}()
		}
	}
	wg.Wait()
	close(tokens)
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]bool{}
	for tok := range tokens {
		seen[tok] = true
	}
	if len(seen) != 1 {
		t.Errorf("%d distinct tokens, want 1", len(seen))
	}
	for tok := range seen {
		if apiStatus(t, srv.URL(), tok) != http.StatusOK {
			t.Error("the shared token does not work")
		}
	}
	if srv.RefreshCount() != 1 || srv.SpentRefreshReuses() != 0 {
		t.Errorf("%d refreshes, %d spent reuses; want 1, 0", srv.RefreshCount(), srv.SpentRefreshReuses())
	}
}

const refreshHelperEnv = "LEADSCOPE_AUTH_REFRESH_HELPER"

// refreshHelper runs in a child process: once the parent's start file
// appears it gets a token from the shared store and checks it on the API.
func refreshHelper(dir string) int {
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(2 * time.Millisecond) {
		if _, err := os.Stat(filepath.Join(dir, "..", "start")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			fmt.Fprintln(os.Stderr, "no start signal")
			return 2
		}
	}
	store := auth.NewStore(dir)
	c, err := store.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	tok, err := store.TokenSource(c, nil).AccessToken(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if code := apiStatus(nil, c.Account, tok); code != http.StatusOK {
		fmt.Fprintln(os.Stderr, "token refused:", code)
		return 1
	}
	return 0
}

func TestProcessesRefreshingAtOnceBothSucceed(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	root := t.TempDir()
	dir := filepath.Join(root, "leadscope")
	loggedIn(t, srv, dir, time.Now().Add(-time.Hour))
	var cmds []*exec.Cmd
	outputs := make([]*strings.Builder, 4)
	for i := range outputs {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), refreshHelperEnv+"="+dir)
		outputs[i] = &strings.Builder{}
		cmd.Stderr = outputs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	if err := os.WriteFile(filepath.Join(root, "start"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("process %d: %v: %s", i, err, outputs[i])
		}
	}
	if srv.RefreshCount() != 1 || srv.SpentRefreshReuses() != 0 {
		t.Errorf("%d refreshes, %d spent reuses; want 1, 0", srv.RefreshCount(), srv.SpentRefreshReuses())
	}
}

// A token endpoint that answers with a megabyte of garbage in its status
// line makes a short error, not a megabyte line.
func TestRefreshTransportErrorIsOneShortLine(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				buf := make([]byte, 4096)
				_, _ = conn.Read(buf)
				_, _ = io.WriteString(conn, "HTTP/1.1 2"+strings.Repeat("9", 1<<20)+" OK\r\n\r\n")
			}()
		}
	}()
	dir := t.TempDir()
	c := &auth.Credentials{Account: "http://" + ln.Addr().String(), Kind: auth.KindOAuth, AccessToken: "a", RefreshToken: "r",
		TokenType: "Bearer", Expiry: time.Now().Add(-time.Hour), ClientID: "id", ClientSecret: "secret"}
	if err := auth.NewStore(dir).Save(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	_, err = sourceFor(t, dir).AccessToken(context.Background())
	if err == nil {
		t.Fatal("a garbage answer refreshed the token")
	}
	if n := len([]rune(err.Error())); n > 700 || strings.Contains(err.Error(), "\n") {
		t.Errorf("error of %d runes: %.300q", n, err.Error())
	}
}
