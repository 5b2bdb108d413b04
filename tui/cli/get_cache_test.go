package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api/sandbox"
)

// directoryEndpoints are the requests of the account's directory.
var directoryEndpoints = []string{sandbox.EndpointAccount, sandbox.EndpointPipelines, sandbox.EndpointUsers, sandbox.EndpointCatalogs}

// cachedEnv is the sandbox's environment with a cache directory that
// outlives one run, as a user's does.
func cachedEnv(t *testing.T, srv *sandbox.Server) ([]string, string) {
	cacheHome := filepath.Join(t.TempDir(), "cache")
	return append(sandboxEnv(srv), "XDG_CACHE_HOME="+cacheHome), cacheHome
}

// directoryFile is where the cache keeps srv's directory.
func directoryFile(t *testing.T, cacheHome string, srv *sandbox.Server) string {
	t.Helper()
	host := strings.ReplaceAll(strings.TrimPrefix(srv.URL(), "http://"), ":", "_")
	return filepath.Join(cacheHome, "leadscope", host, "directory.json")
}

// directoryRequests is how many directory requests srv saw, by endpoint.
func directoryRequests(srv *sandbox.Server) map[string]int {
	counts := srv.RequestCounts()
	out := map[string]int{}
	for _, ep := range directoryEndpoints {
		out[ep] = counts[ep]
	}
	return out
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func mustGet(t *testing.T, env []string, args ...string) runResult {
	t.Helper()
	res := runBinary(t, env, "", append([]string{"get"}, args...)...)
	if res.code != 0 {
		t.Fatalf("get %v: exit %d, stderr %q", args, res.code, res.stderr)
	}
	return res
}

// The first get fetches the directory (alongside the lead) and keeps it;
// the next one asks Kommo for the lead and its related entities only, and
// prints the same names. --refresh fetches the directory again.
func TestGetKeepsTheDirectoryBetweenRuns(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	env, cacheHome := cachedEnv(t, srv)
	lead := fmt.Sprint(sandbox.LeadBasic)
	cold := mustGet(t, env, lead)
	if got := directoryRequests(srv); sum(got) != 4 {
		t.Errorf("cold run: directory requests %v, want one each", got)
	}
	srv.ResetCounts()
	warm := mustGet(t, env, lead)
	if got := directoryRequests(srv); sum(got) != 0 {
		t.Errorf("warm run: directory requests %v, want none", got)
	}
	if n := srv.TotalRequests(); n != 5 {
		t.Errorf("warm run: %d requests, want 5 (the lead, contacts, companies, two lists' elements)", n)
	}
	if warm.stdout != cold.stdout || warm.stderr != "" {
		t.Errorf("warm output differs or warns:\n%s\n---\n%s\n%s", cold.stdout, warm.stdout, warm.stderr)
	}
	for _, want := range []string{sandbox.PipelineSalesName + " ▸ " + sandbox.LeadBasicStageName, sandbox.UserAdminName, sandbox.CatalogProductsName, "12,500 USD"} {
		if !strings.Contains(warm.stdout, want) {
			t.Errorf("warm output lacks %q", want)
		}
	}
	srv.ResetCounts()
	mustGet(t, env, lead, "--refresh")
	if got := directoryRequests(srv); sum(got) != 4 {
		t.Errorf("--refresh: directory requests %v, want one each", got)
	}
	info, err := os.Stat(directoryFile(t, cacheHome, srv))
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("the cache file has mode %v", info.Mode().Perm())
	}
}

// --json sends the lead's request alone, cold cache or not: no directory,
// no related entities.
func TestGetJSONSendsOneRequestEvenCold(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	env, _ := cachedEnv(t, srv)
	mustGet(t, env, "--json", fmt.Sprint(sandbox.LeadBasic))
	if n := srv.TotalRequests(); n != 1 {
		t.Errorf("--json sent %d requests: %v", n, srv.RequestCounts())
	}
	srv.ResetCounts()
	mustGet(t, env, "--json", "--refresh", fmt.Sprint(sandbox.LeadBasic))
	if got := directoryRequests(srv); sum(got) != 4 {
		t.Errorf("--json --refresh: directory requests %v, want one each", got)
	}
}

// A cache directory that cannot be written: get works, uncached, and says
// so in exactly one line.
func TestGetWithUnwritableCacheWarnsOnce(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	homes := map[string]string{"a file": blocker}
	if runtime.GOOS == "linux" {
		homes["read-only file system"] = "/proc/self"
	}
	for name, cacheHome := range homes {
		t.Run(name, func(t *testing.T) {
			// Without the cache directory the rate limit is no longer shared:
			// back-to-back runs may exceed the sandbox's, which is not the point here.
			srv := startSandbox(t, sandbox.Options{RateLimit: -1})
			env := append(sandboxEnv(srv), "XDG_CACHE_HOME="+cacheHome)
			for run := range 2 {
				srv.ResetCounts()
				res := mustGet(t, env, fmt.Sprint(sandbox.LeadBasic))
				if !strings.Contains(res.stdout, sandbox.LeadBasicStageName) {
					t.Errorf("run %d: names not resolved:\n%s", run, res.stdout)
				}
				lines := strings.Split(strings.TrimRight(res.stderr, "\n"), "\n")
				if len(lines) != 1 || !strings.HasPrefix(lines[0], "leadscope: warning: ") || !strings.Contains(lines[0], "working without the account cache") {
					t.Errorf("run %d: want one warning line, got %q", run, res.stderr)
				}
				if got := directoryRequests(srv); sum(got) != 4 {
					t.Errorf("run %d: directory requests %v; uncached, each run fetches them", run, got)
				}
			}
			res := mustGet(t, env, "--json", fmt.Sprint(sandbox.LeadBasic))
			if strings.Count(res.stderr, "\n") != 1 {
				t.Errorf("--json: want one warning line, got %q", res.stderr)
			}
		})
	}
}

// A cache file that is corrupt, of another version or of another account
// is ignored without a word, and rewritten.
func TestGetIgnoresUnusableCacheFiles(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	other := startSandbox(t, sandbox.Options{})
	env, cacheHome := cachedEnv(t, srv)
	otherEnv := append(sandboxEnv(other), "XDG_CACHE_HOME="+cacheHome)
	mustGet(t, otherEnv, fmt.Sprint(sandbox.LeadBasic))
	otherFile, err := os.ReadFile(directoryFile(t, cacheHome, other))
	if err != nil {
		t.Fatal(err)
	}
	file := directoryFile(t, cacheHome, srv)
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string][]byte{
		"corrupt":         []byte(`{"format":"leadscope-directory","version":1,"acc`),
		"binary garbage":  {0, 1, 2, 0xff},
		"old version":     []byte(`{"format":"leadscope-directory","version":0}`),
		"another account": otherFile,
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(file, content, 0o600); err != nil {
				t.Fatal(err)
			}
			srv.ResetCounts()
			res := mustGet(t, env, fmt.Sprint(sandbox.LeadBasic))
			if res.stderr != "" || !strings.Contains(res.stdout, sandbox.LeadBasicStageName) {
				t.Errorf("stderr %q, stdout:\n%s", res.stderr, res.stdout)
			}
			if got := directoryRequests(srv); sum(got) != 4 {
				t.Errorf("directory requests %v: the file should have been ignored", got)
			}
			srv.ResetCounts()
			mustGet(t, env, fmt.Sprint(sandbox.LeadBasic))
			if got := directoryRequests(srv); sum(got) != 0 {
				t.Errorf("directory requests %v after the rewrite, want none", got)
			}
		})
	}
}

// editCache rewrites the cached directory file as JSON.
func editCache(t *testing.T, file string, edit func(m map[string]any)) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	if data, err = json.Marshal(m); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// The cache predates the lead's stage: get refetches the pipelines before
// printing, so the stage has its name, not its ID.
func TestGetRefreshesAStageMissingFromTheCache(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	env, cacheHome := cachedEnv(t, srv)
	mustGet(t, env, fmt.Sprint(sandbox.LeadBasic))
	editCache(t, directoryFile(t, cacheHome, srv), func(m map[string]any) {
		for _, p := range m["directory"].(map[string]any)["pipelines"].([]any) {
			embedded := p.(map[string]any)["_embedded"].(map[string]any)
			var kept []any
			for _, s := range embedded["statuses"].([]any) {
				if int64(s.(map[string]any)["id"].(float64)) != sandbox.LeadBasicStatus {
					kept = append(kept, s)
				}
			}
			embedded["statuses"] = kept
		}
		// Saved before the lead last changed, so the lead may name a newer stage.
		for _, part := range m["parts"].(map[string]any) {
			part.(map[string]any)["fetched_at"] = "2020-01-01T00:00:00Z"
		}
	})
	srv.ResetCounts()
	res := mustGet(t, env, fmt.Sprint(sandbox.LeadBasic))
	if !strings.Contains(res.stdout, sandbox.PipelineSalesName+" ▸ "+sandbox.LeadBasicStageName) || res.stderr != "" {
		t.Errorf("stage not resolved (stderr %q):\n%s", res.stderr, res.stdout)
	}
	if n := srv.Requests(sandbox.EndpointPipelines); n < 1 {
		t.Errorf("pipelines were not refetched")
	}
}

// A cache older than its freshness is used at once and revalidated in the
// background: the next run finds it fresh again.
func TestGetRevalidatesAStaleCache(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	env, cacheHome := cachedEnv(t, srv)
	mustGet(t, env, fmt.Sprint(sandbox.LeadBasic))
	file := directoryFile(t, cacheHome, srv)
	hourAgo := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339Nano)
	editCache(t, file, func(m map[string]any) {
		for _, part := range m["parts"].(map[string]any) {
			part.(map[string]any)["fetched_at"] = hourAgo
		}
	})
	srv.ResetCounts()
	res := mustGet(t, env, fmt.Sprint(sandbox.LeadBasic))
	if !strings.Contains(res.stdout, sandbox.LeadBasicStageName) || res.stderr != "" {
		t.Errorf("stale run (stderr %q):\n%s", res.stderr, res.stdout)
	}
	if got := directoryRequests(srv); sum(got) != 4 {
		t.Errorf("revalidation sent %v, want one batch", got)
	}
	srv.ResetCounts()
	mustGet(t, env, fmt.Sprint(sandbox.LeadBasic))
	if got := directoryRequests(srv); sum(got) != 0 {
		t.Errorf("after revalidation: directory requests %v, want none", got)
	}
	if srv.RateLimited() != 0 {
		t.Errorf("%d requests answered 429", srv.RateLimited())
	}
}

// Four real processes, each getting leads in a loop, share one rate limit:
// the sandbox never sees more than 7 requests in any second, and answers
// none of them with 429.
func TestFourProcessesShareTheRateLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("takes about 15 seconds: 90 requests at 7 per 1.1 s")
	}
	srv := startSandbox(t, sandbox.Options{})
	env, _ := cachedEnv(t, srv)
	var wg sync.WaitGroup
	for p := range 4 {
		// Two processes script --json, two look leads up by hand (the
		// directory, cold at first, then the lead alone).
		args := []string{"--json", fmt.Sprint(sandbox.LeadBasic)}
		if p >= 2 {
			args = []string{fmt.Sprint(sandbox.LeadNoContacts)}
		}
		wg.Go(func() {
			for range 20 {
				res := runBinary(t, env, "", append([]string{"get"}, args...)...)
				if res.code != 0 || res.stderr != "" {
					t.Errorf("process %d: exit %d, stderr %q", p, res.code, res.stderr)
					return
				}
			}
		})
	}
	wg.Wait()
	if n := srv.MaxInWindow(time.Second); n > 7 {
		t.Errorf("the sandbox saw %d requests within one second", n)
	}
	if n := srv.RateLimited(); n != 0 {
		t.Errorf("%d requests answered 429", n)
	}
	t.Logf("%d requests, at most %d in any second", srv.TotalRequests(), srv.MaxInWindow(time.Second))
}

// A symbolic link planted as the shared rate limit's file is refused: get
// works, counting its own requests only, and says so in one line.
func TestGetRefusesASymlinkedRateLimitFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	srv := startSandbox(t, sandbox.Options{})
	env, cacheHome := cachedEnv(t, srv)
	mustGet(t, env, "--json", fmt.Sprint(sandbox.LeadBasic))
	window := filepath.Join(filepath.Dir(directoryFile(t, cacheHome, srv)), "ratelimit")
	target := filepath.Join(t.TempDir(), "target")
	if err := os.WriteFile(target, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(window)
	if err := os.Symlink(target, window); err != nil {
		t.Fatal(err)
	}
	res := mustGet(t, env, fmt.Sprint(sandbox.LeadBasic))
	if !strings.Contains(res.stdout, sandbox.LeadBasicStageName) {
		t.Errorf("no lead:\n%s", res.stdout)
	}
	if strings.Count(res.stderr, "\n") != 1 || !strings.Contains(res.stderr, "shared rate limit") || !strings.Contains(res.stderr, "symbolic link") {
		t.Errorf("want one warning about the link, got %q", res.stderr)
	}
	if data, _ := os.ReadFile(target); string(data) != "keep" {
		t.Errorf("the link's target was written: %q", data)
	}
}
