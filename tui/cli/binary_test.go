package cli_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

var (
	binaryOnce sync.Once
	binaryPath string
	binaryErr  error
)

// leadscopeBinary builds the real command once per test process, so the
// end-to-end tests exercise exactly what a user runs.
func leadscopeBinary(t testing.TB) string {
	t.Helper()
	binaryOnce.Do(func() {
		dir, err := os.MkdirTemp("", "leadscope-bin-")
		if err != nil {
			binaryErr = err
			return
		}
		binaryPath = filepath.Join(dir, "leadscope")
		out, err := exec.Command("go", "build", "-o", binaryPath, "github.com/leadscope/leadscope").CombinedOutput()
		if err != nil {
			binaryErr = &buildError{err: err, output: string(out)}
		}
	})
	if binaryErr != nil {
		t.Fatalf("building leadscope: %v", binaryErr)
	}
	return binaryPath
}

type buildError struct {
	err    error
	output string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.output }

// runResult is what one run of the binary left behind.
type runResult struct {
	stdout, stderr string
	code           int
	peakRSS        int64 // bytes; 0 when the platform does not say (and for in-process runs)
}

// runBinary runs leadscope with exactly env (nothing inherited but PATH and a
// private HOME, config and cache, so the developer's own never leak into a
// test); env may override them.
func runBinary(t *testing.T, env []string, stdin string, args ...string) runResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, leadscopeBinary(t), args...)
	home := t.TempDir()
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "XDG_CACHE_HOME=" + filepath.Join(home, ".cache")}, env...)
	cmd.Stdin = bytes.NewBufferString(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting leadscope %v: %v", args, err)
	}
	rss := watchRSS(cmd.Process.Pid, cmd.Path)
	err := cmd.Wait()
	peak := rss.Stop(cmd.ProcessState)
	code := 0
	if exitErr, ok := err.(*exec.ExitError); ok {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatalf("running leadscope %v: %v", args, err)
	}
	return runResult{stdout: stdout.String(), stderr: stderr.String(), code: code, peakRSS: peak}
}
