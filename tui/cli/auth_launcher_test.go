package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api/sandbox"
)

// fakeLauncher puts a noisy xdg-open first on PATH that records the URL it
// was asked to open, as a desktop's launcher would receive it.
func fakeLauncher(t *testing.T) (pathDir, record string) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("the launcher is xdg-open only on Linux")
	}
	pathDir = t.TempDir()
	record = filepath.Join(pathDir, "opened")
	script := "#!/bin/sh\necho LAUNCHER-NOISE-OUT\necho LAUNCHER-NOISE-ERR >&2\nprintf '%s' \"$1\" > '" + record + "'\n"
	if err := os.WriteFile(filepath.Join(pathDir, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return pathDir, record
}

// startLogin runs the built binary's login with env.
func startLogin(t *testing.T, env []string, args ...string) (cmd *exec.Cmd, stdout, stderr *lockedBuffer, exited chan int) {
	t.Helper()
	cmd = exec.Command(leadscopeBinary(t), append([]string{"login"}, args...)...)
	cmd.Env = env
	stdout, stderr = &lockedBuffer{}, &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited = make(chan int, 1)
	go func() {
		err := cmd.Wait()
		code := 0
		if exitErr, ok := err.(*exec.ExitError); ok {
			code = exitErr.ExitCode()
		} else if err != nil {
			code = -1
		}
		exited <- code
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
	})
	return cmd, stdout, stderr, exited
}

func waitExit(t *testing.T, exited chan int) int {
	t.Helper()
	select {
	case code := <-exited:
		return code
	case <-time.After(60 * time.Second):
		t.Fatal("leadscope login did not exit")
		return 0
	}
}

func TestLoginOpensTheBrowserQuietly(t *testing.T) {
	w := newAuthWorld(t, sandbox.Options{})
	pathDir, record := fakeLauncher(t)
	env := append(envList(w.env), "PATH="+pathDir+string(os.PathListSeparator)+os.Getenv("PATH"))
	_, stdout, stderr, exited := startLogin(t, env)
	printed := waitForAuthURL(t, stderr, exited)
	var opened []byte
	for deadline := time.Now().Add(30 * time.Second); len(opened) == 0 && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		opened, _ = os.ReadFile(record)
	}
	if string(opened) != printed {
		t.Fatalf("launcher opened %q, printed %q", opened, printed)
	}
	clickConsent(t, string(opened), "allow")
	if code := waitExit(t, exited); code != 0 {
		t.Fatalf("login exit %d: %s", code, stderr.String())
	}
	if out := stdout.String() + stderr.String(); strings.Contains(out, "LAUNCHER-NOISE") {
		t.Errorf("the launcher's output reached the terminal:\n%s", out)
	}
}

func TestLoginOverSSHPrintsATunnelHint(t *testing.T) {
	w := newAuthWorld(t, sandbox.Options{})
	pathDir, record := fakeLauncher(t)
	env := append(envList(w.env), "PATH="+pathDir+string(os.PathListSeparator)+os.Getenv("PATH"), "SSH_CONNECTION=192.0.2.1 5000 192.0.2.2 22")
	_, _, stderr, exited := startLogin(t, env)
	authURL := waitForAuthURL(t, stderr, exited)
	port := strings.TrimSuffix(strings.TrimPrefix(w.env["KOMMO_REDIRECT_URI"], "http://127.0.0.1:"), "/callback")
	// The hint follows the URL: wait for it, the URL alone says nothing of it.
	waitForOutput(t, stderr, exited, "ssh -L "+port+":127.0.0.1:"+port)
	clickConsent(t, authURL, "allow")
	if code := waitExit(t, exited); code != 0 {
		t.Fatalf("login exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(record); !os.IsNotExist(err) {
		t.Error("a browser was launched over SSH")
	}
}

// Ctrl-C on the real binary: a clean one-line exit, the old login intact.
func TestLoginInterruptedKeepsTheOldLogin(t *testing.T) {
	w := newAuthWorld(t, sandbox.Options{})
	seedLogin(t, w, time.Now().Add(time.Hour))
	before := fileBytes(t, w.credentialsPath())
	cmd, _, stderr, exited := startLogin(t, append(envList(w.env), "PATH="+os.Getenv("PATH")), "--no-browser")
	waitForAuthURL(t, stderr, exited)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if code := waitExit(t, exited); code != 1 {
		t.Errorf("exit %d after Ctrl-C, want 1", code)
	}
	if !strings.Contains(stderr.String(), "login cancelled; stored credentials unchanged") {
		t.Errorf("stderr: %s", stderr.String())
	}
	if string(before) != string(fileBytes(t, w.credentialsPath())) {
		t.Error("Ctrl-C changed the stored credentials")
	}
}
