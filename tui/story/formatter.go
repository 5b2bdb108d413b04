package story

import (
	"strconv"
	"time"
)

// Formatter turns a lead's notes, events and tasks into entries. It holds
// the names to resolve IDs with, the zone to show times in (the TUI passes
// the account's) and the moment relative times are measured from.
type Formatter struct {
	names Names
	loc   *time.Location
	now   time.Time
}

// New returns a formatter; nil names show bare IDs, a nil zone is UTC.
func New(names Names, loc *time.Location, now time.Time) *Formatter {
	if names == nil {
		names = noNames{}
	}
	if loc == nil {
		loc = time.UTC
	}
	return &Formatter{names: names, loc: loc, now: now}
}

// DateLayout is how absolute times are written: unambiguous in every
// locale, and it sorts as text.
const DateLayout = "2006-01-02 15:04"

// unixTime reads Kommo's unix seconds; 0 (absent) is the zero time.
func (f *Formatter) unixTime(sec int64) time.Time {
	if sec == 0 {
		return time.Time{}
	}
	return time.Unix(sec, 0).In(f.loc)
}

// When writes t in the formatter's zone, "" for the zero time.
func (f *Formatter) When(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(f.loc).Format(DateLayout)
}

// Ago says how far t is from now in its largest whole unit: "3 days ago",
// "in 2 hours", "just now"; "" for the zero time.
func (f *Formatter) Ago(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := f.now.Sub(t)
	if d > -time.Minute && d < time.Minute {
		return "just now"
	}
	if d < 0 {
		return "in " + longSpan(-d)
	}
	return longSpan(d) + " ago"
}

// longSpan is a duration in its largest whole unit: "3 days", "5 hours".
func longSpan(d time.Duration) string {
	const day = 24 * time.Hour
	switch {
	case d < time.Minute:
		return "less than a minute"
	case d < time.Hour:
		return plural(int64(d/time.Minute), "minute")
	case d < day:
		return plural(int64(d/time.Hour), "hour")
	case d < 30*day:
		return plural(int64(d/day), "day")
	case d < 365*day:
		return plural(int64(d/(30*day)), "month")
	}
	return plural(int64(d/(365*day)), "year")
}

// shortSpan is a stay in a stage as the path shows it: "2d", "5h", "12m",
// "<1m"; days stay days, so stays compare at a glance.
func shortSpan(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "<1m"
	case d < time.Hour:
		return strconv.FormatInt(int64(d/time.Minute), 10) + "m"
	case d < 24*time.Hour:
		return strconv.FormatInt(int64(d/time.Hour), 10) + "h"
	}
	return strconv.FormatInt(int64(d/(24*time.Hour)), 10) + "d"
}

// clockSpan writes seconds as a call's length: "3m 20s", "1h 2m", "45s".
func clockSpan(seconds int64) string {
	if seconds <= 0 {
		return ""
	}
	h, m, s := seconds/3600, seconds%3600/60, seconds%60
	switch {
	case h > 0 && m > 0:
		return strconv.FormatInt(h, 10) + "h " + strconv.FormatInt(m, 10) + "m"
	case h > 0:
		return strconv.FormatInt(h, 10) + "h"
	case m > 0 && s > 0:
		return strconv.FormatInt(m, 10) + "m " + strconv.FormatInt(s, 10) + "s"
	case m > 0:
		return strconv.FormatInt(m, 10) + "m"
	}
	return strconv.FormatInt(s, 10) + "s"
}

// user names a user: its name, "#ID" when unknown, "system" for 0 (robots,
// integrations and Kommo itself write as user 0).
func (f *Formatter) user(id int64) string {
	if id == 0 {
		return "system"
	}
	if name, ok := f.names.UserName(id); ok {
		if clean := line(name, maxNameRunes); clean != "" {
			return clean
		}
	}
	return "#" + strconv.FormatInt(id, 10)
}

// StageRef is a stage as the story shows it, resolved through Names.
type StageRef struct {
	PipelineID, StatusID int64
	Pipeline             string // the pipeline's name, or "pipeline #ID"
	Name                 string // the stage's name, or "stage #ID"
	Color                string // Kommo's hex colour; "" when unknown
	Known                bool   // Names knew the stage
}

func (f *Formatter) stage(pipelineID, statusID int64) StageRef {
	ref := StageRef{PipelineID: pipelineID, StatusID: statusID}
	ref.Pipeline = "pipeline #" + strconv.FormatInt(pipelineID, 10)
	if name, ok := f.names.PipelineName(pipelineID); ok && line(name, maxNameRunes) != "" {
		ref.Pipeline = line(name, maxNameRunes)
	}
	ref.Name = "stage #" + strconv.FormatInt(statusID, 10)
	if name, color, ok := f.names.Stage(pipelineID, statusID); ok && line(name, maxNameRunes) != "" {
		ref.Name, ref.Color, ref.Known = line(name, maxNameRunes), line(color, 16), true
	}
	return ref
}

func (s StageRef) same(o StageRef) bool {
	return s.PipelineID == o.PipelineID && s.StatusID == o.StatusID
}

// withPipeline is "Sales › Qualified".
func (s StageRef) withPipeline() string { return s.Pipeline + " › " + s.Name }
