// Command leadscope shows everything Kommo CRM knows about a lead, in the terminal.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/leadscope/leadscope/tui/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, &cli.Env{
		Args:       os.Args[1:],
		Getenv:     os.Getenv,
		Stdin:      os.Stdin,
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		StdinIsTTY: isTerminal(os.Stdin),
		OutIsTTY:   isTerminal(os.Stdout),
	})
	stop()
	os.Exit(code)
}

func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
