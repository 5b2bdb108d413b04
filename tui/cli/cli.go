// Package cli is leadscope's command line: it parses arguments, builds the
// API client from the environment and stored credentials, and runs a command
// or the TUI. main.go only hands it the process's environment.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Env is everything a command may touch of the outside world, so tests can
// run commands in-process with their own streams and environment.
type Env struct {
	Args       []string // command line without the program name
	Getenv     func(string) string
	Stdin      io.Reader
	Stdout     io.Writer
	Stderr     io.Writer
	StdinIsTTY bool // a paste prompt or the TUI needs a terminal
	OutIsTTY   bool
	// Now is the clock for relative times and "today"; nil means time.Now.
	Now func() time.Time
}

func (e *Env) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// Exit codes scripts can rely on.
const (
	ExitOK       = 0
	ExitFailure  = 1
	ExitUsage    = 2
	ExitNotFound = 3
	ExitAuth     = 4
)

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *Env, args []string) int
}

func commands() []command {
	return []command{
		{"get", "print one lead, contact or company (--json for scripts)", runGetAny},
		{"list", "list leads: search, views and filters (--json for scripts)", runList},
		{"login", "log in to Kommo (OAuth in the browser, --paste, or --with-token)", runLogin},
		{"logout", "remove the stored credentials", runLogout},
		{"status", "show the account and token in use, never the token itself", runStatus},
	}
}

// Main runs the command line and returns the process exit code.
func Main(ctx context.Context, e *Env) (code int) {
	// A bug must still end in one line on stderr, not a stack trace over the user's terminal.
	defer func() {
		if r := recover(); r != nil {
			code = fail(e, ExitFailure, "internal error: %v (please report this)", r)
		}
	}()
	if len(e.Args) > 0 {
		for _, c := range commands() {
			if e.Args[0] == c.name {
				return c.run(ctx, e, e.Args[1:])
			}
		}
		switch e.Args[0] {
		case "help", "-h", "-help", "--help":
			printUsage(e.Stdout)
			return ExitOK
		case "version", "--version":
			fmt.Fprintln(e.Stdout, "leadscope", Version)
			return ExitOK
		}
	}
	return runBrowser(ctx, e, e.Args)
}

// Version is set at build time with -ldflags "-X .../tui/cli.Version=...".
var Version = "dev"

func printUsage(w io.Writer) {
	fmt.Fprint(w, `leadscope: look at a Kommo lead from the terminal

Usage:
  leadscope [flags] [ID | lead URL]  open the lead browser
  leadscope --demo                   open it on a built-in sandbox account
  leadscope get ID [--json]          print one lead (--refresh: refetch the account data)
  leadscope get ID --feed            with its stage history, tasks and feed
  leadscope list [QUERY] [--view NAME] [--json]   list and search leads
  leadscope get contact|company ID [--json]   print a contact or company with its leads
  leadscope login | logout | status

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nLead browser flags:\n")
	browser := flag.NewFlagSet("leadscope", flag.ContinueOnError)
	defineBrowserFlags(browser)
	writeFlagList(w, browser)
	fmt.Fprint(w, `
Environment:
  KOMMO_BASE_URL   the account: acme, acme.kommo.com or https://acme.kommo.com
  KOMMO_TOKEN      a long-lived or access token; wins over stored credentials
  NO_COLOR         disable colours

Exit codes: 0 ok, 1 failure, 2 bad usage or ID, 3 not found, 4 not authenticated.
Run "leadscope COMMAND --help" for a command's flags.
`)
}

// fail prints one clean line to stderr and returns code.
func fail(e *Env, code int, format string, args ...any) int {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintln(e.Stderr, "leadscope: "+oneLine(msg))
	return code
}

// maxLineColumns is the last defence of every one-line message: whatever
// a server, a file or the environment put into it, a line printed by
// fail or as a warning is at most this wide.
const maxLineColumns = 1000

// oneLine cleans s into one line of at most maxLineColumns columns, ending
// in "…" when it was cut. Only the start of a huge text is looked at.
func oneLine(s string) string {
	const lookAt = 16 * maxLineColumns
	if len(s) > lookAt {
		cut := lookAt
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return ansi.Truncate(strings.Join(strings.Fields(cleanLine(s)), " "), maxLineColumns, "…")
}

// flagSet is a flag.FlagSet that reports a bad flag in one line and prints
// its usage only when asked with -h.
type flagSet struct {
	*flag.FlagSet
	env   *Env
	usage string
}

func newFlags(e *Env, name, usage string) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flagSet{FlagSet: fs, env: e, usage: usage}
}

// parseInterleaved lets flags follow positional arguments, as in
// "leadscope get 123 --json", which the flag package alone stops at. A
// negative number is an argument (a bad ID), not an unknown flag.
func (fs *flagSet) parseInterleaved(args []string) ([]string, error) {
	var positional []string
	for {
		for len(args) > 0 && looksNegative(args[0]) {
			positional = append(positional, args[0])
			args = args[1:]
		}
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func looksNegative(arg string) bool {
	return len(arg) > 1 && arg[0] == '-' && arg[1] >= '0' && arg[1] <= '9'
}

// usageError prints the usage for -h (exit 0) or one line for a bad flag.
func (fs *flagSet) usageError(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(fs.env.Stdout, "Usage: %s\n\nFlags:\n", fs.usage)
		writeFlagList(fs.env.Stdout, fs.FlagSet)
		return ExitOK
	}
	// fail names the program; the hint names only the command, if any.
	hint := "--help"
	if fs.Name() != "leadscope" {
		hint = fs.Name() + " --help"
	}
	return fail(fs.env, ExitUsage, "%s (see %s)", flagProblem(err), hint)
}

// flagProblem words the flag package's errors with the double dashes the
// help uses: "unknown flag --bogus" rather than "flag provided but not
// defined: -bogus".
func flagProblem(err error) string {
	msg := err.Error()
	for prefix, words := range map[string]string{
		"flag provided but not defined: -": "unknown flag --",
		"flag needs an argument: -":        "a value is missing after --",
	} {
		if name, ok := strings.CutPrefix(msg, prefix); ok {
			return words + strings.TrimPrefix(name, "-")
		}
	}
	return strings.ReplaceAll(msg, " flag -", " flag --")
}

// writeFlagList lists flags one a line, "  --name VALUE  what it does",
// in the double-dash spelling the rest of the help uses.
func writeFlagList(w io.Writer, fs *flag.FlagSet) {
	type line struct{ left, usage string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		value, usage := flag.UnquoteUsage(f)
		left := "--" + f.Name
		if value != "" {
			left += " " + value
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && !strings.Contains(usage, "default") {
			usage += " (default " + f.DefValue + ")"
		}
		width = max(width, len(left))
		lines = append(lines, line{left, usage})
	})
	for _, l := range lines {
		fmt.Fprintf(w, "  %-*s  %s\n", width, l.left, l.usage)
	}
}
