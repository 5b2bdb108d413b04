package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api/sandbox"
)

// Real leadscope processes sharing one stored login whose access token has
// expired: all of them must get the lead, and Kommo's rotation must never
// see a spent refresh token (which would end the session for good).
func TestProcessesRefreshingAtOnceAllSucceed(t *testing.T) {
	w := newAuthWorld(t, sandbox.Options{})
	seedLogin(t, w, time.Now().Add(-time.Minute))
	// A slow token endpoint keeps the first refresh in flight while the
	// others start, so they really meet at the lock.
	w.srv.SetFaults(sandbox.Faults{Path: "/oauth2/access_token", Latency: 300 * time.Millisecond})
	bin := leadscopeBinary(t)
	type proc struct {
		cmd            *exec.Cmd
		stdout, stderr bytes.Buffer
	}
	procs := make([]*proc, 4)
	for i := range procs {
		p := &proc{cmd: exec.Command(bin, "get", leadBasic, "--json")}
		home := t.TempDir()
		p.cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "XDG_CONFIG_HOME=" + w.config, "XDG_CACHE_HOME=" + filepath.Join(home, ".cache")}
		p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
		procs[i] = p
	}
	for _, p := range procs {
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, p := range procs {
		if err := p.cmd.Wait(); err != nil {
			t.Errorf("process %d: %v: %s", i, err, p.stderr.String())
		} else if !strings.Contains(p.stdout.String(), sandbox.LeadBasicName) {
			t.Errorf("process %d printed no lead: %s", i, p.stdout.String())
		}
	}
	if w.srv.RefreshCount() != 1 || w.srv.SpentRefreshReuses() != 0 {
		t.Errorf("%d refreshes, %d spent refresh tokens reused; want 1, 0", w.srv.RefreshCount(), w.srv.SpentRefreshReuses())
	}
	// The session is still alive for the next command.
	if res := runCLI(t, map[string]string{"XDG_CONFIG_HOME": w.config}, "", "get", leadBasic, "--json"); res.code != 0 {
		t.Errorf("get afterwards: exit %d %s", res.code, res.stderr)
	}
}
