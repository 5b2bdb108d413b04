package common

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/leadscope/leadscope/api"
)

// DateLayout is unambiguous in every locale and sorts as text.
const DateLayout = "2006-01-02 15:04"

// When shows t in loc with a hint relative to now, e.g.
// "2024-05-01 10:30 (3 days ago)", or "(3d ago)" when that would not fit in
// width columns.
func When(t, now time.Time, loc *time.Location, width int) string {
	if t.IsZero() {
		return ""
	}
	date := t.In(loc).Format(DateLayout)
	long := date + " (" + Relative(t, now, false) + ")"
	if len(long) <= width {
		return long
	}
	return date + " (" + Relative(t, now, true) + ")"
}

var shortUnits = map[string]string{"minute": "m", "hour": "h", "day": "d", "month": "mo", "year": "y"}

// Relative says how far t is from now in the largest whole unit, as
// "3 days ago" or, short, "3d ago".
func Relative(t, now time.Time, short bool) string {
	d := now.Sub(t)
	future := d < 0
	if future {
		d = -d
	}
	var n int64
	var unit string
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		n, unit = int64(d/time.Minute), "minute"
	case d < 24*time.Hour:
		n, unit = int64(d/time.Hour), "hour"
	case d < 30*24*time.Hour:
		n, unit = int64(d/(24*time.Hour)), "day"
	case d < 365*24*time.Hour:
		n, unit = int64(d/(30*24*time.Hour)), "month"
	default:
		n, unit = int64(d/(365*24*time.Hour)), "year"
	}
	amount := fmt.Sprintf("%d %s", n, unit)
	switch {
	case short:
		amount = fmt.Sprintf("%d%s", n, shortUnits[unit])
	case n != 1:
		amount += "s"
	}
	if future {
		return "in " + amount
	}
	return amount + " ago"
}

// LaborCost turns Kommo's labor_cost seconds into "2h 30m".
func LaborCost(seconds int64) string {
	if seconds <= 0 {
		return "0m"
	}
	d := time.Duration(seconds) * time.Second
	days := int64(d / (24 * time.Hour))
	d -= time.Duration(days) * 24 * time.Hour
	hours := int64(d / time.Hour)
	d -= time.Duration(hours) * time.Hour
	minutes := int64(d / time.Minute)
	secs := int64((d - time.Duration(minutes)*time.Minute) / time.Second)
	var parts []string
	if days > 0 {
		parts = append(parts, strconv.FormatInt(days, 10)+"d")
	}
	if hours > 0 {
		parts = append(parts, strconv.FormatInt(hours, 10)+"h")
	}
	if minutes > 0 {
		parts = append(parts, strconv.FormatInt(minutes, 10)+"m")
	}
	if secs > 0 && days == 0 && hours == 0 {
		parts = append(parts, strconv.FormatInt(secs, 10)+"s")
	}
	return strings.Join(parts, " ")
}

// Money groups thousands and appends the account's currency, keeping
// minor units only when there are any: "1,500,000 USD", "99.50 EUR". It is
// api.FormatMoney, so the lead browser and `get` word money alike.
func Money(amount float64, currency string) string { return api.FormatMoney(amount, currency) }

// Quantity drops a fractional part of zero: 2 not 2.000000.
func Quantity(q float64) string {
	return strconv.FormatFloat(q, 'f', -1, 64)
}

// Wait says how long to wait in the unit a person would use.
func Wait(d time.Duration) string {
	secs := int64(d.Round(time.Second) / time.Second)
	switch {
	case secs < 1:
		return "a moment"
	case secs <= 120:
		return strconv.FormatInt(secs, 10) + "s"
	case secs < 2*3600:
		return strconv.FormatInt((secs+59)/60, 10) + " min"
	}
	return strconv.FormatInt((secs+3599)/3600, 10) + " h"
}

// Due shows a deadline like When, but one already past says "overdue":
// "2024-05-01 10:30 (overdue 3 days)", short "(overdue 3d)" when width is
// tight. The word carries the meaning without colour (NO_COLOR).
func Due(t, now time.Time, loc *time.Location, width int) (string, bool) {
	if t.IsZero() || !t.Before(now) {
		return When(t, now, loc, width), false
	}
	date := t.In(loc).Format(DateLayout)
	late := strings.TrimSuffix(Relative(t, now, false), " ago")
	if late == "just now" {
		late = "now"
	}
	long := date + " (overdue " + late + ")"
	if len(long) <= width {
		return long, true
	}
	return date + " (overdue " + strings.TrimSuffix(Relative(t, now, true), " ago") + ")", true
}
