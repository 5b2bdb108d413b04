package api

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

func flockFor(dir string) *flock.Flock {
	return flock.New(filepath.Join(dir, sharedBudgetLock))
}

// sharedLimiter is a limiter on the fake clock that shares dir's budget,
// as one process of several would.
func sharedLimiter(t *testing.T, clk *fakeClock, dir string) *limiter {
	t.Helper()
	l := newLimiterWithClock(7, clk)
	w, err := openSharedWindow(dir, l.window)
	if err != nil {
		t.Fatal(err)
	}
	l.useShared(w, nil)
	return l
}

// Three "processes" sending at random never put more than 7 requests of
// them all into one window, nor more than 2 background ones.
func TestSharedWindowHoldsAcrossLimiters(t *testing.T) {
	dir := t.TempDir()
	clk := newFakeClock()
	var (
		limiters []*limiter
		recs     []*admissions
	)
	for range 3 {
		l := sharedLimiter(t, clk, dir)
		limiters = append(limiters, l)
		recs = append(recs, watch(l))
	}
	rng := rand.New(rand.NewPCG(7, 7))
	var done []chan error
	for range 60 {
		l := limiters[rng.IntN(len(limiters))]
		ctx := fg
		if rng.IntN(3) == 0 {
			ctx = bg
		}
		d := make(chan error, 1)
		before := total(recs)
		l.mu.Lock()
		queuedBefore := len(l.queues[0]) + len(l.queues[1])
		l.mu.Unlock()
		go func() { d <- l.wait(ctx) }()
		waitEither(t, l, &sumOf{recs}, before, queuedBefore)
		done = append(done, d)
		clk.Advance(time.Duration(rng.IntN(200)) * time.Millisecond)
	}
	for total(recs) < 60 {
		clk.Advance(5 * time.Millisecond)
	}
	waitAll(t, done)
	var all, background []time.Time
	for _, r := range recs {
		all = append(all, r.at...)
		background = append(background, r.times(Background)...)
	}
	if n := busiestWindow(all, limiters[0].window); n > 7 {
		t.Errorf("%d requests of three processes within one window", n)
	}
	if n := busiestWindow(background, limiters[0].window); n > 2 {
		t.Errorf("%d background requests of three processes within one window", n)
	}
	for _, l := range limiters {
		if err := l.sharedFailure(); err != nil {
			t.Errorf("shared budget failed: %v", err)
		}
	}
}

func total(recs []*admissions) int {
	n := 0
	for _, r := range recs {
		n += r.count()
	}
	return n
}

// sumOf lets waitEither watch several recorders at once.
type sumOf struct{ recs []*admissions }

func (s *sumOf) count() int { return total(s.recs) }

func TestSharedWindowResetsAnUnreadableFile(t *testing.T) {
	clk := newFakeClock()
	for name, content := range map[string]string{
		"garbage":        "\x00\x01not a window",
		"foreign header": "some-other-tool 1\n12\n",
		"newer version":  "leadscope-ratelimit 2\n" + strconv.FormatInt(clk.Now().UnixNano(), 10) + "\n",
		"cut line":       sharedBudgetHeader + "17180000001234",
		"negative":       sharedBudgetHeader + "-5\n",
		"too long":       sharedBudgetHeader + strings.Repeat(strconv.FormatInt(clk.Now().UnixNano(), 10)+"\n", 400),
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, sharedBudgetFile), []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			l := sharedLimiter(t, clk, dir)
			for range 7 {
				mustGo(t, l, fg)
			}
			if err := l.sharedFailure(); err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(filepath.Join(dir, sharedBudgetFile))
			if got := len(readSharedTimesBytes(t, data)); got != 7 {
				t.Errorf("the rewritten file holds %d times, want 7:\n%s", got, data)
			}
		})
	}
}

func readSharedTimesBytes(t *testing.T, data []byte) []int64 {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "window")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.Write(data)
	f.Seek(0, 0)
	return readSharedTimes(f)
}

// Times far in the future (a clock set back) would block every process
// for as long: they are dropped. Times within the window count.
func TestSharedWindowDropsTimesFromTheFuture(t *testing.T) {
	dir := t.TempDir()
	clk := newFakeClock()
	now := clk.Now()
	var b strings.Builder
	b.WriteString(sharedBudgetHeader)
	for range 7 {
		b.WriteString(strconv.FormatInt(now.Add(time.Hour).UnixNano(), 10) + "\n")
	}
	b.WriteString(strconv.FormatInt(now.Add(-500*time.Millisecond).UnixNano(), 10) + "\n")
	if err := os.WriteFile(filepath.Join(dir, sharedBudgetFile), []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	l := sharedLimiter(t, clk, dir)
	for range 6 {
		mustGo(t, l, fg)
	}
	l.mu.Lock()
	ok, wait := l.tryTake(Foreground)
	l.mu.Unlock()
	if ok || wait != 600*time.Millisecond {
		t.Errorf("8th request in the window: ok=%v, wait %s; want to wait 600ms for the one sent 500ms ago", ok, wait)
	}
}

// A symbolic link where the window file belongs is refused: at start-up,
// and when planted later, after which the budget stays local but intact.
func TestSharedWindowRefusesSymlinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	target := filepath.Join(t.TempDir(), "elsewhere")
	if err := os.WriteFile(target, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(dir, sharedBudgetFile)); err != nil {
		t.Fatal(err)
	}
	if _, err := openSharedWindow(dir, time.Second); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("opening over a symlink: %v", err)
	}

	dir2 := t.TempDir()
	clk := newFakeClock()
	l := sharedLimiter(t, clk, dir2)
	mustGo(t, l, fg)
	os.Remove(filepath.Join(dir2, sharedBudgetFile))
	if err := os.Symlink(target, filepath.Join(dir2, sharedBudgetFile)); err != nil {
		t.Fatal(err)
	}
	for range 6 {
		mustGo(t, l, fg)
	}
	if err := l.sharedFailure(); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("a planted symlink: %v", err)
	}
	l.mu.Lock()
	ok, _ := l.tryTake(Foreground)
	l.mu.Unlock()
	if ok {
		t.Error("the local window let an 8th request through after the shared one failed")
	}
	if data, _ := os.ReadFile(target); string(data) != "precious" {
		t.Errorf("the link's target was written: %q", data)
	}
}

func TestSharedWindowUnusableDirectory(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	dirs := map[string]string{"a file": blocker, "inside a file": filepath.Join(blocker, "leadscope"), "relative": "cache/leadscope"}
	if runtime.GOOS == "linux" {
		dirs["read-only file system"] = "/proc/leadscope-test"
	}
	for name, dir := range dirs {
		if _, err := openSharedWindow(dir, time.Second); err == nil {
			t.Errorf("%s: opening the window succeeded", name)
		} else if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error spans lines: %q", name, err)
		}
	}
}

func TestSharedWindowFilesArePrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "acme.kommo.com")
	l := sharedLimiter(t, newFakeClock(), dir)
	mustGo(t, l, fg)
	for _, p := range []string{dir, filepath.Join(dir, sharedBudgetFile), filepath.Join(dir, sharedBudgetLock)} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		want := os.FileMode(0o600)
		if info.IsDir() {
			want = 0o700
		}
		if runtime.GOOS != "windows" && info.Mode().Perm() != want {
			t.Errorf("%s has mode %v, want %v", p, info.Mode().Perm(), want)
		}
	}
}

// A lock found taken now and then is another process at work; one found
// taken for over a second belongs to a process stopped mid-request, and
// the budget then becomes local rather than stall.
func TestSharedWindowLockHeldTooLong(t *testing.T) {
	dir := t.TempDir()
	w, err := openSharedWindow(dir, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	other := flockFor(dir)
	if ok, err := other.TryLock(); !ok || err != nil {
		t.Fatalf("locking as another process: %v %v", ok, err)
	}
	now := newFakeClock().Now()
	for i := range 3 {
		// Busy, then a pause: separate streaks, never an error.
		at := now.Add(time.Duration(i) * 900 * time.Millisecond)
		if ok, wait, err := w.take(at, 7); ok || err != nil || wait != lockBusyRetry {
			t.Fatalf("take while locked: %v %s %v", ok, wait, err)
		}
	}
	var err2 error
	for at := now.Add(3 * time.Second); err2 == nil && at.Before(now.Add(5*time.Second)); at = at.Add(lockBusyRetry) {
		_, _, err2 = w.take(at, 7)
	}
	if err2 == nil || !strings.Contains(err2.Error(), "taken for over") {
		t.Errorf("a lock held for 2 s: %v", err2)
	}
	other.Unlock()
	if ok, _, err := w.take(now.Add(6*time.Second), 7); !ok || err != nil {
		t.Errorf("take once the lock is free: %v %v", ok, err)
	}
}
