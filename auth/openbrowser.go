package auth

import (
	"os/exec"
	"runtime"
)

// OpenSystemBrowser opens url in the desktop's browser. The launcher's own
// output (xdg-open is chatty) is discarded so it never lands in the terminal.
func OpenSystemBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil // nil means /dev/null
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }() // reap it; some launchers outlive the login
	return nil
}

// underSSH reports whether this is a remote shell, where a browser opened
// here would not be the user's.
func underSSH(getenv func(string) string) bool {
	return getenv("SSH_CONNECTION") != "" || getenv("SSH_TTY") != "" || getenv("SSH_CLIENT") != ""
}
