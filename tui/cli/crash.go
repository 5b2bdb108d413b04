package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/leadscope/leadscope/tui"
)

// writeCrashReport keeps a bug's stack trace in a file of its own, so the
// terminal gets one line and a report still has everything: under
// $XDG_STATE_HOME/leadscope (else ~/.local/state/leadscope), 0600.
func writeCrashReport(e *Env, bug *tui.PanicError) (string, error) {
	dir := e.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(home, ".local", "state")
	}
	dir = filepath.Join(dir, "leadscope")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "crash-"+time.Now().UTC().Format("20060102-150405")+".log")
	report := fmt.Sprintf("leadscope %s crashed: %v\n\n%s", Version, bug.Value, bug.Stack)
	if err := os.WriteFile(path, []byte(report), 0o600); err != nil {
		return "", err
	}
	return path, nil
}
