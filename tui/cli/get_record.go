package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/api/cache"
)

// recordLeadLimit is how many of a contact's or company's leads `get`
// lists: the newest, one request. The rest are counted.
const recordLeadLimit = 250

// recordKind is what `get contact|company` prints.
type recordKind struct {
	word    string // "contact" or "company", as typed
	section string // api.SectionContacts or api.SectionCompanies
}

var recordKinds = []recordKind{{"contact", api.SectionContacts}, {"company", api.SectionCompanies}}

// runGetAny is `get`: a contact or a company when the first argument says
// so ("contact", "company", or such a record's URL), else a lead.
func runGetAny(ctx context.Context, e *Env, args []string) int {
	if kind, ok := recordKindOf(args); ok {
		return runGetRecord(ctx, e, kind, args)
	}
	return runGet(ctx, e, args)
}

// getValueFlags are get's flags that take a value as the next argument.
var getValueFlags = map[string]bool{"account": true, "timeout": true, "limit": true}

// recordKindOf reads the first positional argument of get.
func recordKindOf(args []string) (recordKind, bool) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			if i+1 < len(args) {
				return kindOfWord(args[i+1])
			}
			return recordKind{}, false
		}
		if strings.HasPrefix(arg, "-") && !looksNegative(arg) {
			name := strings.TrimLeft(arg, "-")
			if !strings.Contains(name, "=") && getValueFlags[name] {
				i++ // its value
			}
			continue
		}
		return kindOfWord(arg)
	}
	return recordKind{}, false
}

func kindOfWord(arg string) (recordKind, bool) {
	section := api.RecordURLSection(arg)
	for _, k := range recordKinds {
		if strings.EqualFold(arg, k.word) || section == k.section {
			return k, true
		}
	}
	return recordKind{}, false
}

func runGetRecord(ctx context.Context, e *Env, kind recordKind, args []string) int {
	defer limitGetMemory(e)()
	fs := newFlags(e, "get", "leadscope get contact|company ID|URL [--json] [--refresh] [--account ACCOUNT] [--tz account|local|ZONE]")
	asJSON := fs.Bool("json", false, "print the "+kind.word+" exactly as Kommo returned it")
	flags := addGetFlags(fs)
	positional, err := fs.parseInterleaved(args)
	if err != nil {
		return fs.usageError(err)
	}
	if len(positional) > 0 && strings.EqualFold(positional[0], kind.word) {
		positional = positional[1:]
	}
	if len(positional) != 1 {
		return fail(e, ExitUsage, "get %s needs exactly one %s ID or URL, e.g. leadscope get %s 123", kind.word, kind.word, kind.word)
	}
	if _, err := api.ParseRecordRef(kind.section, positional[0]); err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	s, code := flags.connect(e, fs)
	if code != ExitOK {
		return code
	}
	// Only now is the account known: another account's URL is refused
	// before any request, as its ID means a different record here.
	id, err := s.client.ParseRecordRef(kind.section, positional[0])
	if err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	s.warnAtStart(e)
	defer s.warnAtEnd(e)
	req := recordRequest{kind: kind, id: id, refresh: *flags.refresh, zone: s.zone}
	if *asJSON {
		return printRaw(ctx, e, s.src, req.refresh, recordJSON(s.client, req))
	}
	return printRecord(ctx, e, s.client, s.src, req)
}

// recordRequest is what `get contact|company` asked for.
type recordRequest struct {
	kind    recordKind
	id      int64
	refresh bool
	zone    zoneChoice
}

// recordJSON is a record's body as Kommo sent it, for --json.
func recordJSON(client *api.Client, req recordRequest) func(context.Context) ([]byte, error) {
	return func(ctx context.Context) ([]byte, error) {
		rec, err := fetchRecord(ctx, client, req.kind, req.id)
		if err != nil {
			return nil, err
		}
		return rec.raw, nil
	}
}

// fetchedRecord is a contact or a company with what its summary needs.
type fetchedRecord struct {
	kind          recordKind
	id            int64
	name          string
	responsible   int64
	createdBy     int64
	updatedBy     int64
	createdAt     int64
	updatedAt     int64
	closestTaskAt *int64
	deleted       bool
	phones        []string
	emails        []string
	fields        []api.CustomField
	tags          []api.Tag
	leadIDs       []int64
	linkedIDs     []int64
	raw           []byte
}

func fetchRecord(ctx context.Context, client *api.Client, kind recordKind, id int64) (*fetchedRecord, error) {
	if kind.section == api.SectionCompanies {
		c, err := client.GetCompany(ctx, id)
		if err != nil {
			return nil, err
		}
		r := &fetchedRecord{kind: kind, id: c.ID, name: c.Name, responsible: c.ResponsibleUserID,
			createdBy: c.CreatedBy, updatedBy: c.UpdatedBy, createdAt: c.CreatedAt, updatedAt: c.UpdatedAt,
			closestTaskAt: c.ClosestTaskAt, deleted: c.IsDeleted, phones: c.Phones(), emails: c.Emails(),
			fields: c.CustomFields, tags: c.Embedded.Tags, raw: c.Raw}
		for _, l := range c.Embedded.Leads {
			r.leadIDs = append(r.leadIDs, l.ID)
		}
		for _, ct := range c.Embedded.Contacts {
			r.linkedIDs = append(r.linkedIDs, ct.ID)
		}
		return r, nil
	}
	c, err := client.GetContact(ctx, id)
	if err != nil {
		return nil, err
	}
	r := &fetchedRecord{kind: kind, id: c.ID, name: c.DisplayName(), responsible: c.ResponsibleUserID,
		createdBy: c.CreatedBy, updatedBy: c.UpdatedBy, createdAt: c.CreatedAt, updatedAt: c.UpdatedAt,
		closestTaskAt: c.ClosestTaskAt, deleted: c.IsDeleted, phones: c.Phones(), emails: c.Emails(),
		fields: c.CustomFields, tags: c.Embedded.Tags, raw: c.Raw}
	for _, l := range c.Embedded.Leads {
		r.leadIDs = append(r.leadIDs, l.ID)
	}
	for _, co := range c.Embedded.Companies {
		r.linkedIDs = append(r.linkedIDs, co.ID)
	}
	return r, nil
}

// printRecord prints the summary: facts, tags, the linked companies or
// contacts by name, the newest leads with their stages, the custom fields.
// The account's names come from the cache (or are fetched alongside); the
// leads and the linked names are fetched at once, alongside each other.
func printRecord(ctx context.Context, e *Env, client *api.Client, src *cache.Source, req recordRequest) int {
	var background sync.WaitGroup
	defer background.Wait()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	directory, revalidated := startDirectory(ctx, src, req.refresh, &background)
	rec, err := fetchRecord(ctx, client, req.kind, req.id)
	if err != nil {
		cancel()
		return fail(e, exitCode(err), "%v", describe(err))
	}
	leadIDs := api.NewestLeadIDs(rec.leadIDs)
	shown := leadIDs[:min(len(leadIDs), recordLeadLimit)]
	leadsDone := make(chan leadsResult, 1)
	background.Go(func() {
		leads, err := client.LeadsByID(ctx, shown)
		leadsDone <- leadsResult{leads, err}
	})
	linkedDone := make(chan []linkedName, 1)
	background.Go(func() { linkedDone <- loadLinkedNames(ctx, e, client, rec) })

	linked := <-linkedDone
	leads := <-leadsDone
	if leads.err != nil {
		warn(e, fmt.Errorf("leads not loaded: %w", leads.err))
	}
	dir := recordDirectory(ctx, e, src, <-directory, leads.leads)
	if _, known := dir.Account.Location(); !known && req.zone.account && dir.Account != nil {
		warn(e, errors.New("Kommo did not name the account's time zone; dates and times are in this machine's"))
	}
	v := recordView{rec: rec, dir: dir, linked: linked, leads: leads.leads, leadsErr: leads.err, asked: len(shown),
		webURL: recordWebURL(client, rec), zones: zonesFor(req.zone, dir.Account, recordTimes(rec)), now: e.now(), env: e}
	if _, err := e.Stdout.Write([]byte(v.render())); err != nil {
		return fail(e, ExitFailure, "writing output: %v", err)
	}
	awaitRevalidation(ctx, revalidated)
	return ExitOK
}

// recordDirectory completes the cached directory once, for the first lead
// that names what it lacks (a new stage); without one, names show as IDs.
func recordDirectory(ctx context.Context, e *Env, src *cache.Source, got directoryResult, leads []api.Lead) *api.Directory {
	if got.err != nil {
		warn(e, fmt.Errorf("names not resolved: %w", got.err))
		return &api.Directory{}
	}
	for i := range leads {
		if got.snap.Dir.Knows(&leads[i]) {
			continue
		}
		done, err := src.Complete(ctx, got.snap, &leads[i])
		if err != nil {
			warn(e, fmt.Errorf("some names not resolved: %w", err))
			break
		}
		return done.Dir
	}
	return got.snap.Dir
}

func recordTimes(r *fetchedRecord) []time.Time {
	var out []time.Time
	for _, sec := range []*int64{&r.createdAt, &r.updatedAt, r.closestTaskAt} {
		if t := api.UnixTime(sec, time.UTC); !t.IsZero() {
			out = append(out, t)
		}
	}
	return out
}

type leadsResult struct {
	leads []api.Lead
	err   error
}

type linkedName struct {
	id   int64
	name string
	ok   bool
}

// loadLinkedNames resolves a contact's companies or a company's contacts
// (at most recordLeadLimit, one request) into names.
func loadLinkedNames(ctx context.Context, e *Env, client *api.Client, rec *fetchedRecord) []linkedName {
	ids := rec.linkedIDs[:min(len(rec.linkedIDs), recordLeadLimit)]
	if len(ids) == 0 {
		return nil
	}
	names := map[int64]string{}
	var err error
	if rec.kind.section == api.SectionCompanies {
		var contacts []api.Contact
		contacts, err = client.Contacts(ctx, ids)
		for _, c := range contacts {
			names[c.ID] = c.DisplayName()
		}
	} else {
		var companies []api.Company
		companies, err = client.Companies(ctx, ids)
		for _, c := range companies {
			names[c.ID] = c.Name
		}
	}
	if err != nil {
		warn(e, fmt.Errorf("names of the linked records not resolved: %w", err))
	}
	out := make([]linkedName, len(ids))
	for i, id := range ids {
		name, ok := names[id]
		out[i] = linkedName{id: id, name: name, ok: ok}
	}
	return out
}

func recordWebURL(client *api.Client, rec *fetchedRecord) string {
	if rec.kind.section == api.SectionCompanies {
		return client.CompanyWebURL(rec.id)
	}
	return client.ContactWebURL(rec.id)
}

// recordView renders a contact or company as plain text; every string from
// the API goes through cleanLine before it is written.
type recordView struct {
	rec      *fetchedRecord
	dir      *api.Directory
	linked   []linkedName
	leads    []api.Lead
	leadsErr error
	asked    int
	webURL   string
	zones    timeZones
	now      time.Time
	env      *Env
}

func (v recordView) render() string {
	var b strings.Builder
	r := v.rec
	title := strings.ToUpper(r.kind.word[:1]) + r.kind.word[1:]
	fmt.Fprintf(&b, "%s %d: %s\n", title, r.id, cleanLine(orDash(r.name)))
	lv := leadView{dir: v.dir, zones: v.zones, now: v.now}
	writeRows(&b, []row{
		{"Responsible", lv.userName(r.responsible)},
		{"Phones", joinClean(r.phones)},
		{"E-mails", joinClean(r.emails)},
		{"Created", lv.when(&r.createdAt) + byWhom(lv.userName(r.createdBy))},
		{"Updated", lv.when(&r.updatedAt) + byWhom(lv.userName(r.updatedBy))},
		{"Next task", leadView{lead: &api.Lead{ClosestTaskAt: r.closestTaskAt}, zones: v.zones, now: v.now}.nextTask()},
		{"Deleted", yesNo(r.deleted)},
		{"Link", v.webURL},
	})
	if v.zones.note != "" {
		fmt.Fprintf(&b, "  %s\n", v.zones.note)
	}
	writeTags(&b, r.tags)
	v.writeLinked(&b)
	v.writeLeads(&b)
	writeFields(&b, "Custom fields", r.fields, api.FieldFormatter{
		Location: v.zones.times, DateLocation: v.zones.dates, Currency: lv.currency(), CatalogName: v.dir.CatalogName,
	})
	return b.String()
}

func joinClean(list []string) string {
	if len(list) == 0 {
		return "—"
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = cleanLine(s)
	}
	return strings.Join(out, ", ")
}

func (v recordView) writeLinked(b *strings.Builder) {
	total := len(v.rec.linkedIDs)
	if total == 0 {
		return
	}
	title := "Companies"
	if v.rec.kind.section == api.SectionCompanies {
		title = "Contacts"
	}
	fmt.Fprintf(b, "\n%s (%d):\n", title, total)
	for _, l := range v.linked {
		if l.ok {
			fmt.Fprintf(b, "  %s  #%d\n", cleanLine(orDash(l.name)), l.id)
		} else {
			fmt.Fprintf(b, "  #%d\n", l.id)
		}
	}
	if rest := total - len(v.linked); rest > 0 {
		fmt.Fprintf(b, "  … %d more\n", rest)
	}
}

// writeLeads lists the newest leads as a table, recently active first,
// and says how many were left out.
func (v recordView) writeLeads(b *strings.Builder) {
	total := len(api.NewestLeadIDs(v.rec.leadIDs))
	if total == 0 {
		fmt.Fprintf(b, "\nLeads: none\n")
		return
	}
	fmt.Fprintf(b, "\nLeads (%d):\n", total)
	if v.leadsErr != nil {
		fmt.Fprintf(b, "  not loaded: %s\n", oneLine(describe(v.leadsErr)))
		return
	}
	leads := slices.Clone(v.leads)
	slices.SortStableFunc(leads, func(a, c api.Lead) int { return cmp.Compare(c.UpdatedAt, a.UpdatedAt) })
	var table strings.Builder
	w := &tableWriter{out: &table, names: newLeadNames(v.dir, v.now), style: newTableStyle(v.env), width: terminalWidth(v.env) - 2}
	for i := range leads {
		_ = w.write(&leads[i])
	}
	_ = w.flush()
	for _, line := range strings.Split(strings.TrimRight(table.String(), "\n"), "\n") {
		if line != "" {
			b.WriteString("  " + line + "\n")
		}
	}
	if missing := v.asked - len(v.leads); missing > 0 {
		fmt.Fprintf(b, "  (%d not returned by Kommo: deleted or not visible to you)\n", missing)
	}
	if rest := total - v.asked; rest > 0 {
		fmt.Fprintf(b, "  … showing the newest %s of %s leads\n", strconv.Itoa(v.asked), strconv.Itoa(total))
	}
}
