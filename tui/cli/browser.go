package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui"
)

// runBrowser opens the TUI: on the demo sandbox, on the configured account,
// or on the friendly not-logged-in screen.
func runBrowser(ctx context.Context, e *Env, args []string) int {
	fs := newFlags(e, "leadscope", "leadscope [--demo] [--theme auto|dark|light] [--mouse] [--account ACCOUNT] [ID|URL]")
	demo := fs.Bool("demo", false, "browse a built-in sandbox account: no login, no network")
	theme := fs.String("theme", "auto", "colours for a dark or light terminal: auto, dark or light")
	mouse := fs.Bool("mouse", false, "scroll with the mouse wheel (the terminal's own text selection then needs Shift)")
	account := fs.String("account", "", "the Kommo account (overrides KOMMO_BASE_URL)")
	positional, err := fs.parseInterleaved(args)
	if err != nil {
		return fs.usageError(err)
	}
	if len(positional) > 1 {
		return fail(e, ExitUsage, "unknown command %q: see leadscope --help", positional[0])
	}
	opts := tui.Options{Theme: *theme, Mouse: *mouse, Location: time.Local}
	if len(positional) == 1 {
		if opts.InitialLead, err = api.ParseLeadRef(positional[0]); err != nil {
			return fail(e, ExitUsage, "%v (see leadscope --help)", err)
		}
	}
	switch *theme {
	case "auto", "dark", "light":
	default:
		return fail(e, ExitUsage, "--theme must be auto, dark or light, not %q", *theme)
	}
	if !e.StdinIsTTY || !e.OutIsTTY {
		return fail(e, ExitUsage, "the lead browser needs a terminal; for scripts use: leadscope get ID --json")
	}
	if opts.Views, err = configuredViews(e); err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	if e.Getenv("NO_COLOR") != "" {
		opts.Renderer = lipgloss.NewRenderer(e.Stdout, termenv.WithProfile(termenv.Ascii))
	}
	if *demo {
		srv, err := sandbox.Start(sandbox.Options{})
		if err != nil {
			return fail(e, ExitFailure, "starting the demo sandbox: %v", err)
		}
		defer srv.Close()
		conn := connection{baseURL: srv.URL(), credentials: api.StaticToken(sandbox.Token)}
		if opts.Client, err = newClient(conn); err != nil {
			return fail(e, ExitFailure, "%v", err)
		}
		opts.Demo, opts.Account = true, "demo"
		return runTUI(ctx, e, opts)
	}
	conn, err := resolveConnection(e, *account)
	switch {
	case errors.Is(err, errNoCredentials):
		opts.LoginHint = errNoCredentials.Error()
	case err != nil:
		return fail(e, exitCode(err), "%v", err)
	default:
		if opts.Client, err = newClient(conn); err != nil {
			return fail(e, ExitUsage, "%v", err)
		}
		opts.Account = opts.Client.BaseURL().Host
	}
	return runTUI(ctx, e, opts)
}

func runTUI(ctx context.Context, e *Env, opts tui.Options) int {
	err := tui.Run(ctx, opts, e.Stdin, e.Stdout)
	var bug *tui.PanicError
	switch {
	case errors.As(err, &bug):
		where := "please report this"
		if path, werr := writeCrashReport(e, bug); werr == nil {
			where = "details in " + path + "; please report this"
		}
		return fail(e, ExitFailure, "lead browser: %v (%s)", bug, where)
	case err != nil && !errors.Is(err, context.Canceled):
		return fail(e, ExitFailure, "%v", fmt.Errorf("lead browser: %w", err))
	}
	return ExitOK
}
