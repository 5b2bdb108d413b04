package cli

import (
	"bufio"
	"context"
	"strings"
	"sync"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/views"
)

// accountNeeds says which account data a list needs before its first
// page: names to resolve or print, "me", and whether filters are honoured.
// `leadscope list --json` of a plain query needs none: one request.
type accountNeeds struct{ account, pipelines, users bool }

func needsOf(v views.View, printsNames bool) accountNeeds {
	responsible := strings.ToLower(strings.TrimSpace(v.Responsible))
	anyone := responsible == "" || responsible == "anyone" || responsible == "any" || responsible == "all"
	byName := !anyone && responsible != "me" && strings.Trim(responsible, "#0123456789") != ""
	filters := strings.TrimSpace(v.Pipeline) != "" || strings.TrimSpace(v.Stage) != "" || !anyone ||
		v.State != views.AnyState || v.UpdatedToday || v.TaskOverdue
	return accountNeeds{
		account:   printsNames || filters,
		pipelines: printsNames || strings.TrimSpace(v.Pipeline) != "" || strings.TrimSpace(v.Stage) != "" || v.State != views.AnyState,
		users:     printsNames || byName,
	}
}

// accountData is what loadAccountData found; filtersOn is nil when unknown.
type accountData struct {
	dir       *api.Directory
	filtersOn *bool
}

// loadAccountData fetches what needs asks for, concurrently: one round trip.
// Users are optional (non-administrators may not list them).
func loadAccountData(ctx context.Context, c *api.Client, needs accountNeeds) (accountData, error) {
	d := accountData{dir: &api.Directory{}}
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		if firstErr == nil {
			firstErr = err
		}
	}
	if needs.account {
		wg.Go(func() {
			a, on, err := c.AccountWithFilterFeature(ctx)
			if err != nil {
				fail(err)
				return
			}
			d.dir.Account, d.filtersOn = a, on
		})
	}
	if needs.pipelines {
		wg.Go(func() {
			p, err := c.Pipelines(ctx)
			if err != nil {
				fail(err)
				return
			}
			d.dir.Pipelines = p
		})
	}
	if needs.users {
		wg.Go(func() { d.dir.Users, d.dir.UsersErr = c.Users(ctx) })
	}
	wg.Wait()
	return d, firstErr
}

// listLeads resolves the view, pages until the limit and prints each page
// as it arrives (the table once, aligned).
func listLeads(ctx context.Context, e *Env, client *api.Client, req listRequest) int {
	now := e.now()
	printsNames := !req.json
	data, err := loadAccountData(ctx, client, needsOf(req.view, printsNames))
	if err != nil {
		return fail(e, exitCode(err), "%v", describe(err))
	}
	q, err := req.view.Resolve(views.AccountFrom(data.dir), now, time.Local)
	if err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	q.Sort = req.sort
	out := bufio.NewWriterSize(e.Stdout, 64<<10)
	w := newLeadWriter(e, out, req.json, data.dir, now)
	p := &pager{e: e, client: client, q: q, limit: req.limit, filtersApplied: data.filtersOn == nil || *data.filtersOn}
	p.q.Limit = p.pageSize()
	if len(q.Tags) > 0 {
		p.note("tags are matched on this computer: Kommo cannot filter leads by tag")
	}
	if !p.filtersApplied && q.SendsFilters() {
		p.note(filtersOffNote)
	}
	rows, err := p.run(ctx, w, out)
	if err == nil {
		err = w.flush()
	}
	if ferr := out.Flush(); err == nil && ferr != nil {
		return fail(e, ExitFailure, "writing output: %v", ferr)
	}
	switch {
	case err != nil:
		return fail(e, exitCode(err), "%v", describe(err))
	case rows == 0:
		fail(e, ExitOK, "no leads match")
	}
	return ExitOK
}

const filtersOffNote = "this account ignores Kommo's API filters (its filter feature is off): filtering the leads on this computer, which reads more pages"

// pager reads pages of q until limit leads were kept, filtering on the
// client what Kommo does not (tags, or everything on an account that
// ignores filters), never keeping a lead twice.
type pager struct {
	e              *Env
	client         *api.Client
	q              api.LeadQuery
	limit          int
	filtersApplied bool
	noted          map[string]bool
}

// pageSize: just enough for the limit when Kommo filters; full pages when
// this side filters and most of what arrives may be dropped.
func (p *pager) pageSize() int {
	if len(p.q.Tags) > 0 || (!p.filtersApplied && p.q.SendsFilters()) {
		return api.MaxLeadPageSize
	}
	return min(p.limit, api.MaxLeadPageSize)
}

func (p *pager) note(msg string) {
	if p.noted == nil {
		p.noted = map[string]bool{}
	}
	if !p.noted[msg] {
		p.noted[msg] = true
		fail(p.e, ExitOK, "%s", msg)
	}
}

func (p *pager) run(ctx context.Context, w leadWriter, out *bufio.Writer) (int, error) {
	seen := map[int64]bool{}
	rows := 0
	for page := 1; rows < p.limit; page++ {
		if page > maxListPages {
			p.note("stopped after reading " + itoa(maxListPages*api.MaxLeadPageSize) + " leads: narrow the query")
			break
		}
		got, err := p.client.SearchLeads(ctx, p.q, page)
		if err != nil {
			return rows, err
		}
		if got.ContactSearchErr != nil {
			p.note("searching contacts failed, showing the lead search only: " + oneLine(describe(got.ContactSearchErr)))
		}
		if p.filtersApplied && p.q.IgnoredBy(got) {
			p.filtersApplied = false
			p.note(filtersOffNote)
		}
		local := p.q.LocalFilter(p.filtersApplied)
		fresh := 0
		for i := range got.Leads {
			l := &got.Leads[i]
			if seen[l.ID] {
				continue
			}
			seen[l.ID] = true
			fresh++
			if (local.HasFilters() && !local.Matches(l)) || rows >= p.limit {
				continue
			}
			if err := w.write(l); err != nil {
				return rows, err
			}
			rows++
		}
		if err := out.Flush(); err != nil {
			return rows, err
		}
		// A server that repeats a page instead of moving on ends the list.
		if !got.HasNext || fresh == 0 {
			break
		}
	}
	return rows, nil
}
