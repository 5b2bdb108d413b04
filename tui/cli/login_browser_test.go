package cli_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/leadscope/leadscope/api/sandbox"
)

const chromiumPath = "/usr/bin/chromium"

// chromium returns the browser to drive, skipping the test when it is not
// installed, except in CI, where a missing browser is a failure.
func chromium(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("chromium is required in CI: %v", err)
		}
		t.Skipf("chromium not installed (%v)", err)
	}
	return chromiumPath
}

// The whole login in a real browser: the built binary prints the URL,
// headless Chromium opens the sandbox's consent page and clicks Allow, is
// redirected to the binary's loopback listener, the binary stores the
// session, and `leadscope get` then works with it.
func TestLoginInARealBrowser(t *testing.T) {
	browser := chromium(t)
	w := newAuthWorld(t, sandbox.Options{})

	_, stdout, stderr, exited := startLogin(t, append(envList(w.env), "PATH="+os.Getenv("PATH")), "--no-browser")
	authURL := waitForAuthURL(t, stderr, exited)

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(browser),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()
	err := chromedp.Do(tab,
		chromedp.Navigate(authURL),
		chromedp.WaitVisible(chromedp.ID("allow")),
		chromedp.Click(chromedp.ID("allow")),
		chromedp.WaitVisible(chromedp.ID("result")),
	)
	if err != nil {
		t.Fatalf("browser: %v (login stderr: %s)", err, stderr.String())
	}
	title, err := chromedp.Run(tab, chromedp.Text(chromedp.ID("result")))
	if err != nil {
		t.Fatal(err)
	}
	location, err := chromedp.Run(tab, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if title != "Authorization received" || !strings.HasPrefix(location, w.env["KOMMO_REDIRECT_URI"]+"?") {
		t.Errorf("browser ended on %q at %s", title, location)
	}

	select {
	case code := <-exited:
		if code != 0 || !strings.Contains(stdout.String(), "Logged in to "+sandbox.AccountName) {
			t.Fatalf("login exit %d\nstdout %s\nstderr %s", code, stdout.String(), stderr.String())
		}
	case <-ctx.Done():
		t.Fatalf("login did not finish after the browser came back: %s", stderr.String())
	}

	res := runBinary(t, []string{"XDG_CONFIG_HOME=" + w.config}, "", "get", leadBasic)
	if res.code != 0 || !strings.Contains(res.stdout, sandbox.LeadBasicName) {
		t.Fatalf("get with the stored login: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
}
