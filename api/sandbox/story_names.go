package sandbox

import "fmt"

// The seeded stories (notes, events, tasks) tests can assert on. Seeded
// times are at or before SeedEpoch (except tasks due later): pass it as
// "now" to get stable relative times.
const (
	// SeedEpoch is 2024-05-01 00:00:00 UTC, the moment the seeded data is anchored at.
	SeedEpoch = seedEpoch

	// LeadStages moved through five stages over eight weeks, changing
	// pipeline on the way (LeadStagesHistory); its one open task is overdue.
	LeadStages int64 = 10000051
	// LeadNoStory has no notes, events or tasks: every story endpoint answers 204.
	LeadNoStory = LeadNoContacts

	// LeadBasic carries one note of every type in NoteTypes (plus
	// UnknownNoteType), an event of every type in EventTypes (plus
	// UnknownEventType) and BasicOpenTasks open and BasicDoneTasks completed tasks.
	BasicOpenTasks = 3
	BasicDoneTasks = 2

	// LeadHuge's story.
	HugeNotes  = 300
	HugeEvents = 600
	HugeTasks  = 30

	// UnknownNoteType and UnknownEventType are types Kommo has not invented yet.
	UnknownNoteType  = "hologram_call"
	UnknownEventType = "hologram_projected"

	// Texts on LeadBasic's story.
	BasicCommonNoteText = "Kick-off call went well.\nBudget approved for Q3.\nNext: send the proposal."
	BasicCallPhone      = "+1 555 0100"
	BasicCallSeconds    = 200
	BasicCallResult     = "Discussed the proposal"
	BasicCallLink       = "https://calls.sandbox.example/rec/0001.mp3"
	BasicMailSubject    = "Revised proposal"
	BasicMailFrom       = "jane.doe@acme.example"
	BasicAttachmentName = "proposal-v2.pdf"
	BasicDoneTaskResult = "Sent the revised proposal"
	BasicMeetingText    = "Proposal walkthrough with Jane"

	// EventsPageLimit is Kommo's safe events page size: more answers 422.
	EventsPageLimit = 100
)

// TaskTypeCustom is a task type the account does not list (deleted or
// never named); TaskTypeFollowUp and TaskTypeMeeting are in account.go.
const TaskTypeCustom int64 = 7000

// NoteTypes lists the note types LeadBasic carries, one note each
// (amomail_message twice: received and sent).
func NoteTypes() []string {
	return []string{
		"common", "call_in", "call_out", "sms_in", "sms_out", "service_message", "extended_service_message",
		"message_cashier", "geolocation", "attachment", "amomail_message", "link_followed", "invoice_paid",
	}
}

// EventTypes lists the event types LeadBasic carries. A field change comes
// both as Kommo's reference names it and as it names the type filter
// (custom_field_{FIELD_ID}_value_changed): clients must read both.
func EventTypes() []string {
	return []string{
		"lead_added", "lead_status_changed", "entity_responsible_changed", "entity_tag_added", "entity_tag_deleted",
		"custom_field_value_changed", fmt.Sprintf("custom_field_%d_value_changed", fieldPlan), "sale_field_changed", "name_field_changed", "contact_linked", "contact_unlinked",
		"company_linked", "task_added", "task_completed", "incoming_call", "outgoing_call", "incoming_chat_message",
		"outgoing_chat_message", "incoming_sms", "outgoing_sms", "common_note_added",
	}
}

// StageVisit is one stage a seeded lead sat in, from Entered (unix seconds).
type StageVisit struct {
	PipelineID, StatusID int64
	Name                 string
	Entered              int64
}

// LeadStagesHistory is LeadStages' path through the stages, oldest first;
// the last visit is its current stage.
func LeadStagesHistory() []StageVisit {
	created := stagesLeadCreated
	return []StageVisit{
		{PipelinePartners, 7000021, "Incoming leads", created},
		{PipelinePartners, 7000022, "First call", created + 3*86400},
		{PipelineSales, 7000012, "Qualified", created + 10*86400},
		{PipelineSales, LeadBasicStatus, LeadBasicStageName, created + 24*86400},
		{PipelineSales, 7000014, "Negotiation", created + 38*86400},
	}
}

const stagesLeadCreated = seedEpoch - 60*86400

// Endpoint names of the story, for Requests.
const (
	EndpointNotes        = "notes"
	EndpointEvents       = "events"
	EndpointTasks        = "tasks"
	EndpointCustomFields = "custom_fields"
)
