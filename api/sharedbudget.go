package api

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/gofrs/flock"
)

// The shared window: leadscope processes on one machine share Kommo's
// budget of 7 requests per second per account. They keep the slots of all
// of them (see limiter) in one small file, read and rewritten under an
// exclusive lock when a request is let go and when its response arrives:
//
//	leadscope-ratelimit 2
//	1718000000123456789 1718000000223456789 8213123131
//	1718000000234567890 0 4434534534
//
// (a header, then one line per slot: when it was taken and given back, in
// unix nanoseconds, 0 while in flight, and a random ID). The lock is held
// for a read and a write of a few hundred bytes. A file that does not parse
// (a crash in the middle of a write, another program's file, another
// version) is treated as empty and rewritten; times more than a minute in
// the future (a clock that jumped back) are dropped. Nearer future times
// are kept: a process that read its clock a moment before another one took
// a slot must not erase that slot when it writes the file back. The files are never
// followed through a symbolic link.
const (
	sharedBudgetFile   = "ratelimit"
	sharedBudgetLock   = "ratelimit.lock"
	sharedBudgetHeader = "leadscope-ratelimit 2\n"
	// sharedBudgetMaxBytes bounds what is read: 64 slots of 60 characters.
	sharedBudgetMaxBytes = 4 << 10
	sharedBudgetMaxSlots = 64
	// lockBusyLimit: a lock held longer than this belongs to a process that
	// stopped mid-request (suspended, debugged); waiting on it could stall
	// every request, so the budget becomes local instead.
	lockBusyLimit = time.Second
	lockBusyRetry = 2 * time.Millisecond
)

// sharedSlot is one line of the window file.
type sharedSlot struct {
	start, end int64 // unix nanoseconds; end 0 while in flight
	id         uint64
}

func (s sharedSlot) expired(now time.Time, window time.Duration) bool {
	if s.end == 0 {
		return now.Sub(time.Unix(0, s.start)) >= staleInFlight
	}
	return now.Sub(time.Unix(0, s.end)) >= window
}

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

// take records a slot at now if fewer than limit slots of all processes
// are taken; otherwise it says how long until one may be free (or the lock
// is). id is the slot's, 0 when there was no room.
func (w *sharedWindow) take(now time.Time, limit int) (id uint64, wait time.Duration, err error) {
	unlock, wait, err := w.tryLock(now)
	if unlock == nil {
		return 0, wait, err
	}
	defer unlock()
	f, err := w.openFile()
	if err != nil {
		return 0, 0, w.fail(err)
	}
	defer f.Close()
	slots := w.counting(readSharedSlots(f), now)
	if n := len(slots); n >= limit {
		expiries := make([]time.Time, n)
		for i, s := range slots {
			expiries[i] = (&slot{start: time.Unix(0, s.start), end: unixOrZero(s.end)}).expiry(now, w.window)
		}
		return 0, untilFree(expiries, limit, now), nil
	}
	id = rand.Uint64() | 1
	slots = append(slots, sharedSlot{start: now.UnixNano(), id: id})
	if err := writeSharedSlots(f, slots[max(0, len(slots)-sharedBudgetMaxSlots):]); err != nil {
		return 0, 0, w.fail(err)
	}
	return id, 0, nil
}

// release marks slot id given back at now. A slot no longer in the file
// (reset, or pruned) has nothing left to do.
func (w *sharedWindow) release(id uint64, now time.Time) error {
	unlock, err := w.lockSoon(now)
	if unlock == nil {
		return err
	}
	defer unlock()
	f, err := w.openFile()
	if err != nil {
		return w.fail(err)
	}
	defer f.Close()
	slots := w.counting(readSharedSlots(f), now)
	for i := range slots {
		if slots[i].id == id {
			slots[i].end = now.UnixNano()
			if err := writeSharedSlots(f, slots); err != nil {
				return w.fail(err)
			}
			break
		}
	}
	return nil
}

// tryLock takes the lock if it is free. Otherwise unlock is nil and wait
// says when to try again, or err that the lock has been taken too long.
func (w *sharedWindow) tryLock(now time.Time) (unlock func(), wait time.Duration, err error) {
	locked, err := w.lock.TryLock()
	if err != nil {
		return nil, 0, w.fail(err)
	}
	if !locked {
		if w.busy.IsZero() || now.Sub(w.lastBusy) > 50*lockBusyRetry {
			w.busy = now
		}
		w.lastBusy = now
		if now.Sub(w.busy) > lockBusyLimit {
			return nil, 0, w.fail(fmt.Errorf("its lock has been taken for over %s", lockBusyLimit))
		}
		return nil, lockBusyRetry, nil
	}
	w.busy = time.Time{}
	return func() { w.lock.Unlock() }, 0, nil
}

// lockSoon waits a little for the lock: a release cannot be put off, and
// the lock is held for microseconds. Giving up leaves the slot in flight
// until staleInFlight, a smaller budget for a minute.
func (w *sharedWindow) lockSoon(now time.Time) (unlock func(), err error) {
	for range 25 {
		unlock, _, err := w.tryLock(now)
		if unlock != nil || err != nil {
			return unlock, err
		}
		time.Sleep(lockBusyRetry)
	}
	return nil, nil
}

func unixOrZero(ns int64) time.Time {
	if ns == 0 {
		return time.Time{}
	}
	return time.Unix(0, ns)
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

// counting keeps the slots that still count at now, oldest first.
func (w *sharedWindow) counting(slots []sharedSlot, now time.Time) []sharedSlot {
	latest := now.Add(max(w.window, staleInFlight)).UnixNano()
	kept := slots[:0]
	for _, s := range slots {
		if s.start <= latest && s.end <= latest && !s.expired(now, w.window) {
			kept = append(kept, s)
		}
	}
	slices.SortFunc(kept, func(a, b sharedSlot) int { return cmp.Compare(a.start, b.start) })
	return kept
}

// readSharedSlots parses the window file; anything that is not exactly
// the format reads as an empty window.
func readSharedSlots(f *os.File) []sharedSlot {
	data, err := io.ReadAll(io.LimitReader(f, sharedBudgetMaxBytes+1))
	if err != nil || len(data) > sharedBudgetMaxBytes {
		return nil
	}
	body, ok := bytes.CutPrefix(data, []byte(sharedBudgetHeader))
	if !ok {
		return nil
	}
	var slots []sharedSlot
	for line := range bytes.Lines(body) {
		s, ok := parseSharedSlot(line)
		if !ok {
			return nil
		}
		slots = append(slots, s)
	}
	return slots
}

func parseSharedSlot(line []byte) (sharedSlot, bool) {
	line, ok := bytes.CutSuffix(line, []byte("\n"))
	fields := bytes.Fields(line)
	if !ok || len(fields) != 3 {
		return sharedSlot{}, false
	}
	start, err1 := strconv.ParseInt(string(fields[0]), 10, 64)
	end, err2 := strconv.ParseInt(string(fields[1]), 10, 64)
	id, err3 := strconv.ParseUint(string(fields[2]), 10, 64)
	if err1 != nil || err2 != nil || err3 != nil || start <= 0 || (end != 0 && end < start) || id == 0 {
		return sharedSlot{}, false
	}
	return sharedSlot{start: start, end: end, id: id}, true
}

func writeSharedSlots(f *os.File, slots []sharedSlot) error {
	buf := make([]byte, 0, len(sharedBudgetHeader)+60*len(slots))
	buf = append(buf, sharedBudgetHeader...)
	for _, s := range slots {
		buf = strconv.AppendInt(buf, s.start, 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, s.end, 10)
		buf = append(buf, ' ')
		buf = strconv.AppendUint(buf, s.id, 10)
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
