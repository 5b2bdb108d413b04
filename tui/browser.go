package tui

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	osc52 "github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/leadscope/leadscope/tui/common"
	"github.com/leadscope/leadscope/tui/sanitize"
)

type openedMsg struct {
	url string
	err error
}

// copiedMsg says how the link went out: OSC 52 gets no answer, so the
// message says "sent", never "copied", unless tmux took it.
type copiedMsg struct {
	url string
	via copyRoute
	err error
}

type copyRoute int

const (
	viaTerminal    copyRoute = iota // OSC 52 straight to the terminal
	viaTmuxBuffer                   // tmux's buffer, which tmux passes on to the terminal
	viaPassthrough                  // OSC 52 wrapped for tmux's passthrough
)

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

// copyCmd puts url on the clipboard. In tmux it goes through tmux's own
// buffer (load-buffer -w), which tmux with its default set-clipboard
// setting passes to the terminal as OSC 52; an application's own OSC 52
// would be dropped there. Elsewhere OSC 52 goes straight to the terminal,
// which (even over SSH) turns it into a clipboard write.
func copyCmd(w io.Writer, url string) tea.Cmd {
	inTmux := os.Getenv("TMUX") != ""
	return func() tea.Msg {
		if inTmux && tmuxLoadBuffer(url) == nil {
			return copiedMsg{url: url, via: viaTmuxBuffer}
		}
		if w == nil {
			return copiedMsg{url: url, err: errNoTerminal}
		}
		seq, via := osc52.New(url), viaTerminal
		if inTmux {
			seq, via = seq.Tmux(), viaPassthrough
		}
		_, err := seq.WriteTo(w)
		return copiedMsg{url: url, via: via, err: err}
	}
}

// tmuxLoadBuffer hands text to the tmux server this program runs under;
// -w (tmux 3.2+) also sends it to the outer terminal's clipboard.
func tmuxLoadBuffer(text string) error {
	path, err := exec.LookPath("tmux")
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "load-buffer", "-w", "-")
	cmd.Stdin = strings.NewReader(text)
	return cmd.Run()
}

func (m *Model) onCopied(msg copiedMsg) tea.Cmd {
	url := sanitize.Line(msg.url)
	switch {
	case msg.err != nil:
		return m.say(common.StatusWarn, "Could not copy; the link is "+url)
	case msg.via == viaTmuxBuffer:
		return m.say(common.StatusInfo, "Copied to tmux's buffer and sent to the terminal's clipboard: "+url)
	case msg.via == viaPassthrough:
		return m.say(common.StatusInfo, "Sent to the terminal's clipboard through tmux (needs tmux's allow-passthrough on): "+url)
	}
	return m.say(common.StatusInfo, "Sent to the terminal's clipboard: "+url)
}
