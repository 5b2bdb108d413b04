package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// rssWatch follows a child's high-water resident set while it runs.
// Linux's rusage of a child cannot be used: exec charges the child with
// the peak of the memory it replaced, the test process's own (which also
// runs the sandbox). /proc/PID/status VmHWM is the child's alone once it
// runs the binary; it only grows, so sampling misses at most the last few
// milliseconds of the run.
type rssWatch struct {
	pid  int
	name string // the binary's name, as /proc/PID/comm shows it after exec
	stop chan struct{}
	done chan struct{}
	peak int64
}

func watchRSS(pid int, binary string) *rssWatch {
	w := &rssWatch{pid: pid, name: filepath.Base(binary), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			if hwm, ok := w.sample(); ok {
				w.peak = max(w.peak, hwm)
			}
			select {
			case <-w.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return w
}

// sample reads VmHWM once the process runs the binary (before exec it is
// still a copy of the test process).
func (w *rssWatch) sample() (int64, bool) {
	comm, err := os.ReadFile("/proc/" + strconv.Itoa(w.pid) + "/comm")
	if err != nil || string(bytes.TrimSpace(comm)) != w.name {
		return 0, false
	}
	status, err := os.ReadFile("/proc/" + strconv.Itoa(w.pid) + "/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}

// Stop ends the watch when the process has exited. Without /proc (not
// Linux) it falls back to rusage, which there is the child's own.
func (w *rssWatch) Stop(ps *os.ProcessState) int64 {
	close(w.stop)
	<-w.done
	if w.peak > 0 || ps == nil {
		return w.peak
	}
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok && runtime.GOOS == "darwin" {
		return ru.Maxrss // bytes on macOS
	}
	return 0
}
