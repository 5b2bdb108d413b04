package cli

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui"
)

// leadWriter prints leads one at a time; flush ends the output.
type leadWriter interface {
	write(l *api.Lead) error
	flush() error
}

// newLeadWriter picks the output: NDJSON for --json, an aligned table on a
// terminal, tab-separated values when piped.
func newLeadWriter(e *Env, out io.Writer, asJSON bool, dir *api.Directory, now time.Time) leadWriter {
	switch {
	case asJSON:
		return ndjsonWriter{out: out}
	case e.OutIsTTY:
		return &tableWriter{out: out, names: newLeadNames(dir, now), style: newTableStyle(e), width: terminalWidth(e)}
	}
	return tsvWriter{out: out, names: newLeadNames(dir, now)}
}

// ndjsonWriter prints each lead object exactly as Kommo sent it, one per
// line; only runes a terminal would act on are escaped (the JSON value is unchanged).
type ndjsonWriter struct{ out io.Writer }

func (w ndjsonWriter) write(l *api.Lead) error {
	line := append(escapeInvisible(l.Raw), '\n')
	_, err := w.out.Write(line)
	return err
}

func (ndjsonWriter) flush() error { return nil }

// tsvWriter prints one line per lead for scripts: id, name, pipeline,
// stage, price, currency, responsible, updated (RFC 3339, UTC). Every value
// is one clean line, so tabs and newlines in Kommo's data cannot shift columns.
type tsvWriter struct {
	out   io.Writer
	names leadNames
}

func (w tsvWriter) write(l *api.Lead) error {
	pipeline, stage, _ := w.names.stage(l)
	fields := []string{
		strconv.FormatInt(l.ID, 10), cleanLine(l.Name), pipeline, stage,
		strconv.FormatFloat(leadAmount(l), 'f', -1, 64), w.names.currency(),
		w.names.user(l.ResponsibleUserID), time.Unix(l.UpdatedAt, 0).UTC().Format(time.RFC3339),
	}
	_, err := io.WriteString(w.out, strings.Join(fields, "\t")+"\n")
	return err
}

func (tsvWriter) flush() error { return nil }

// leadNames turns a lead's IDs into words through the account data.
type leadNames struct {
	dir       *api.Directory
	now       time.Time
	pipelines int
}

func newLeadNames(dir *api.Directory, now time.Time) leadNames {
	if dir == nil {
		dir = &api.Directory{}
	}
	return leadNames{dir: dir, now: now, pipelines: len(dir.Pipelines)}
}

// stage returns the pipeline's and stage's names (IDs when unknown) and the stage's colour.
func (n leadNames) stage(l *api.Lead) (pipeline, stage, color string) {
	p, s, ok := n.dir.Status(l.PipelineID, l.StatusID)
	pipeline, stage = "#"+strconv.FormatInt(l.PipelineID, 10), "#"+strconv.FormatInt(l.StatusID, 10)
	if p.ID != 0 {
		pipeline = cleanLine(p.Name)
	}
	if ok {
		stage, color = cleanLine(s.Name), s.Color
	}
	return pipeline, stage, color
}

func (n leadNames) user(id int64) string {
	if id == 0 {
		return ""
	}
	if name, ok := n.dir.UserName(id); ok {
		return cleanLine(name)
	}
	return "#" + strconv.FormatInt(id, 10)
}

func (n leadNames) currency() string {
	if n.dir.Account == nil {
		return ""
	}
	return cleanLine(n.dir.Account.Currency)
}

func (n leadNames) price(l *api.Lead) string {
	return tui.FormatMoney(leadAmount(l), n.currency())
}

func leadAmount(l *api.Lead) float64 {
	if l.PriceWithMinorUnits != nil {
		return *l.PriceWithMinorUnits
	}
	return float64(l.Price)
}

func itoa(n int) string { return strconv.Itoa(n) }
