package sandbox

import (
	"fmt"
	"strings"
)

type link struct {
	Href string `json:"href"`
}

type links struct {
	Self link  `json:"self"`
	Next *link `json:"next,omitempty"`
}

func selfLinks(href string) links { return links{Self: link{Href: href}} }

// withSet is the parsed `with` query of a lead request.
type withSet struct {
	contacts, catalogElements, lossReason, priceByRobot, sourceID, source bool
}

// parseWith reads comma separated names from every `with` parameter. Unknown
// names are ignored, as Kommo does; that includes "source" typed with the
// Cyrillic letter its reference table shows.
func parseWith(values []string) withSet {
	var w withSet
	for _, v := range values {
		for _, name := range strings.Split(v, ",") {
			switch strings.TrimSpace(name) {
			case "contacts":
				w.contacts = true
			case "catalog_elements":
				w.catalogElements = true
			case "loss_reason":
				w.lossReason = true
			case "is_price_modified_by_robot":
				w.priceByRobot = true
			case "source_id":
				w.sourceID = true
			case "source":
				w.source = true
			}
		}
	}
	return w
}

// leadJSON is a lead on the wire. The `any` fields appear only when asked for
// with `with`: a nil interface is omitted, while a typed nil pointer inside
// one still encodes as null (source_id of a lead without a source).
type leadJSON struct {
	ID                     int64         `json:"id"`
	Name                   string        `json:"name"`
	Price                  int64         `json:"price"`
	ResponsibleUserID      int64         `json:"responsible_user_id"`
	GroupID                int64         `json:"group_id"`
	StatusID               int64         `json:"status_id"`
	PipelineID             int64         `json:"pipeline_id"`
	LossReasonID           *int64        `json:"loss_reason_id"`
	SourceID               any           `json:"source_id,omitempty"`
	CreatedBy              int64         `json:"created_by"`
	UpdatedBy              int64         `json:"updated_by"`
	CreatedAt              int64         `json:"created_at"`
	UpdatedAt              int64         `json:"updated_at"`
	ClosedAt               *int64        `json:"closed_at"`
	ClosestTaskAt          *int64        `json:"closest_task_at"`
	IsDeleted              bool          `json:"is_deleted"`
	CustomFields           []customField `json:"custom_fields_values"`
	Score                  *int64        `json:"score"`
	AccountID              int64         `json:"account_id"`
	LaborCost              *int64        `json:"labor_cost"`
	IsPriceModifiedByRobot any           `json:"is_price_modified_by_robot,omitempty"`
	Links                  links         `json:"_links"`
	Embedded               leadEmbedded  `json:"_embedded"`
}

type leadEmbedded struct {
	Tags            []tag       `json:"tags"`
	Companies       []entityRef `json:"companies"`
	Contacts        any         `json:"contacts,omitempty"`
	CatalogElements any         `json:"catalog_elements,omitempty"`
	LossReason      any         `json:"loss_reason,omitempty"`
	Source          *source     `json:"source,omitempty"`
}

type entityRef struct {
	ID     int64 `json:"id"`
	IsMain *bool `json:"is_main,omitempty"`
	Links  links `json:"_links"`
}

type elementRef struct {
	ID       int64           `json:"id"`
	Metadata elementMetadata `json:"metadata"`
}

type elementMetadata struct {
	Quantity  float64 `json:"quantity"`
	CatalogID int64   `json:"catalog_id"`
	PriceID   *int64  `json:"price_id,omitempty"`
}

func (l *lead) render(base string, w withSet) []byte {
	out := leadJSON{
		ID: l.ID, Name: l.Name, Price: l.Price, ResponsibleUserID: l.ResponsibleUserID, GroupID: l.GroupID,
		StatusID: l.StatusID, PipelineID: l.PipelineID, CreatedBy: l.CreatedBy, UpdatedBy: l.UpdatedBy,
		CreatedAt: l.CreatedAt, UpdatedAt: l.UpdatedAt, ClosedAt: l.ClosedAt, ClosestTaskAt: l.ClosestTaskAt,
		CustomFields: l.CustomFields, Score: l.Score, AccountID: AccountID, LaborCost: l.LaborCost,
		Links: selfLinks(fmt.Sprintf("%s/api/v4/leads/%d", base, l.ID)),
	}
	if l.LossReason != nil {
		out.LossReasonID = &l.LossReason.ID
	}
	if w.sourceID {
		var id *int64
		if l.Source != nil {
			id = &l.Source.ID
		}
		out.SourceID = id
	}
	if w.priceByRobot {
		out.IsPriceModifiedByRobot = l.PriceByRobot
	}
	out.Embedded = l.renderEmbedded(base, w)
	return encode(out)
}

func (l *lead) renderEmbedded(base string, w withSet) leadEmbedded {
	e := leadEmbedded{Tags: l.Tags, Companies: []entityRef{}}
	if e.Tags == nil {
		e.Tags = []tag{}
	}
	for _, id := range l.Companies {
		e.Companies = append(e.Companies, entityRef{ID: id, Links: selfLinks(fmt.Sprintf("%s/api/v4/companies/%d", base, id))})
	}
	if w.contacts {
		refs := make([]entityRef, 0, len(l.Contacts))
		for _, c := range l.Contacts {
			refs = append(refs, entityRef{ID: c.ID, IsMain: ptr(c.IsMain), Links: selfLinks(fmt.Sprintf("%s/api/v4/contacts/%d", base, c.ID))})
		}
		e.Contacts = refs
	}
	if w.catalogElements {
		refs := make([]elementRef, 0, len(l.Elements))
		for _, el := range l.Elements {
			refs = append(refs, elementRef{ID: el.ID, Metadata: elementMetadata{Quantity: el.Quantity, CatalogID: el.CatalogID, PriceID: el.PriceID}})
		}
		e.CatalogElements = refs
	}
	if w.lossReason && l.LossReason != nil {
		if l.LossReasonAsObject {
			e.LossReason = l.LossReason
		} else {
			e.LossReason = []lossReason{*l.LossReason}
		}
	}
	if w.source {
		e.Source = l.Source
	}
	return e
}
