package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/views"
)

// List bounds: --limit's range, and how many pages one run may read while
// filtering on the client (40 pages of 250 is 10,000 leads).
const (
	defaultListLimit = 50
	maxListLimit     = 10000
	maxListPages     = maxListLimit / api.MaxLeadPageSize
)

const listUsage = "leadscope list [QUERY] [--view NAME] [--pipeline NAME|ID] [--stage NAME|ID] [--responsible me|ID|NAME] " +
	"[--open|--won|--lost] [--sort updated|created] [--limit N] [--json] [--account ACCOUNT] [--timeout D]"

// listRequest is what the command line asked for, checked.
type listRequest struct {
	view   views.View
	sort   api.LeadSort
	limit  int
	json   bool
	config string // config.json, for named views; "" when there is no config directory
}

func runList(ctx context.Context, e *Env, args []string) int {
	fs := newFlags(e, "list", listUsage)
	viewName := fs.String("view", "", `start from a view: "My open leads", "All open", "Updated today", "Closest task overdue" or one of config.json's "views"`)
	pipeline := fs.String("pipeline", "", "only leads of this pipeline (name or ID)")
	stage := fs.String("stage", "", "only leads in this stage (name or ID, or won, lost); within --pipeline when given")
	responsible := fs.String("responsible", "", "only leads of this user: me, a name or an ID")
	open := fs.Bool("open", false, "only open leads (not won or lost)")
	won := fs.Bool("won", false, "only won leads")
	lost := fs.Bool("lost", false, "only lost leads")
	sortBy := fs.String("sort", "updated", "newest first by: updated, created or id")
	limit := fs.Int("limit", defaultListLimit, fmt.Sprintf("print at most N leads (1 to %d)", maxListLimit))
	asJSON := fs.Bool("json", false, "print one Kommo lead object per line (NDJSON), exactly as Kommo sent it")
	account := fs.String("account", "", "the Kommo account (overrides KOMMO_BASE_URL)")
	timeout := fs.Duration("timeout", api.DefaultTimeout, "give up on one request attempt after this long")
	positional, err := fs.parseInterleaved(args)
	if err != nil {
		return fs.usageError(err)
	}
	req := listRequest{limit: *limit, json: *asJSON}
	if code, ok := req.check(e, *sortBy, *timeout, *open, *won, *lost); !ok {
		return code
	}
	if req.view, err = chooseView(e, *viewName); err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	req.view = withFlags(req.view, strings.TrimSpace(strings.Join(positional, " ")), *pipeline, *stage, *responsible, *open, *won, *lost)

	conn, err := resolveConnection(e, *account)
	if err != nil {
		return fail(e, exitCode(err), "%v", err)
	}
	conn.timeout = *timeout
	client, err := newClient(conn)
	if err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	return listLeads(ctx, e, client, req)
}

// check validates the flags that need no account; ok false means exit with code.
func (r *listRequest) check(e *Env, sortBy string, timeout time.Duration, open, won, lost bool) (int, bool) {
	if r.limit < 1 || r.limit > maxListLimit {
		return fail(e, ExitUsage, "--limit must be between 1 and %d, not %d", maxListLimit, r.limit), false
	}
	switch strings.ToLower(sortBy) {
	case "updated", "updated_at":
		r.sort.Field = api.SortUpdated
	case "created", "created_at":
		r.sort.Field = api.SortCreated
	case "id":
		r.sort.Field = api.SortID
	default:
		return fail(e, ExitUsage, "--sort must be updated, created or id, not %q", sortBy), false
	}
	if timeout <= 0 {
		return fail(e, ExitUsage, "--timeout must be positive, e.g. 10s"), false
	}
	states := 0
	for _, on := range []bool{open, won, lost} {
		if on {
			states++
		}
	}
	if states > 1 {
		return fail(e, ExitUsage, "--open, --won and --lost exclude each other: give one"), false
	}
	return ExitOK, true
}

// chooseView finds --view among the built-in and configured views; no name is the empty view (every lead).
func chooseView(e *Env, name string) (views.View, error) {
	if strings.TrimSpace(name) == "" {
		return views.View{}, nil
	}
	configured, err := configuredViews(e)
	if err != nil {
		return views.View{}, err
	}
	return views.Find(views.All(configured), name)
}

// withFlags lays the command line over the view: what is given replaces the view's own.
func withFlags(v views.View, query, pipeline, stage, responsible string, open, won, lost bool) views.View {
	for _, f := range []struct {
		given string
		field *string
	}{{query, &v.Query}, {pipeline, &v.Pipeline}, {stage, &v.Stage}, {responsible, &v.Responsible}} {
		if strings.TrimSpace(f.given) != "" {
			*f.field = f.given
		}
	}
	switch {
	case open:
		v.State = views.Open
	case won:
		v.State = views.Won
	case lost:
		v.State = views.Lost
	}
	return v
}
