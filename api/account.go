package api

import (
	"strconv"
	"strings"
	"time"
)

// accountWith asks GET /api/v4/account for everything leadscope uses in one
// request: the time zone (calendar dates are midnight there), the task
// type names, the user groups and whether list filters work.
const accountWith = "datetime_settings,task_types,users_groups,is_api_filter_enabled"

// DatetimeSettings is the account's _embedded.datetime_settings. The
// patterns use PHP date() letters ("d.m.Y H:i"); Timezone is an IANA name
// such as "Europe/Moscow" and TimezoneOffset its offset, "+03:00".
type DatetimeSettings struct {
	DatePattern      string `json:"date_pattern"`
	ShortDatePattern string `json:"short_date_pattern"`
	ShortTimePattern string `json:"short_time_pattern"`
	DateFormat       string `json:"date_format"`
	TimeFormat       string `json:"time_format"`
	Timezone         string `json:"timezone"`
	TimezoneOffset   string `json:"timezone_offset"`
}

// TaskType is one of the account's task types; 1 and 2 are Kommo's own.
type TaskType struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Code string `json:"code"`
}

// UsersGroup is a group of users (a department); Kommo's main group has ID 0.
type UsersGroup struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Kommo's built-in task types, present in every account.
const (
	TaskTypeFollowUp int64 = 1
	TaskTypeMeeting  int64 = 2
)

// UnmarshalJSON reads the settings leniently. The official PHP client
// writes the date format as "date_formant" (sic); either spelling is read.
func (s *DatetimeSettings) UnmarshalJSON(data []byte) error { s.decodeLooseJSON(data); return nil }

func (s *DatetimeSettings) decodeLooseJSON(data []byte) bool {
	type plain DatetimeSettings
	if !resetAndFill(data, (*plain)(s)) {
		return false
	}
	if s.DateFormat == "" {
		var typo struct {
			DateFormat string `json:"date_formant"`
		}
		decodeLoose(data, &typo)
		s.DateFormat = typo.DateFormat
	}
	return true
}

// UnmarshalJSON reads a task type leniently.
func (t *TaskType) UnmarshalJSON(data []byte) error { t.decodeLooseJSON(data); return nil }

func (t *TaskType) decodeLooseJSON(data []byte) bool {
	type plain TaskType
	return resetAndFill(data, (*plain)(t))
}

// UnmarshalJSON reads a user group leniently.
func (g *UsersGroup) UnmarshalJSON(data []byte) error { g.decodeLooseJSON(data); return nil }

func (g *UsersGroup) decodeLooseJSON(data []byte) bool {
	type plain UsersGroup
	return resetAndFill(data, (*plain)(g))
}

// Location is the account's time zone: its IANA name when this machine
// knows it (leadscope embeds the zone database), else a fixed zone from
// timezone_offset. false when the account names neither usably, e.g.
// because it was read without datetime_settings.
func (a *Account) Location() (*time.Location, bool) {
	if a == nil || a.DatetimeSettings == nil {
		return nil, false
	}
	if loc, ok := LoadZone(a.DatetimeSettings.Timezone); ok {
		return loc, true
	}
	return LoadZone(a.DatetimeSettings.TimezoneOffset)
}

// TaskTypeName names a task type: the account's name for it, else its
// code, else Kommo's default name for the built-in types 1 (Follow-up) and
// 2 (Meeting), which an account read without task_types does not list.
func (a *Account) TaskTypeName(id int64) (string, bool) {
	if a != nil {
		for _, t := range a.TaskTypes {
			if t.ID != id {
				continue
			}
			if name := strings.TrimSpace(t.Name); name != "" {
				return name, true
			}
			if code := strings.TrimSpace(t.Code); code != "" {
				return humanizeCode(code), true
			}
		}
	}
	switch id {
	case TaskTypeFollowUp:
		return "Follow-up", true
	case TaskTypeMeeting:
		return "Meeting", true
	}
	return "", false
}

// maxZoneName bounds what LoadZone hands to the zone database: the longest
// IANA name is 32 bytes.
const maxZoneName = 64

// LoadZone reads a time zone as Kommo or a user writes one: an IANA name
// ("America/Sao_Paulo", "UTC") or a UTC offset ("+03:00", "-0330", "+05",
// "UTC+3", "GMT-03:00"). "Local" and "" are not zones here: the machine's
// zone is never taken for the account's by accident. false when s is
// neither.
func LoadZone(s string) (*time.Location, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > maxZoneName || strings.EqualFold(s, "local") {
		return nil, false
	}
	if loc, ok := fixedZone(s); ok {
		return loc, true
	}
	if !zoneNameChars(s) {
		return nil, false
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return nil, false
	}
	return loc, true
}

// zoneNameChars keeps paths and oddities away from the zone database,
// which reads files named after the zone.
func zoneNameChars(s string) bool {
	if strings.Contains(s, "..") || strings.HasPrefix(s, "/") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/_+-", r)) {
			return false
		}
	}
	return true
}

// fixedZone parses a UTC offset into a zone named like "UTC-03:00".
func fixedZone(s string) (*time.Location, bool) {
	rest := s
	for _, prefix := range []string{"UTC", "GMT"} {
		if len(rest) >= len(prefix) && strings.EqualFold(rest[:len(prefix)], prefix) {
			rest = rest[len(prefix):]
			break
		}
	}
	if rest == "" || (rest[0] != '+' && rest[0] != '-') {
		return nil, false
	}
	sign := 1
	if rest[0] == '-' {
		sign = -1
	}
	hours, minutes, ok := offsetParts(rest[1:])
	if !ok || hours > 14 || minutes > 59 || hours == 14 && minutes > 0 {
		return nil, false
	}
	offset := sign * (hours*3600 + minutes*60)
	name := "UTC" + rest[:1] + twoDigits(hours) + ":" + twoDigits(minutes)
	if offset == 0 {
		name = "UTC"
	}
	return time.FixedZone(name, offset), true
}

// offsetParts reads "3", "03", "0300" and "03:00".
func offsetParts(s string) (hours, minutes int, ok bool) {
	h, m, colon := strings.Cut(s, ":")
	if !colon && len(s) == 4 {
		h, m = s[:2], s[2:]
	}
	if len(h) == 0 || len(h) > 2 || !allDigits(h) {
		return 0, 0, false
	}
	hours, _ = strconv.Atoi(h)
	if m == "" {
		return hours, 0, !colon
	}
	if len(m) != 2 || !allDigits(m) {
		return 0, 0, false
	}
	minutes, _ = strconv.Atoi(m)
	return hours, minutes, true
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
