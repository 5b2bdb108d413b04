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
