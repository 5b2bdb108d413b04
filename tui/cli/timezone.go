package cli

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/auth"
)

// tzUsage is the --tz flag's help, shared by `get` and the lead browser.
const tzUsage = "show times in `ZONE`: account (the account's zone, as Kommo's web card does), local, or a zone such as Europe/Berlin or +03:00 (default: config.json's tz, else account)"

// zoneChoice is where timestamps are shown. Calendar dates (date and
// birthday fields) are always shown in the account's zone, where Kommo
// stores them as midnight.
type zoneChoice struct {
	account bool           // the account's zone, once /account has told it
	loc     *time.Location // otherwise: time.Local or the named zone
}

// parseZoneChoice reads "account", "local" or a zone name or UTC offset.
func parseZoneChoice(s string) (zoneChoice, error) {
	switch v := strings.TrimSpace(s); strings.ToLower(v) {
	case "account":
		return zoneChoice{account: true}, nil
	case "local":
		return zoneChoice{loc: time.Local}, nil
	default:
		loc, ok := api.LoadZone(v)
		if !ok {
			return zoneChoice{}, fmt.Errorf("unknown time zone %.64q: use account, local, or a zone such as Europe/Berlin or +03:00", v)
		}
		return zoneChoice{loc: loc}, nil
	}
}

// resolveZoneChoice picks the zone: --tz when given, else config.json's tz,
// else the account's. A bad value is the user's to fix: a usage error.
func resolveZoneChoice(e *Env, fs *flagSet, flagValue string) (zoneChoice, error) {
	if flagGiven(fs, "tz") {
		c, err := parseZoneChoice(flagValue)
		if err != nil {
			return c, fmt.Errorf("--tz: %w", err)
		}
		return c, nil
	}
	configured, path, err := configuredZone(e)
	if err != nil {
		return zoneChoice{}, err
	}
	if configured == "" {
		return zoneChoice{account: true}, nil
	}
	c, err := parseZoneChoice(configured)
	if err != nil {
		return c, fmt.Errorf("tz in %s: %w", path, err)
	}
	return c, nil
}

// configuredZone is config.json's tz; "" when there is no config directory
// or no tz in it.
func configuredZone(e *Env) (string, string, error) {
	dir, err := auth.DefaultDir(e.Getenv)
	if err != nil {
		return "", "", nil
	}
	s, err := auth.LoadSettings(dir, e.Getenv, auth.Overrides{})
	if err != nil {
		return "", "", err
	}
	return s.TimeZone, auth.ConfigPath(dir), nil
}

func flagGiven(fs *flagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// timeZones are the zones one lead is shown in.
type timeZones struct {
	times *time.Location // created, updated, closed, next task, date_time fields
	dates *time.Location // date and birthday fields
	note  string         // one line naming the zone of times when it is not the machine's; "" otherwise
}

// zonesFor applies the choice to an account, which may not know its zone
// (an account read without datetime_settings, or none at all): then dates
// and times fall back to the chosen zone, the machine's for "account".
func zonesFor(c zoneChoice, account *api.Account, at []time.Time) timeZones {
	accountZone, known := account.Location()
	z := timeZones{times: c.loc, dates: accountZone}
	label := ""
	if c.account {
		z.times, label = accountZone, " (account)"
		if !known {
			z.times, label = time.Local, ""
		}
	}
	if !known {
		z.dates = z.times
	}
	if !sameOffsets(z.times, time.Local, at) {
		z.note = "Times in " + z.times.String() + label
	}
	return z
}

// sameOffsets tells whether two zones read the same at the given instants
// and around now: time.Local is named "Local" whatever it is, so names
// cannot be compared.
func sameOffsets(a, b *time.Location, at []time.Time) bool {
	now := time.Now()
	for _, t := range append([]time.Time{now, now.AddDate(0, 6, 0)}, at...) {
		if t.IsZero() {
			continue
		}
		_, ao := t.In(a).Zone()
		_, bo := t.In(b).Zone()
		if ao != bo {
			return false
		}
	}
	return true
}
