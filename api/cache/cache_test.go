package cache

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
)

// world is one account on a sandbox, a cache root, and a clock.
type world struct {
	t    *testing.T
	srv  *sandbox.Server
	root string
	now  time.Time
}

func newWorld(t *testing.T, opts sandbox.Options) *world {
	t.Helper()
	opts.RateLimit = -1
	srv, err := sandbox.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return &world{t: t, srv: srv, root: filepath.Join(t.TempDir(), "leadscope"), now: time.Now()}
}

func (w *world) client() *api.Client {
	w.t.Helper()
	c, err := api.New(api.Options{BaseURL: w.srv.URL(), Credentials: api.StaticToken(sandbox.Token), RatePerSecond: 1000})
	if err != nil {
		w.t.Fatal(err)
	}
	return c
}

func (w *world) host() string { return w.client().BaseURL().Host }

func (w *world) store() *Store {
	w.t.Helper()
	s, err := Open(w.root, w.host())
	if err != nil {
		w.t.Fatal(err)
	}
	s.now = func() time.Time { return w.now }
	return s
}

// source is a new process's view: a fresh client and store.
func (w *world) source() *Source {
	s := NewSource(w.client(), w.store())
	s.now = func() time.Time { return w.now }
	return s
}

func (w *world) file() string {
	dir, err := AccountDir(w.root, w.host())
	if err != nil {
		w.t.Fatal(err)
	}
	return filepath.Join(dir, fileName)
}

// editFile changes the stored file as JSON.
func (w *world) editFile(edit func(m map[string]any)) {
	w.t.Helper()
	data, err := os.ReadFile(w.file())
	if err != nil {
		w.t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		w.t.Fatal(err)
	}
	edit(m)
	if data, err = json.Marshal(m); err != nil {
		w.t.Fatal(err)
	}
	if err := os.WriteFile(w.file(), data, 0o600); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) requests() int {
	n := w.srv.TotalRequests()
	w.srv.ResetCounts()
	return n
}

func mustLoad(t *testing.T, s *Source) Snapshot {
	t.Helper()
	snap, err := s.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// A first run fetches and saves the directory; the next run reads it back
// equal, with no request, and fresh.
func TestColdThenWarm(t *testing.T) {
	w := newWorld(t, sandbox.Options{})
	cold := mustLoad(t, w.source())
	if cold.FromCache || w.requests() != 4 {
		t.Fatalf("cold load: from cache %v; want 4 requests", cold.FromCache)
	}
	src := w.source()
	warm := mustLoad(t, src)
	if n := w.requests(); n != 0 || !warm.FromCache {
		t.Fatalf("warm load: %d requests, from cache %v", n, warm.FromCache)
	}
	if src.Stale(warm) {
		t.Error("a directory saved just now is stale")
	}
	if !reflect.DeepEqual(warm.Dir, cold.Dir) {
		t.Errorf("the cache changed the directory:\n got %+v\nwant %+v", warm.Dir, cold.Dir)
	}
	assertEveryPartFilled(t, warm.Dir)
}

// assertEveryPartFilled guards the cache's format: every data field of the
// directory must come back from the sandbox non-empty, so a field added to
// api.Directory without surviving the round trip fails TestColdThenWarm.
func assertEveryPartFilled(t *testing.T, d *api.Directory) {
	t.Helper()
	v := reflect.ValueOf(d).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.Tag.Get("json") == "-" && f.Type != reflect.TypeFor[error]() {
			continue // a notice about this load (Cuts), not cached data
		}
		if f.Type == reflect.TypeFor[error]() {
			if !v.Field(i).IsNil() {
				t.Errorf("%s = %v", f.Name, v.Field(i).Interface())
			}
			continue
		}
		if v.Field(i).IsZero() || (v.Field(i).Kind() == reflect.Slice && v.Field(i).Len() == 0) {
			t.Errorf("Directory.%s is empty after the round trip", f.Name)
		}
	}
	for _, p := range d.Pipelines {
		if len(p.Statuses) == 0 {
			t.Errorf("pipeline %d lost its stages", p.ID)
		}
	}
	if a := d.Account; a.DatetimeSettings == nil || len(a.TaskTypes) == 0 || len(a.UsersGroups) == 0 || a.IsAPIFilterEnabled == nil {
		t.Errorf("the account lost its extras in the round trip: %+v", a)
	}
}

// Older than MaxAge: still handed out at once, but stale; revalidating
// fetches the whole directory again (one batch) and saves it.
func TestStaleWhileRevalidate(t *testing.T) {
	w := newWorld(t, sandbox.Options{})
	mustLoad(t, w.source())
	w.requests()
	w.now = w.now.Add(DefaultMaxAge + time.Second)
	src := w.source()
	snap := mustLoad(t, src)
	if n := w.requests(); n != 0 || !snap.FromCache || !src.Stale(snap) {
		t.Fatalf("stale load: %d requests, from cache %v, stale %v", n, snap.FromCache, src.Stale(snap))
	}
	fresh, err := src.Revalidate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n := w.requests(); n != 4 || src.Stale(fresh) || fresh.FromCache {
		t.Fatalf("revalidation: %d requests, stale %v", n, src.Stale(fresh))
	}
	if again := mustLoad(t, w.source()); w.requests() != 0 || w.source().Stale(again) {
		t.Error("the revalidated directory was not saved")
	}
}

// A file that cannot be trusted is ignored, never an error, and the next
// load rewrites it.
func TestUnusableFilesAreIgnoredAndRewritten(t *testing.T) {
	for name, spoil := range map[string]func(w *world){
		"corrupt":       func(w *world) { os.WriteFile(w.file(), []byte(`{"format":"leadscope-directory","vers`), 0o600) },
		"not JSON":      func(w *world) { os.WriteFile(w.file(), []byte("\x00\xff garbage"), 0o600) },
		"empty":         func(w *world) { os.WriteFile(w.file(), nil, 0o600) },
		"old version":   func(w *world) { w.editFile(func(m map[string]any) { m["version"] = 0 }) },
		"newer version": func(w *world) { w.editFile(func(m map[string]any) { m["version"] = Version + 1 }) },
		"other program": func(w *world) { w.editFile(func(m map[string]any) { m["format"] = "something-else" }) },
		"no directory":  func(w *world) { w.editFile(func(m map[string]any) { delete(m, "directory") }) },
		"no pipelines": func(w *world) {
			w.editFile(func(m map[string]any) { delete(m["directory"].(map[string]any), "pipelines") })
		},
		"no account": func(w *world) {
			w.editFile(func(m map[string]any) { m["directory"].(map[string]any)["account"] = nil })
		},
		"wrong types": func(w *world) { w.editFile(func(m map[string]any) { m["parts"] = []int{1, 2} }) },
		"a directory": func(w *world) { os.Remove(w.file()); os.Mkdir(w.file(), 0o700) },
		"huge": func(w *world) {
			f, _ := os.OpenFile(w.file(), os.O_WRONLY|os.O_TRUNC, 0o600)
			f.WriteString(`{"format":"leadscope-directory","version":1,"x":"`)
			f.Truncate(maxFileBytes + 1) // sparse: cheap to make, still too big to read
			f.Close()
		},
		"deep nesting": func(w *world) {
			deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
			os.WriteFile(w.file(), []byte(`{"format":"leadscope-directory","version":1,"directory":`+deep+`}`), 0o600)
		},
		"another clock":  func(w *world) { w.now = w.now.Add(-time.Hour) },
		"another format": func(w *world) { w.editFile(func(m map[string]any) { m["directory"] = "x" }) },
	} {
		t.Run(name, func(t *testing.T) {
			w := newWorld(t, sandbox.Options{})
			mustLoad(t, w.source())
			w.requests()
			spoil(w)
			snap := mustLoad(t, w.source())
			if n := w.requests(); name == "another clock" {
				// Parts "fetched in the future" are incomplete, not unusable.
				if n != 0 || !w.source().Stale(snap) {
					t.Fatalf("%d requests, stale %v", n, w.source().Stale(snap))
				}
				return
			} else if n != 4 || snap.FromCache {
				t.Fatalf("%d requests, from cache %v; want the directory fetched again", n, snap.FromCache)
			}
			if name == "a directory" {
				return // nothing can be written over it; the load still worked
			}
			if again := mustLoad(t, w.source()); !again.FromCache || w.requests() != 0 {
				t.Error("the file was not rewritten")
			}
		})
	}
}

// Each account has its own folder; a file copied from another account's
// folder is ignored.
func TestAnotherAccountsCacheIsIgnored(t *testing.T) {
	w := newWorld(t, sandbox.Options{})
	mustLoad(t, w.source())
	w.requests()
	other, err := Open(w.root, "other.kommo.com")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(w.file())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(other.Dir(), fileName), data, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok := other.Load(); ok {
		t.Error("another account's directory was accepted")
	}
	if other.Dir() == filepath.Dir(w.file()) {
		t.Error("two accounts share a folder")
	}
}

// The cache lacks the lead's stage (created after the cache was saved, and
// the lead moved into it since): Complete refetches the pipelines alone,
// and saves them.
func TestStageMissingFromTheCacheIsRefreshed(t *testing.T) {
	w := newWorld(t, sandbox.Options{})
	lead, err := w.client().GetLead(context.Background(), sandbox.LeadBasic)
	if err != nil {
		t.Fatal(err)
	}
	mustLoad(t, w.source())
	savedBefore := time.Unix(lead.UpdatedAt, 0).Add(-time.Hour).UTC().Format(time.RFC3339Nano)
	w.editFile(func(m map[string]any) {
		for _, p := range m["directory"].(map[string]any)["pipelines"].([]any) {
			statuses := p.(map[string]any)["_embedded"].(map[string]any)
			var kept []any
			for _, s := range statuses["statuses"].([]any) {
				if int64(s.(map[string]any)["id"].(float64)) != lead.StatusID {
					kept = append(kept, s)
				}
			}
			statuses["statuses"] = kept
		}
		for _, part := range m["parts"].(map[string]any) {
			part.(map[string]any)["fetched_at"] = savedBefore
		}
	})
	w.requests()
	src := w.source()
	snap := mustLoad(t, src)
	if snap.Dir.Knows(lead) || snap.Dir.Unknown(lead) != api.PartPipelines {
		t.Fatalf("the edited cache should lack just the stage: %v", snap.Dir.Unknown(lead))
	}
	done, err := src.Complete(context.Background(), snap, lead)
	if err != nil {
		t.Fatal(err)
	}
	if got := w.srv.RequestCounts(); w.requests() != 1 || got[sandbox.EndpointPipelines] != 1 {
		t.Errorf("completing sent %v, want one pipelines request", got)
	}
	if _, s, ok := done.Dir.Status(lead.PipelineID, lead.StatusID); !ok || s.Name != sandbox.LeadBasicStageName {
		t.Errorf("stage still unknown: %+v", s)
	}
	if !done.Fetched[api.PartPipelines].Equal(w.now) || done.Fetched[api.PartUsers].Equal(w.now) {
		t.Errorf("fetch times %v: only pipelines were refetched", done.Fetched)
	}
	if again := mustLoad(t, w.source()); !again.Dir.Knows(lead) {
		t.Error("the completed pipelines were not saved")
	}
}

// A part fetched after the lead last changed cannot learn more about it
// (a deleted user, a list removed): no request.
func TestUnknownButFetchedSinceTheLeadChangedCostsNothing(t *testing.T) {
	w := newWorld(t, sandbox.Options{})
	lead, err := w.client().GetLead(context.Background(), sandbox.LeadUnknownUser)
	if err != nil {
		t.Fatal(err)
	}
	snap := mustLoad(t, w.source())
	if snap.Dir.Knows(lead) {
		t.Fatalf("lead %d should name a user the sandbox does not list", sandbox.LeadUnknownUser)
	}
	w.requests()
	done, err := w.source().Complete(context.Background(), snap, lead)
	if err != nil || w.requests() != 0 || done.Dir != snap.Dir {
		t.Errorf("completing sent requests for what it cannot learn: %v", err)
	}
	if got, _ := w.source().Complete(context.Background(), snap, nil); got.Dir != snap.Dir {
		t.Error("a nil lead changed the snapshot")
	}
}

// A 403 on users is cached as forbidden: it comes back as ErrForbidden and
// no later load asks again until a revalidation.
func TestForbiddenUsersAreCached(t *testing.T) {
	w := newWorld(t, sandbox.Options{})
	w.srv.SetFaults(sandbox.Faults{UsersForbidden: true})
	mustLoad(t, w.source())
	w.requests()
	src := w.source()
	snap := mustLoad(t, src)
	if w.requests() != 0 || !errors.Is(snap.Dir.UsersErr, api.ErrForbidden) || snap.Dir.Users != nil {
		t.Fatalf("UsersErr %v, users %v", snap.Dir.UsersErr, snap.Dir.Users)
	}
	if src.Stale(snap) {
		t.Error("a forbidden part makes the directory stale")
	}
	lead, err := w.client().GetLead(context.Background(), sandbox.LeadBasic)
	if err != nil {
		t.Fatal(err)
	}
	w.requests()
	if _, err := src.Complete(context.Background(), snap, lead); err != nil || w.requests() != 0 {
		t.Errorf("forbidden users were asked for again: %v", err)
	}
}

// A part that failed for another reason is not stored: the directory is
// incomplete, so stale, and that part is asked for again.
func TestFailedPartMakesTheCacheStale(t *testing.T) {
	w := newWorld(t, sandbox.Options{})
	w.srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointCatalogs, Fault: sandbox.FaultStatus, Status: 402})
	mustLoad(t, w.source())
	w.srv.ClearFaults()
	w.requests()
	src := w.source()
	snap := mustLoad(t, src)
	if !snap.FromCache || !src.Stale(snap) || snap.Dir.CatalogsErr == nil || errors.Is(snap.Dir.CatalogsErr, api.ErrForbidden) {
		t.Fatalf("from cache %v, stale %v, CatalogsErr %v", snap.FromCache, src.Stale(snap), snap.Dir.CatalogsErr)
	}
	lead, err := w.client().GetLead(context.Background(), sandbox.LeadBasic)
	if err != nil {
		t.Fatal(err)
	}
	w.requests()
	done, err := src.Complete(context.Background(), snap, lead)
	if err != nil || done.Dir.CatalogsErr != nil || w.requests() != 1 || src.Stale(done) {
		t.Errorf("completing the lists: %v, CatalogsErr %v, stale %v", err, done.Dir.CatalogsErr, src.Stale(done))
	}
}

func TestFilesArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	w := newWorld(t, sandbox.Options{})
	os.MkdirAll(filepath.Dir(w.file()), 0o755) // tightened by Open
	mustLoad(t, w.source())
	for path, want := range map[string]os.FileMode{filepath.Dir(w.file()): 0o700, w.file(): 0o600} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", path, info.Mode().Perm(), want)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(w.file()))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// A symbolic link in place of the file is not read, and saving replaces
// the link, never writing to its target.
func TestSymlinkIsNotFollowed(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	w := newWorld(t, sandbox.Options{})
	mustLoad(t, w.source())
	data, _ := os.ReadFile(w.file())
	target := filepath.Join(t.TempDir(), "target.json")
	os.WriteFile(target, data, 0o600)
	os.Remove(w.file())
	if err := os.Symlink(target, w.file()); err != nil {
		t.Fatal(err)
	}
	w.requests()
	if snap := mustLoad(t, w.source()); snap.FromCache || w.requests() != 4 {
		t.Error("the directory was read through a symbolic link")
	}
	if info, err := os.Lstat(w.file()); err != nil || info.Mode()&os.ModeSymlink != 0 {
		t.Error("the link was not replaced by a file")
	}
	if got, _ := os.ReadFile(target); string(got) != string(data) {
		t.Error("the link's target was written")
	}
}

// A cache directory that cannot be written: Open says why in one line, and
// a Source without a store simply fetches.
func TestUnwritableCacheDirectory(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	roots := map[string]string{"a file": blocker, "under a file": filepath.Join(blocker, "leadscope"), "relative": "cache"}
	if runtime.GOOS == "linux" {
		roots["read-only file system"] = "/proc/leadscope"
	}
	if os.Geteuid() != 0 && runtime.GOOS != "windows" {
		ro := filepath.Join(t.TempDir(), "ro")
		os.MkdirAll(filepath.Join(ro, "acme.kommo.com"), 0o700)
		os.Chmod(filepath.Join(ro, "acme.kommo.com"), 0o500)
		t.Cleanup(func() { os.Chmod(filepath.Join(ro, "acme.kommo.com"), 0o700) })
		roots["read-only directory"] = ro
	}
	for name, root := range roots {
		_, err := Open(root, "acme.kommo.com")
		if err == nil {
			t.Errorf("%s: Open succeeded", name)
			continue
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error spans lines: %q", name, err)
		}
	}
	w := newWorld(t, sandbox.Options{})
	src := NewSource(w.client(), nil)
	for range 2 {
		if snap := mustLoad(t, src); snap.FromCache {
			t.Error("a source without a store read a cache")
		}
	}
	if n := w.requests(); n != 8 || src.CacheErr() != nil {
		t.Errorf("%d requests, CacheErr %v", n, src.CacheErr())
	}
}

// A save that fails mid-run is reported once and ends the use of the store.
func TestSaveFailureIsReportedOnce(t *testing.T) {
	w := newWorld(t, sandbox.Options{})
	src := w.source()
	os.RemoveAll(filepath.Dir(w.file()))
	os.WriteFile(filepath.Dir(w.file()), []byte("now a file"), 0o600)
	for range 3 {
		mustLoad(t, src)
	}
	if err := src.CacheErr(); err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("CacheErr = %v", err)
	}
}

func TestDefaultRootAndAccountDir(t *testing.T) {
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"}, "/x/cache/leadscope"},
		{map[string]string{"XDG_CACHE_HOME": "relative", "HOME": "/home/u"}, "/home/u/.cache/leadscope"},
		{map[string]string{"HOME": "/home/u"}, "/home/u/.cache/leadscope"},
	} {
		if got, err := DefaultRoot(env(tc.env)); err != nil || got != filepath.FromSlash(tc.want) {
			t.Errorf("%v: %q, %v", tc.env, got, err)
		}
	}
	if _, err := DefaultRoot(env(nil)); err == nil {
		t.Error("no HOME, no XDG_CACHE_HOME: no error")
	}
	for host, want := range map[string]string{
		"acme.kommo.com": "acme.kommo.com", "127.0.0.1:8080": "127.0.0.1_8080", "ACME.Kommo.com": "acme.kommo.com",
		"../../etc": "_.._etc", "a/b\\c": "a_b_c", "[::1]:80": "___1__80",
	} {
		if got, err := AccountDir("/r", host); err != nil || got != filepath.Join("/r", want) {
			t.Errorf("%q: %q, %v", host, got, err)
		}
	}
	for _, host := range []string{"", "..", ".", "///", ":"} {
		if got, err := AccountDir("/r", host); err == nil {
			t.Errorf("%q accepted as %q", host, got)
		}
	}
}
