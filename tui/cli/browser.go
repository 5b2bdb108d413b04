package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/cache"
	"github.com/leadscope/leadscope/api/sandbox"
	"github.com/leadscope/leadscope/tui"
)

// browserArgs are the lead browser's flags.
type browserArgs struct {
	demo, mouse        bool
	theme, account, tz string
}

const browserUsage = "leadscope [--demo] [--theme auto|dark|light] [--mouse] [--account ACCOUNT] [--tz account|local|ZONE] [ID|URL]"

// defineBrowserFlags declares the browser's flags on fs; `leadscope --help`
// lists them from the same declarations.
func defineBrowserFlags(fs *flag.FlagSet) *browserArgs {
	a := &browserArgs{}
	fs.BoolVar(&a.demo, "demo", false, "browse a built-in sandbox account: no login, no network")
	fs.StringVar(&a.theme, "theme", "auto", "colours, by `MODE`: auto (ask the terminal), dark or light")
	fs.BoolVar(&a.mouse, "mouse", false, "scroll with the mouse wheel (the terminal's own text selection then needs Shift)")
	fs.StringVar(&a.account, "account", "", "the Kommo `ACCOUNT`, e.g. acme.kommo.com (overrides KOMMO_BASE_URL)")
	fs.StringVar(&a.tz, "tz", "account", tzUsage)
	return a
}

// runBrowser opens the TUI: on the demo sandbox, on the configured account,
// or on the friendly not-logged-in screen.
func runBrowser(ctx context.Context, e *Env, args []string) int {
	fs := newFlags(e, "leadscope", browserUsage)
	a := defineBrowserFlags(fs.FlagSet)
	positional, err := fs.parseInterleaved(args)
	if err != nil {
		return fs.usageError(err)
	}
	if len(positional) > 1 {
		return fail(e, ExitUsage, "unknown command %q (see --help)", positional[0])
	}
	opts := tui.Options{Theme: a.theme, Mouse: a.mouse}
	if len(positional) == 1 {
		if opts.InitialLead, err = api.ParseLeadRef(positional[0]); err != nil {
			return fail(e, ExitUsage, "%v (see --help)", err)
		}
	}
	switch a.theme {
	case "auto", "dark", "light":
	default:
		return fail(e, ExitUsage, "--theme must be auto, dark or light, not %q", a.theme)
	}
	zone, err := resolveZoneChoice(e, fs, a.tz)
	if err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	// nil asks the browser for the account's zone, once /account has told it.
	opts.Location = zone.loc
	if !a.demo {
		conn, err := resolveConnection(e, a.account)
		switch {
		case errors.Is(err, errNoCredentials):
			// The not-logged-in screen lists the ways in: no hint repeats them.
		case err != nil:
			return fail(e, exitCode(err), "%v", err)
		default:
			if err := connectBrowser(e, conn, &opts); err != nil {
				return fail(e, ExitUsage, "%v", err)
			}
		}
		if err := refuseForeignLead(opts.Client, positional); err != nil {
			return fail(e, ExitUsage, "%v", err)
		}
	}
	if !e.StdinIsTTY || !e.OutIsTTY {
		return fail(e, ExitUsage, "the lead browser needs a terminal; for scripts use: leadscope get ID --json")
	}
	if e.Getenv("NO_COLOR") != "" {
		opts.Renderer = lipgloss.NewRenderer(e.Stdout, termenv.WithProfile(termenv.Ascii))
	}
	if a.demo {
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
		if err := refuseForeignLead(opts.Client, positional); err != nil {
			return fail(e, ExitUsage, "%v", err)
		}
	}
	return runTUI(ctx, e, opts)
}

// connectBrowser builds the browser's client on the account cache: its
// names come from the cache at once, and its requests share the rate limit
// with other leadscope processes. A cache that cannot be used is said in the
// status line; the browser works without it.
func connectBrowser(e *Env, conn connection, opts *tui.Options) error {
	store, cacheWarning := openAccountCache(e, conn.baseURL)
	if store != nil {
		conn.budgetDir = store.Dir()
	}
	client, err := newClient(conn)
	if err != nil {
		return err
	}
	opts.Client = client
	opts.Account = client.BaseURL().Host
	opts.AccountData = cache.NewSource(client, store)
	for _, w := range []error{cacheWarning, client.SharedBudgetErr()} {
		if w != nil {
			opts.Warnings = append(opts.Warnings, w.Error())
		}
	}
	return nil
}

// refuseForeignLead refuses a lead URL of another account than the client's
// before anything is fetched: its ID would open an unrelated lead here.
// Without a client (not logged in) there is no account to compare with.
func refuseForeignLead(client *api.Client, positional []string) error {
	if len(positional) != 1 || client == nil {
		return nil
	}
	_, err := client.ParseLeadRef(positional[0])
	return err
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
