package api

import "encoding/json"

// MarshalJSON writes a pipeline in Kommo's shape, stages under
// _embedded.statuses, so that UnmarshalJSON reads back what it wrote (the
// persistent cache stores pipelines this way).
func (p Pipeline) MarshalJSON() ([]byte, error) {
	type plain Pipeline
	var wire struct {
		plain
		Embedded struct {
			Statuses []Status `json:"statuses"`
		} `json:"_embedded"`
	}
	wire.plain = plain(p)
	wire.Embedded.Statuses = p.Statuses
	return json.Marshal(wire)
}

// MarshalJSON writes the account as Kommo sends it, its extras under
// _embedded, so the cache reads it back through the same decoder.
func (a Account) MarshalJSON() ([]byte, error) {
	type plain Account
	var wire struct {
		plain
		Embedded struct {
			DatetimeSettings *DatetimeSettings `json:"datetime_settings,omitempty"`
			TaskTypes        []TaskType        `json:"task_types,omitempty"`
			UsersGroups      []UsersGroup      `json:"users_groups,omitempty"`
		} `json:"_embedded"`
	}
	wire.plain = plain(a)
	wire.Embedded.DatetimeSettings = a.DatetimeSettings
	wire.Embedded.TaskTypes = a.TaskTypes
	wire.Embedded.UsersGroups = a.UsersGroups
	return json.Marshal(wire)
}
