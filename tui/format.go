package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/leadscope/leadscope/api"
)

// dateLayout is unambiguous in every locale and sorts as text.
const dateLayout = "2006-01-02 15:04"

// formatWhen shows t in loc with a hint relative to now, e.g.
// "2024-05-01 10:30 (3 days ago)", or "(3d ago)" when that would not fit in
// width columns.
func formatWhen(t, now time.Time, loc *time.Location, width int) string {
	if t.IsZero() {
		return ""
	}
	date := t.In(loc).Format(dateLayout)
	long := date + " (" + relative(t, now, false) + ")"
	if len(long) <= width {
		return long
	}
	return date + " (" + relative(t, now, true) + ")"
}

var shortUnits = map[string]string{"minute": "m", "hour": "h", "day": "d", "month": "mo", "year": "y"}

// relative says how far t is from now in the largest whole unit, as
// "3 days ago" or, short, "3d ago".
func relative(t, now time.Time, short bool) string {
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

// formatLaborCost turns Kommo's labor_cost seconds into "2h 30m".
func formatLaborCost(seconds int64) string {
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

// formatMoney is api.FormatMoney: the lead browser and `get` word money alike.
func formatMoney(amount float64, currency string) string { return api.FormatMoney(amount, currency) }

// formatQuantity drops a fractional part of zero: 2 not 2.000000.
func formatQuantity(q float64) string {
	return strconv.FormatFloat(q, 'f', -1, 64)
}
