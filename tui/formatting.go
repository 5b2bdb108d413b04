package tui

import (
	"math"
	"time"

	"github.com/leadscope/leadscope/tui/common"
)

// These let `leadscope get` word dates, money and durations exactly as the
// lead browser does.

// FormatWhen shows t in loc with a hint relative to now: "2024-05-01 10:30 (3 days ago)".
func FormatWhen(t, now time.Time, loc *time.Location) string {
	return common.When(t, now, loc, math.MaxInt)
}

// FormatMoney groups thousands and appends the currency: "12,500 USD".
func FormatMoney(amount float64, currency string) string { return common.Money(amount, currency) }

// FormatLaborCost turns labor_cost seconds into "2h 30m".
func FormatLaborCost(seconds int64) string { return common.LaborCost(seconds) }
