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
		go func() { d <- instant(l, ctx) }()
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

// slotLine is one line of the window file.
func slotLine(start, end time.Time, id int) string {
	e := int64(0)
	if !end.IsZero() {
		e = end.UnixNano()
	}
	return strconv.FormatInt(start.UnixNano(), 10) + " " + strconv.FormatInt(e, 10) + " " + strconv.Itoa(id) + "\n"
}

func TestSharedWindowResetsAnUnreadableFile(t *testing.T) {
	clk := newFakeClock()
	now := clk.Now()
	for name, content := range map[string]string{
		"garbage":        "\x00\x01not a window",
		"foreign header": "some-other-tool 2\n" + slotLine(now, time.Time{}, 1),
		"older version":  "leadscope-ratelimit 1\n" + strconv.FormatInt(now.UnixNano(), 10) + "\n",
		"cut line":       sharedBudgetHeader + "17180000001234 0",
		"two fields":     sharedBudgetHeader + "17180000001234 0\n",
		"negative":       sharedBudgetHeader + "-5 0 1\n",
		"ends first":     sharedBudgetHeader + slotLine(now, now.Add(-time.Second), 1),
		"no id":          sharedBudgetHeader + slotLine(now, time.Time{}, 0),
		"too long":       sharedBudgetHeader + strings.Repeat(slotLine(now, time.Time{}, 1), 200),
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
			if got := len(readSharedSlotsBytes(t, data)); got != 7 {
				t.Errorf("the rewritten file holds %d slots, want 7:\n%s", got, data)
			}
		})
	}
}

func readSharedSlotsBytes(t *testing.T, data []byte) []sharedSlot {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "window")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.Write(data)
	f.Seek(0, 0)
	return readSharedSlots(f)
}

// Slots far in the future (a clock set back) would block every process
// for as long: they are dropped. Slots that still count do.
func TestSharedWindowCountsOtherProcessesSlots(t *testing.T) {
	dir := t.TempDir()
	clk := newFakeClock()
	now := clk.Now()
	var b strings.Builder
	b.WriteString(sharedBudgetHeader)
	for i := range 7 {
		b.WriteString(slotLine(now.Add(time.Hour), now.Add(time.Hour), 10+i))
	}
	b.WriteString(slotLine(now.Add(-900*time.Millisecond), now.Add(-500*time.Millisecond), 2)) // counts for 600 ms more
	b.WriteString(slotLine(now.Add(-2*time.Second), time.Time{}, 3))                           // in flight
	b.WriteString(slotLine(now.Add(-5*time.Second), now.Add(-3*time.Second), 4))               // over
	if err := os.WriteFile(filepath.Join(dir, sharedBudgetFile), []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	l := sharedLimiter(t, clk, dir)
	for range 5 {
		mustGo(t, l, fg)
	}
	l.mu.Lock()
	s, wait := l.tryTake(Foreground)
	l.mu.Unlock()
	if s != nil || wait != inFlightPoll {
		t.Errorf("8th slot: taken %v, wait %s; want to look again in %s (a slot is in flight elsewhere)", s != nil, wait, inFlightPoll)
	}
	if err := l.sharedFailure(); err != nil {
		t.Fatal(err)
	}
}

// A slot given back in one process counts a window from then in the others.
func TestSharedWindowReleaseIsSeenByOthers(t *testing.T) {
	dir := t.TempDir()
	clk := newFakeClock()
	a, b := sharedLimiter(t, clk, dir), sharedLimiter(t, clk, dir)
	var releases []func()
	for range 7 {
		releases = append(releases, mustGo(t, a, fg, true))
	}
	rec := watch(b)
	done := queued(t, b, fg)
	clk.Advance(2 * time.Second)
	if rec.count() != 0 {
		t.Fatal("b went while a's seven requests were in flight")
	}
	releases[0]()
	clk.Advance(b.window - time.Millisecond)
	if rec.count() != 0 {
		t.Fatal("b went within a window of a's response")
	}
	clk.Advance(inFlightPoll)
	waitAll(t, []chan error{done})
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
	s, _ := l.tryTake(Foreground)
	l.mu.Unlock()
	if s != nil {
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
		if id, wait, err := w.take(at, 7); id != 0 || err != nil || wait != lockBusyRetry {
			t.Fatalf("take while locked: %v %s %v", id, wait, err)
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
	if id, _, err := w.take(now.Add(6*time.Second), 7); id == 0 || err != nil {
		t.Errorf("take once the lock is free: %v %v", id, err)
	}
}

// BenchmarkSharedWindowTakeRelease is what the shared rate limit adds to a
// request: two locked read-and-rewrites of the window file.
//
//	go test -run='^$' -bench=SharedWindow ./api/
func BenchmarkSharedWindowTakeRelease(b *testing.B) {
	w, err := openSharedWindow(b.TempDir(), time.Second)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	for b.Loop() {
		id, _, err := w.take(now, 7)
		if err != nil || id == 0 {
			b.Fatalf("take: %v %v", id, err)
		}
		if err := w.release(id, now); err != nil {
			b.Fatal(err)
		}
		now = now.Add(200 * time.Millisecond)
	}
}

// A process that read its clock a moment before another one took a slot
// (it then waited for the lock) must not erase that slot when it writes
// the window back: it found three processes' background requests within
// one window about 1 run in 5 of TestSharedWindowHoldsAcrossLimiters.
func TestAStaleClockKeepsNewerSlots(t *testing.T) {
	w, err := openSharedWindow(t.TempDir(), time.Second+windowMargin)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2024, 5, 2, 9, 30, 0, 0, time.UTC)
	old, _, err := w.take(t0, 7)
	if err != nil || old == 0 {
		t.Fatalf("take: %d %v", old, err)
	}
	later := t0.Add(2 * time.Second)
	if id, _, err := w.take(later, 7); err != nil || id == 0 {
		t.Fatalf("take later: %d %v", id, err)
	}
	// The first request's release, its clock read before the second take.
	if err := w.release(old, t0.Add(10*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if _, wait, _ := w.take(later, 1); wait == 0 {
		t.Error("the later slot was erased: a background-sized limit of 1 found room")
	}
}
