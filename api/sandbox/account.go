package sandbox

import (
	"net/http"
	"strings"
)

// Task types and user groups of the seeded account. Types 1 and 2 are
// Kommo's own, in every account.
const (
	TaskTypeFollowUp   int64 = 1
	TaskTypeMeeting    int64 = 2
	TaskTypeQuote      int64 = 2033001
	TaskTypeQuoteName        = "Send the quote"
	UsersGroupMain     int64 = 0
	UsersGroupMainName       = "Sales department"
	UsersGroupPartners int64 = 410001
)

type datetimeSettings struct {
	DatePattern      string `json:"date_pattern"`
	ShortDatePattern string `json:"short_date_pattern"`
	ShortTimePattern string `json:"short_time_pattern"`
	DateFormat       string `json:"date_format"`
	TimeFormat       string `json:"time_format"`
	Timezone         string `json:"timezone"`
	TimezoneOffset   string `json:"timezone_offset"`
}

type taskType struct {
	ID     int64   `json:"id"`
	Name   string  `json:"name"`
	Color  *string `json:"color"`
	IconID *int64  `json:"icon_id"`
	Code   *string `json:"code"`
}

type usersGroup struct {
	ID   int64   `json:"id"`
	Name string  `json:"name"`
	UUID *string `json:"uuid"`
}

var (
	seedDatetimeSettings = datetimeSettings{
		DatePattern: "d.m.Y H:i", ShortDatePattern: "d.m.Y", ShortTimePattern: "H:i",
		DateFormat: "d.m.Y", TimeFormat: "H:i:s", Timezone: AccountTimezone, TimezoneOffset: AccountTimezoneOffset,
	}
	seedTaskTypes = []taskType{
		{ID: TaskTypeFollowUp, Name: "Follow-up", Code: ptr("FOLLOW_UP")},
		{ID: TaskTypeMeeting, Name: "Meeting", Code: ptr("MEETING")},
		{ID: TaskTypeQuote, Name: TaskTypeQuoteName, Color: ptr("#ff8f92"), IconID: ptr(int64(5))},
	}
	seedUsersGroups = []usersGroup{
		{ID: UsersGroupMain, Name: UsersGroupMainName},
		{ID: UsersGroupPartners, Name: "Partner desk"},
	}
)

// accountExtras is the parsed `with` of GET /api/v4/account.
type accountExtras struct{ datetime, taskTypes, usersGroups, apiFilter bool }

func parseAccountWith(values []string) accountExtras {
	var w accountExtras
	for _, v := range values {
		for _, name := range strings.Split(v, ",") {
			switch strings.TrimSpace(name) {
			case "datetime_settings":
				w.datetime = true
			case "task_types":
				w.taskTypes = true
			case "users_groups":
				w.usersGroups = true
			case "is_api_filter_enabled":
				w.apiFilter = true
			}
		}
	}
	return w
}

type accountEmbedded struct {
	DatetimeSettings *datetimeSettings `json:"datetime_settings,omitempty"`
	TaskTypes        []taskType        `json:"task_types,omitempty"`
	UsersGroups      []usersGroup      `json:"users_groups,omitempty"`
}

// account is GET /api/v4/account: the plain account, plus what `with` asks
// for, as Kommo adds it (is_api_filter_enabled at the top, the rest in _embedded).
func (s *Server) account(r *http.Request, base string, faults Faults) response {
	w := parseAccountWith(r.URL.Query()["with"])
	out := struct {
		account
		IsAPIFilterEnabled *bool            `json:"is_api_filter_enabled,omitempty"`
		Links              links            `json:"_links"`
		Embedded           *accountEmbedded `json:"_embedded,omitempty"`
	}{account: s.data.account, Links: selfLinks(base + "/api/v4/account")}
	if w.apiFilter {
		out.IsAPIFilterEnabled = ptr(!s.filtersOff(faults))
	}
	if w.datetime || w.taskTypes || w.usersGroups {
		out.Embedded = &accountEmbedded{}
		if w.datetime {
			out.Embedded.DatetimeSettings = &seedDatetimeSettings
		}
		if w.taskTypes {
			out.Embedded.TaskTypes = seedTaskTypes
		}
		if w.usersGroups {
			out.Embedded.UsersGroups = seedUsersGroups
		}
	}
	return hal(out)
}

// filtersOff is an account without Kommo's API filter feature: it says so
// on /account and its lead list ignores every filter[...]. Options set it
// for a server's life, Faults switch it at run time.
func (s *Server) filtersOff(faults Faults) bool {
	return s.opts.APIFilterDisabled || faults.FiltersDisabled
}
