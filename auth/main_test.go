package auth_test

import (
	"os"
	"testing"

	"go.uber.org/goleak"
)

// TestMain runs the crash helper when asked to, and otherwise checks that
// logins and refreshes leave no goroutine (listener, HTTP server) behind.
func TestMain(m *testing.M) {
	if dir := os.Getenv(crashHelperEnv); dir != "" {
		crashMidWrite(dir)
		return
	}
	if dir := os.Getenv(refreshHelperEnv); dir != "" {
		os.Exit(refreshHelper(dir))
	}
	code := m.Run()
	if code == 0 {
		if err := goleak.Find(); err != nil {
			os.Stderr.WriteString("goroutine leak: " + err.Error() + "\n")
			code = 1
		}
	}
	os.Exit(code)
}
