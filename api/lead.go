package api

import (
	"errors"
	"time"
)

// Lead is one lead as GET /api/v4/leads/{id} returns it. Nullable fields are
// pointers so "absent" and "zero" stay distinct; unknown fields are ignored.
type Lead struct {
	ID                     int64         `json:"id"`
	Name                   string        `json:"name"`
	Price                  int64         `json:"price"`
	PriceWithMinorUnits    *float64      `json:"price_with_minor_units,omitempty"`
	ResponsibleUserID      int64         `json:"responsible_user_id"`
	GroupID                int64         `json:"group_id"`
	StatusID               int64         `json:"status_id"`
	PipelineID             int64         `json:"pipeline_id"`
	LossReasonID           *int64        `json:"loss_reason_id"`
	SourceID               *int64        `json:"source_id"`
	CreatedBy              int64         `json:"created_by"`
	UpdatedBy              int64         `json:"updated_by"`
	CreatedAt              int64         `json:"created_at"`
	UpdatedAt              int64         `json:"updated_at"`
	ClosedAt               *int64        `json:"closed_at"`
	ClosestTaskAt          *int64        `json:"closest_task_at"`
	IsDeleted              bool          `json:"is_deleted"`
	CustomFields           []CustomField `json:"custom_fields_values"`
	Score                  *int64        `json:"score"`
	AccountID              int64         `json:"account_id"`
	LaborCost              *int64        `json:"labor_cost"`
	IsPriceModifiedByRobot *bool         `json:"is_price_modified_by_robot"`
	IsPriceComputed        *bool         `json:"is_price_computed"`
	Links                  Links         `json:"_links"`
	Embedded               LeadEmbedded  `json:"_embedded"`

	// Raw is the response body exactly as Kommo sent it, for --json and the raw view.
	Raw []byte `json:"-"`
}

// Links holds the HAL links Kommo puts on every entity and page.
type Links struct {
	Self Link `json:"self"`
	Next Link `json:"next"`
}

// Link is one HAL link.
type Link struct {
	Href string `json:"href"`
}

// LeadEmbedded is the lead's _embedded object.
type LeadEmbedded struct {
	Tags            []Tag               `json:"tags"`
	Contacts        []ContactRef        `json:"contacts"`
	Companies       []CompanyRef        `json:"companies"`
	CatalogElements []CatalogElementRef `json:"catalog_elements"`
	LossReason      *LossReason         `json:"loss_reason"`
	Source          *Source             `json:"source"`
}

// Tag is a lead tag; Color is a hex string such as "#ff0000" or empty.
type Tag struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Color string `json:"color"`
}

// ContactRef is a linked contact: only the ID, names need a second call.
type ContactRef struct {
	ID     int64 `json:"id"`
	IsMain bool  `json:"is_main"`
}

// CompanyRef is a linked company.
type CompanyRef struct {
	ID int64 `json:"id"`
}

// CatalogElementRef is a linked catalog (list) element.
type CatalogElementRef struct {
	ID       int64           `json:"id"`
	Metadata CatalogMetadata `json:"metadata"`
}

// CatalogMetadata says which list an element belongs to and how many were taken.
type CatalogMetadata struct {
	Quantity  float64 `json:"quantity"`
	CatalogID int64   `json:"catalog_id"`
	PriceID   *int64  `json:"price_id"`
}

// LossReason is why a lead was lost.
type LossReason struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// UnmarshalJSON accepts the documented object and the one-element array the
// official PHP client reads (amocrm/amocrm-api-php); an empty array or an
// odd shape leaves the reason empty rather than failing the lead.
func (r *LossReason) UnmarshalJSON(data []byte) error {
	r.decodeLooseJSON(data)
	return nil
}

func (r *LossReason) decodeLooseJSON(data []byte) bool {
	type plain LossReason
	*r = LossReason{}
	items := looseItems(data)
	if len(items) == 0 {
		return false
	}
	return decodeLoose(items[0], (*plain)(r))
}

// Source is where the lead came from (with=source).
type Source struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	ExternalID string `json:"external_id"`
	Type       string `json:"type"`
}

// MainContactID returns the ID of the contact marked main, or 0.
func (l *Lead) MainContactID() int64 {
	for _, c := range l.Embedded.Contacts {
		if c.IsMain {
			return c.ID
		}
	}
	return 0
}

// UnixTime turns Kommo's unix seconds into a time in loc; a nil or zero value gives the zero time.
func UnixTime(sec *int64, loc *time.Location) time.Time {
	if sec == nil || *sec == 0 {
		return time.Time{}
	}
	return time.Unix(*sec, 0).In(loc)
}

// UnmarshalJSON reads a lead leniently (see lenient.go): an odd field never
// fails the lead. Only a document that is not an object is an error.
func (l *Lead) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	if !l.decodeLooseJSON(data) {
		return errors.New("a lead must be a JSON object")
	}
	return nil
}

func (l *Lead) decodeLooseJSON(data []byte) bool {
	type plain Lead
	*l = Lead{}
	return decodeLoose(data, (*plain)(l))
}
