package sandbox

import (
	"os"
	"testing"

	"go.uber.org/goleak"
)

// TestMain checks that closed servers leave no goroutines behind: the fault
// matrix tests of other packages run goleak against the sandbox.
func TestMain(m *testing.M) {
	code := m.Run()
	testClient.CloseIdleConnections()
	if code == 0 {
		if err := goleak.Find(); err != nil {
			os.Stderr.WriteString("goroutine leak: " + err.Error() + "\n")
			code = 1
		}
	}
	os.Exit(code)
}
