package main

import (
	"bufio"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/leadscope/leadscope/api/sandbox"
)

// TestMain lets the test binary act as the command when re-executed.
func TestMain(m *testing.M) {
	if os.Getenv("KOMMO_SANDBOX_RUN_MAIN") == "1" {
		os.Args = append([]string{"kommo-sandbox"}, strings.Fields(os.Getenv("KOMMO_SANDBOX_ARGS"))...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestPrintsURLAndTokenAndStopsOnSIGTERM(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "KOMMO_SANDBOX_RUN_MAIN=1", "KOMMO_SANDBOX_ARGS=-latency 5ms -rate -1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill() }()
	lines := bufio.NewScanner(out)
	values := map[string]string{}
	for len(values) < 2 && lines.Scan() {
		k, v, _ := strings.Cut(lines.Text(), "=")
		values[k] = v
	}
	if !strings.HasPrefix(values["url"], "http://127.0.0.1:") || values["token"] != sandbox.Token {
		t.Fatalf("printed %v", values)
	}
	req, _ := http.NewRequest(http.MethodGet, values["url"]+"/api/v4/account", nil)
	req.Header.Set("Authorization", "Bearer "+values["token"])
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("account: %d", resp.StatusCode)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit after SIGTERM: %v", err)
	}
}

func TestRefusesNonLoopbackAddress(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "KOMMO_SANDBOX_RUN_MAIN=1", "KOMMO_SANDBOX_ARGS=-addr 0.0.0.0:0")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "not loopback") {
		t.Fatalf("err %v, output %s", err, out)
	}
}
