package tui

import (
	"context"
	"errors"
	"io"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"
)

// Run shows the lead browser on the alternate screen until the user quits
// or ctx ends. in and out are normally the terminal.
func Run(ctx context.Context, opts Options, in io.Reader, out io.Writer) error {
	shared := lockOutput(out)
	m := newModel(ctx, opts)
	m.clipboard = shared
	programOpts := []tea.ProgramOption{
		tea.WithContext(ctx),
		tea.WithInput(in),
		tea.WithOutput(shared),
		tea.WithAltScreen(),
		// guard catches panics itself and reports them in one line.
		tea.WithoutCatchPanics(),
	}
	if opts.Mouse {
		programOpts = append(programOpts, tea.WithMouseCellMotion())
	}
	g := guard{inner: m, caught: &caught{}}
	program := tea.NewProgram(g, programOpts...)
	g.caught.quit = program.Quit
	final, err := program.Run()
	if fg, ok := final.(guard); ok {
		if fm, ok := fg.inner.(Model); ok {
			m = fm
		}
	}
	m.shutdown()
	if pe := g.caught.panicked(); pe != nil {
		return pe
	}
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // the caller ended it on purpose
	}
	return err
}

// lockOutput serialises writes to out: Bubble Tea's renderer and the OSC 52
// clipboard sequence share the terminal, and neither may cut into the
// other. A terminal keeps its file descriptor visible so Bubble Tea still
// finds the window size.
func lockOutput(out io.Writer) io.Writer {
	if f, ok := out.(term.File); ok {
		return &lockedFile{File: f}
	}
	return &lockedWriter{w: out}
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

type lockedFile struct {
	term.File
	mu sync.Mutex
}

func (l *lockedFile) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.File.Write(p)
}
