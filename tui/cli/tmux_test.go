package cli_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// requireTool skips a test whose tool is missing, except in CI, where a
// missing tool means the environment is broken and must fail loudly.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required in CI (.ci/run installs it): %v", name, err)
		}
		t.Skipf("%s not installed; skipping (CI=true makes this a failure)", name)
	}
	return path
}

// tmuxSession is the binary running in a real terminal that tmux emulates.
type tmuxSession struct {
	t        *testing.T
	socket   string
	exitFile string
}

// startTmux runs leadscope with args and env in a detached tmux session of
// the given size. The pane stays after the program exits so its final
// screen and exit code can be read.
func startTmux(t *testing.T, width, height int, env []string, args ...string) *tmuxSession {
	t.Helper()
	requireTool(t, "tmux")
	dir := t.TempDir()
	s := &tmuxSession{t: t, socket: filepath.Join(dir, "tmux.sock"), exitFile: filepath.Join(dir, "exit")}
	home := filepath.Join(dir, "home")
	script := filepath.Join(dir, "run.sh")
	var b strings.Builder
	b.WriteString("#!/bin/sh\n")
	// CI=true (set by .ci/run for the test tools) makes termenv treat any
	// output as no terminal: colourless, unlike a user's. The program under
	// test runs as in a user's terminal.
	b.WriteString("unset CI\n")
	fmt.Fprintf(&b, "export HOME=%q XDG_CONFIG_HOME=%q XDG_CACHE_HOME=%q TERM=xterm-256color\n", home, filepath.Join(home, ".config"), filepath.Join(home, ".cache"))
	for _, kv := range env {
		fmt.Fprintf(&b, "export %s\n", shellQuoteAssignment(kv))
	}
	fmt.Fprintf(&b, "%q", leadscopeBinary(t))
	for _, a := range args {
		fmt.Fprintf(&b, " %q", a)
	}
	fmt.Fprintf(&b, "\necho $? > %q\n", s.exitFile)
	if err := os.WriteFile(script, []byte(b.String()), 0o700); err != nil {
		t.Fatal(err)
	}
	s.tmux("-f", "/dev/null", "new-session", "-d", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height), "-s", "e2e", script)
	s.tmux("set-option", "-t", "e2e", "remain-on-exit", "on")
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", s.socket, "kill-server").Run() })
	return s
}

func shellQuoteAssignment(kv string) string {
	name, value, _ := strings.Cut(kv, "=")
	return name + "='" + strings.ReplaceAll(value, "'", `'\''`) + "'"
}

// tryTmux runs a tmux command that may fail (show-buffer before there is a buffer).
func (s *tmuxSession) tryTmux(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-S", s.socket}, args...)...).CombinedOutput()
	return string(out), err
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// send types keys as tmux key names ("Enter", "Tab", "q") or literal text.
func (s *tmuxSession) send(keys ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}

func (s *tmuxSession) sendText(text string) {
	s.t.Helper()
	s.tmux("send-keys", "-t", "e2e", "-l", text)
}

func (s *tmuxSession) screen() string {
	s.t.Helper()
	return s.tmux("capture-pane", "-p", "-t", "e2e")
}

// waitFor polls the screen until every want is on it. The generous deadline
// only bounds a broken run; a healthy one returns as soon as text appears.
func (s *tmuxSession) waitFor(wants ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		screen := s.screen()
		missing := ""
		for _, w := range wants {
			if !strings.Contains(screen, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q; last screen:\n%s", missing, screen)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitExit waits for the program to end and returns its exit code.
func (s *tmuxSession) waitExit() int {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		data, err := os.ReadFile(s.exitFile)
		if err == nil && len(strings.TrimSpace(string(data))) > 0 {
			var code int
			if _, err := fmt.Sscan(string(data), &code); err != nil {
				s.t.Fatalf("exit file %q: %v", data, err)
			}
			return code
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("leadscope did not exit; last screen:\n%s", s.screen())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// alternateScreen reports whether the pane is still on the alternate screen,
// i.e. whether the program left the terminal unrestored.
func (s *tmuxSession) alternateScreen() bool {
	return strings.TrimSpace(s.tmux("display-message", "-p", "-t", "e2e", "#{alternate_on}")) == "1"
}
