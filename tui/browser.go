package tui

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime"
	"time"

	osc52 "github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
)

type openedMsg struct {
	url string
	err error
}

type copiedMsg struct {
	url string
	err error
}

// openURL starts the desktop's opener with its output discarded, so a
// chatty browser cannot scribble over the screen.
func openURL(url string) error {
	name := "xdg-open"
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name = "explorer"
	}
	path, err := exec.LookPath(name)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, url)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
	return cmd.Run()
}

func openCmd(open func(string) error, url string) tea.Cmd {
	return func() tea.Msg { return openedMsg{url: url, err: open(url)} }
}

var errNoTerminal = errors.New("no terminal to copy through")

// copyCmd puts url on the clipboard with OSC 52, which the terminal (even
// over SSH) turns into a clipboard write.
func copyCmd(w io.Writer, url string) tea.Cmd {
	return func() tea.Msg {
		if w == nil {
			return copiedMsg{url: url, err: errNoTerminal}
		}
		seq := osc52.New(url)
		if os.Getenv("TMUX") != "" {
			seq = seq.Tmux()
		}
		_, err := seq.WriteTo(w)
		return copiedMsg{url: url, err: err}
	}
}
