package api

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/gofrs/flock"
)

// The shared window: leadscope processes on one machine share Kommo's
// budget of 7 requests per second per account. Each keeps the send times
// of the recent requests of all of them in one small file, read and
// rewritten under an exclusive lock for every request:
//
//	leadscope-ratelimit 1
//	1718000000123456789
//	1718000000234567890
//
// (a header, then unix nanoseconds, one per line). The lock is held for a
// read and a write of a few hundred bytes. A file that does not parse (a
// crash in the middle of a write, another program's file) is treated as
// empty and rewritten; times from the future beyond one window (a clock
// that jumped back) are dropped. The files are never followed through a
// symbolic link.
const (
	sharedBudgetFile   = "ratelimit"
	sharedBudgetLock   = "ratelimit.lock"
	sharedBudgetHeader = "leadscope-ratelimit 1\n"
	// sharedBudgetMaxBytes bounds what is read: 64 entries of 20 digits.
	sharedBudgetMaxBytes = 4 << 10
	sharedBudgetMaxSlots = 64
	// lockBusyLimit: a lock held longer than this belongs to a process that
	// stopped mid-request (suspended, debugged); waiting on it could stall
	// every request, so the budget becomes local instead.
	lockBusyLimit = time.Second
	lockBusyRetry = 2 * time.Millisecond
)

// sharedWindow is the file-backed admission log shared between processes.
// Its methods run under the limiter's mutex.
type sharedWindow struct {
	path   string
	lock   *flock.Flock
	window time.Duration
	// busy is since when every attempt found the lock taken, lastBusy the
	// latest such attempt; a streak ends with a lock taken or a pause.
	busy, lastBusy time.Time
}

// openSharedWindow prepares dir (created 0700 if missing) and checks that
// its files can be locked, read and written.
func openSharedWindow(dir string, window time.Duration) (*sharedWindow, error) {
	if dir == "" || !filepath.IsAbs(dir) {
		return nil, fmt.Errorf("shared rate limit: %q is not an absolute directory", dir)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("shared rate limit: %w", err)
	}
	w := &sharedWindow{
		path:   filepath.Join(dir, sharedBudgetFile),
		lock:   flock.New(filepath.Join(dir, sharedBudgetLock), flock.SetFlag(os.O_CREATE|os.O_RDWR|openNoFollow), flock.SetPermissions(0o600)),
		window: window,
	}
	if err := w.probe(); err != nil {
		return nil, err
	}
	return w, nil
}

// probe locks the window once and opens its file for writing, so that a
// read-only directory shows at start-up rather than on the first request.
func (w *sharedWindow) probe() error {
	for deadline := time.Now().Add(lockBusyLimit); ; {
		locked, err := w.lock.TryLock()
		if err != nil {
			return w.fail(err)
		}
		if locked {
			break
		}
		if time.Now().After(deadline) {
			return w.fail(errors.New("its lock stays taken"))
		}
		time.Sleep(lockBusyRetry)
	}
	defer w.lock.Unlock()
	f, err := w.openFile()
	if err != nil {
		return w.fail(err)
	}
	return f.Close()
}

// take records a request at now if fewer than limit requests of all
// processes lie within the window ending at now; otherwise it says how long
// until one leaves it (or the lock is free again).
func (w *sharedWindow) take(now time.Time, limit int) (bool, time.Duration, error) {
	locked, err := w.lock.TryLock()
	if err != nil {
		return false, 0, w.fail(err)
	}
	if !locked {
		if w.busy.IsZero() || now.Sub(w.lastBusy) > 50*lockBusyRetry {
			w.busy = now
		}
		w.lastBusy = now
		if now.Sub(w.busy) > lockBusyLimit {
			return false, 0, w.fail(fmt.Errorf("its lock has been taken for over %s", lockBusyLimit))
		}
		return false, lockBusyRetry, nil
	}
	w.busy = time.Time{}
	defer w.lock.Unlock()
	f, err := w.openFile()
	if err != nil {
		return false, 0, w.fail(err)
	}
	defer f.Close()
	times := w.inWindow(readSharedTimes(f), now)
	if n := len(times); n >= limit {
		return false, time.Unix(0, times[n-limit]).Add(w.window).Sub(now), nil
	}
	times = append(times, now.UnixNano())
	if err := writeSharedTimes(f, times[max(0, len(times)-sharedBudgetMaxSlots):]); err != nil {
		return false, 0, w.fail(err)
	}
	return true, 0, nil
}

func (w *sharedWindow) openFile() (*os.File, error) {
	if err := refuseSymlink(w.path); err != nil {
		return nil, err
	}
	return os.OpenFile(w.path, os.O_CREATE|os.O_RDWR|openNoFollow, 0o600)
}

func (w *sharedWindow) fail(err error) error {
	return fmt.Errorf("shared rate limit in %s: %w (counting this process's requests only)", filepath.Dir(w.path), pathless(err))
}

// inWindow keeps the times that still count at now, oldest first.
func (w *sharedWindow) inWindow(times []int64, now time.Time) []int64 {
	from, until := now.Add(-w.window).UnixNano(), now.Add(w.window).UnixNano()
	kept := times[:0]
	for _, t := range times {
		if t > from && t <= until {
			kept = append(kept, t)
		}
	}
	slices.Sort(kept)
	return kept
}

// readSharedTimes parses the window file; anything that is not exactly
// the format reads as an empty window.
func readSharedTimes(f *os.File) []int64 {
	data, err := io.ReadAll(io.LimitReader(f, sharedBudgetMaxBytes+1))
	if err != nil || len(data) > sharedBudgetMaxBytes {
		return nil
	}
	body, ok := bytes.CutPrefix(data, []byte(sharedBudgetHeader))
	if !ok {
		return nil
	}
	var times []int64
	for line := range bytes.Lines(body) {
		line, ok := bytes.CutSuffix(line, []byte("\n"))
		if !ok {
			return nil
		}
		t, err := strconv.ParseInt(string(line), 10, 64)
		if err != nil || t <= 0 {
			return nil
		}
		times = append(times, t)
	}
	return times
}

func writeSharedTimes(f *os.File, times []int64) error {
	buf := make([]byte, 0, len(sharedBudgetHeader)+20*len(times))
	buf = append(buf, sharedBudgetHeader...)
	for _, t := range times {
		buf = strconv.AppendInt(buf, t, 10)
		buf = append(buf, '\n')
	}
	if _, err := f.WriteAt(buf, 0); err != nil {
		return err
	}
	return f.Truncate(int64(len(buf)))
}

// refuseSymlink fails when path is a symbolic link: the budget's files are
// opened for writing, and a link planted in the cache directory must not
// make leadscope write elsewhere. openNoFollow closes the race on Unix.
func refuseSymlink(path string) error {
	info, err := os.Lstat(path)
	if err == nil && info.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("%s is a symbolic link", filepath.Base(path))
	}
	return nil
}

// pathless keeps the cause of a *PathError but drops its path, which the
// message already names.
func pathless(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", filepath.Base(pe.Path), pe.Err)
	}
	return err
}
