package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// leadView renders a lead as plain text for `leadscope get`. Every string from
// the API goes through cleanLine before it is written.
type leadView struct {
	lead    *api.Lead
	dir     *api.Directory
	related *api.Related
	webURL  string
	zones   timeZones
	now     time.Time
}

func cleanLine(s string) string { return sanitize.Line(s) }

type row struct{ label, value string }

func (v leadView) render() string {
	var b strings.Builder
	l := v.lead
	fmt.Fprintf(&b, "Lead %d: %s\n", l.ID, cleanLine(orDash(l.Name)))
	writeRows(&b, v.summaryRows())
	if v.zones.note != "" {
		fmt.Fprintf(&b, "  %s\n", v.zones.note)
	}
	writeTags(&b, v.lead.Embedded.Tags)
	v.writeContacts(&b)
	v.writeCompanies(&b)
	v.writeCatalog(&b)
	writeFields(&b, "Custom fields", l.CustomFields, v.fieldFormatter())
	return b.String()
}

// leadTimes are the lead's timestamps, so a zone note can tell whether any
// of them would read differently in this machine's zone.
func leadTimes(l *api.Lead) []time.Time {
	var out []time.Time
	for _, sec := range []*int64{&l.CreatedAt, &l.UpdatedAt, l.ClosedAt, l.ClosestTaskAt} {
		if t := api.UnixTime(sec, time.UTC); !t.IsZero() {
			out = append(out, t)
		}
	}
	return out
}

// fieldFormatter words custom fields as the lead browser does: calendar
// dates in the account's zone, times in the chosen one, money in the
// account's currency, lists and the lead's list elements by name.
func (v leadView) fieldFormatter() api.FieldFormatter {
	return api.FieldFormatter{
		Location:     v.zones.times,
		DateLocation: v.zones.dates,
		Currency:     v.currency(),
		CatalogName:  v.dir.CatalogName,
		ElementName: func(catalogID, elementID int64) (string, bool) {
			for _, e := range v.related.CatalogElements {
				if e.ID == elementID && e.CatalogID == catalogID {
					return e.Name, e.Name != ""
				}
			}
			return "", false
		},
	}
}

func (v leadView) summaryRows() []row {
	l := v.lead
	rows := []row{
		{"Price", v.price()},
		{"Stage", v.stage()},
		{"Responsible", v.userName(l.ResponsibleUserID)},
		{"Created", v.when(&l.CreatedAt) + byWhom(v.userName(l.CreatedBy))},
		{"Updated", v.when(&l.UpdatedAt) + byWhom(v.userName(l.UpdatedBy))},
		{"Closed", v.when(l.ClosedAt)},
		{"Next task", v.nextTask()},
		{"Score", optionalInt(l.Score)},
		{"Labor cost", laborCost(l.LaborCost)},
		{"Loss reason", v.lossReason()},
		{"Source", v.source()},
		{"Price set", priceSet(l.IsPriceModifiedByRobot)},
		{"Deleted", yesNo(l.IsDeleted)},
		{"Link", v.webURL},
	}
	return rows
}

func writeRows(b *strings.Builder, rows []row) {
	width := 0
	for _, r := range rows {
		width = max(width, len(r.label))
	}
	for _, r := range rows {
		fmt.Fprintf(b, "  %-*s  %s\n", width, r.label, r.value)
	}
}

func (v leadView) price() string {
	amount := float64(v.lead.Price)
	if v.lead.PriceWithMinorUnits != nil {
		amount = *v.lead.PriceWithMinorUnits
	}
	return api.FormatMoney(amount, v.currency())
}

// currency is the account's currency code, else its symbol, as the lead
// browser shows it.
func (v leadView) currency() string {
	if v.dir.Account == nil {
		return ""
	}
	if c := cleanLine(v.dir.Account.Currency); strings.TrimSpace(c) != "" {
		return c
	}
	return cleanLine(v.dir.Account.CurrencySymbol)
}

func (v leadView) stage() string {
	l := v.lead
	pipeline, status, _ := v.dir.Status(l.PipelineID, l.StatusID)
	pipelineName := cleanLine(pipeline.Name)
	if strings.TrimSpace(pipelineName) == "" {
		pipelineName = fmt.Sprintf("pipeline #%d", l.PipelineID)
	}
	stageName := cleanLine(status.Name)
	if strings.TrimSpace(stageName) == "" {
		stageName = fmt.Sprintf("stage #%d", l.StatusID)
	}
	return pipelineName + " ▸ " + stageName
}

func (v leadView) userName(id int64) string {
	if id == 0 {
		return "—"
	}
	if name, ok := v.dir.UserName(id); ok {
		return cleanLine(name)
	}
	return "#" + strconv.FormatInt(id, 10)
}

func byWhom(name string) string {
	if name == "—" {
		return ""
	}
	return " by " + name
}

func (v leadView) when(sec *int64) string {
	t := api.UnixTime(sec, v.zones.times)
	if t.IsZero() {
		return "—"
	}
	return tui.FormatWhen(t, v.now, v.zones.times)
}

// nextTask is the closest task's due time; one in the past is overdue,
// and says so in words: "2024-05-01 10:00 (overdue 2 days)".
func (v leadView) nextTask() string {
	t := api.UnixTime(v.lead.ClosestTaskAt, v.zones.times)
	if t.IsZero() || !t.Before(v.now) {
		return v.when(v.lead.ClosestTaskAt)
	}
	date, ago, ok := strings.Cut(tui.FormatWhen(t, v.now, v.zones.times), " (")
	ago = strings.TrimSuffix(strings.TrimSuffix(ago, ")"), " ago")
	if !ok || ago == "just now" {
		return date + " (overdue)"
	}
	return date + " (overdue " + ago + ")"
}

// priceSet says who set the price, in the lead browser's words.
func priceSet(byRobot *bool) string {
	switch {
	case byRobot == nil:
		return "—"
	case *byRobot:
		return "by a robot"
	}
	return "by a user"
}

func (v leadView) lossReason() string {
	name := ""
	if r := v.lead.Embedded.LossReason; r != nil {
		name = r.Name
	}
	return nameOrID(name, v.lead.LossReasonID)
}

func (v leadView) source() string {
	name := ""
	if s := v.lead.Embedded.Source; s != nil {
		name = s.Name
	}
	return nameOrID(name, v.lead.SourceID)
}

// nameOrID shows an embedded entity's name, else its bare ID, else a dash.
func nameOrID(name string, id *int64) string {
	if name != "" {
		return cleanLine(name)
	}
	if id != nil && *id != 0 {
		return "#" + strconv.FormatInt(*id, 10)
	}
	return "—"
}

// writeTags lists tags on one line, each in brackets; nothing when there
// are none.
func writeTags(b *strings.Builder, tags []api.Tag) {
	if len(tags) == 0 {
		return
	}
	names := make([]string, len(tags))
	for i, t := range tags {
		names[i] = "[" + cleanLine(t.Name) + "]"
	}
	fmt.Fprintf(b, "\nTags (%d): %s\n", len(tags), strings.Join(names, " "))
}

func (v leadView) writeContacts(b *strings.Builder) {
	refs := v.lead.Embedded.Contacts
	if len(refs) == 0 {
		return
	}
	byID := indexByID(v.related.Contacts, func(c api.Contact) int64 { return c.ID })
	fmt.Fprintf(b, "\nContacts (%d):\n", len(refs))
	for _, ref := range refs {
		marker := " "
		if ref.IsMain {
			marker = "*"
		}
		c, ok := byID[ref.ID]
		if !ok {
			fmt.Fprintf(b, "  %s #%d\n", marker, ref.ID)
			continue
		}
		fmt.Fprintf(b, "  %s %s%s\n", marker, cleanLine(orDash(c.Name)), contactDetails(c.Phones(), c.Emails()))
	}
}

// indexByID lets the lead's references, in Kommo's order, find the
// entities the batched lookups returned.
func indexByID[T any](items []T, id func(T) int64) map[int64]T {
	byID := make(map[int64]T, len(items))
	for _, item := range items {
		byID[id(item)] = item
	}
	return byID
}

func contactDetails(phones, emails []string) string {
	var parts []string
	for _, list := range [][]string{phones, emails} {
		for _, s := range list {
			parts = append(parts, cleanLine(s))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "  " + strings.Join(parts, ", ")
}

func (v leadView) writeCompanies(b *strings.Builder) {
	refs := v.lead.Embedded.Companies
	if len(refs) == 0 {
		return
	}
	byID := indexByID(v.related.Companies, func(c api.Company) int64 { return c.ID })
	fmt.Fprintf(b, "\nCompanies (%d):\n", len(refs))
	for _, ref := range refs {
		if c, ok := byID[ref.ID]; ok {
			fmt.Fprintf(b, "  %s%s\n", cleanLine(orDash(c.Name)), contactDetails(c.Phones(), c.Emails()))
		} else {
			fmt.Fprintf(b, "  #%d\n", ref.ID)
		}
	}
}

func (v leadView) writeCatalog(b *strings.Builder) {
	refs := v.lead.Embedded.CatalogElements
	if len(refs) == 0 {
		return
	}
	byID := indexByID(v.related.CatalogElements, func(el api.CatalogElement) int64 { return el.ID })
	fmt.Fprintf(b, "\nCatalog elements (%d):\n", len(refs))
	for _, ref := range refs {
		name := "#" + strconv.FormatInt(ref.ID, 10)
		if el, ok := byID[ref.ID]; ok {
			name = cleanLine(orDash(el.Name))
		}
		list := "list #" + strconv.FormatInt(ref.Metadata.CatalogID, 10)
		if n, ok := v.dir.CatalogName(ref.Metadata.CatalogID); ok {
			list = cleanLine(n)
		}
		fmt.Fprintf(b, "  %s (%s) × %s%s\n", name, list, strconv.FormatFloat(ref.Metadata.Quantity, 'f', -1, 64), v.elementPrice(byID, ref))
	}
}

// elementPrice is " at 41.65 USD": the element's price of the type the
// lead chose (metadata.price_id), else its first price; "" without one.
func (v leadView) elementPrice(byID map[int64]api.CatalogElement, ref api.CatalogElementRef) string {
	el, ok := byID[ref.ID]
	if !ok {
		return ""
	}
	f, ok := el.Price(ref.Metadata.PriceID)
	if !ok {
		return ""
	}
	if price := cleanLine(v.fieldFormatter().Format(f)); strings.TrimSpace(price) != "" {
		return " at " + price
	}
	return ""
}

func writeFields(b *strings.Builder, title string, fields []api.CustomField, ff api.FieldFormatter) {
	if len(fields) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s (%d):\n", title, len(fields))
	rows := make([]row, len(fields))
	for i, f := range fields {
		label := f.FieldName
		if label == "" {
			label = "field #" + strconv.FormatInt(f.FieldID, 10)
		}
		rows[i] = row{cleanLine(label), cleanLine(ff.Format(f))}
	}
	writeRows(b, rows)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func optionalInt(p *int64) string {
	if p == nil {
		return "—"
	}
	return strconv.FormatInt(*p, 10)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func laborCost(sec *int64) string {
	if sec == nil || *sec <= 0 {
		return "—"
	}
	return tui.FormatLaborCost(*sec)
}
