package sandbox

import "time"

// The account's time zone, deliberately not UTC: Kommo stores date and
// birthday values as midnight there, so a client that shows them in the
// viewer's zone shows the wrong day, and tests catch it.
const (
	AccountTimezone       = "America/Sao_Paulo"
	AccountTimezoneOffset = "-03:00"
)

// accountZone computes the seeded values. São Paulo has kept UTC-3 all
// year since 2019 and was on it on every earlier seeded date too, so a fixed
// zone is exact here (seed_test checks the values against the zone
// database); the sandbox needs no zone data of its own.
var accountZone = time.FixedZone("UTC"+AccountTimezoneOffset, -3*3600)

// accountMidnight is a calendar date as Kommo stores it: unix seconds of
// midnight in the account's zone.
func accountMidnight(year int, month time.Month, day int) int64 {
	return accountTime(year, month, day, 0, 0)
}

// accountTime is a wall-clock time in the account's zone, in unix seconds.
func accountTime(year int, month time.Month, day, hour, minute int) int64 {
	return time.Date(year, month, day, hour, minute, 0, 0, accountZone).Unix()
}
