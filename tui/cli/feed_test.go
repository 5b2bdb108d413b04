package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/leadscope/leadscope/api/sandbox"
)

// section returns the text from the line starting with title to the next
// blank line.
func section(out, title string) string {
	i := strings.Index(out, "\n"+title)
	if i < 0 {
		return ""
	}
	rest := out[i+1:]
	if end := strings.Index(rest, "\n\n"); end >= 0 {
		rest = rest[:end+1]
	}
	return rest
}

// entryHeads counts a section's entries: lines with exactly a two-space margin.
func entryHeads(sec string) int {
	n := 0
	for _, l := range strings.Split(sec, "\n") {
		if strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "   ") && !strings.HasPrefix(l, "  … ") {
			n++
		}
	}
	return n
}

func TestGetFeedPrintsTheStoryAfterTheSummary(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	res := runBinary(t, sandboxEnv(srv), "", "get", fmt.Sprint(sandbox.LeadBasic), "--feed")
	if res.code != 0 || res.stderr != "" {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	out := res.stdout
	summary, history, tasks, feed := strings.Index(out, "Custom fields"), strings.Index(out, "\nStage history:"),
		strings.Index(out, "\nTasks ("), strings.Index(out, "\nFeed (")
	if summary < 0 || history < summary || tasks < history || feed < tasks {
		t.Fatalf("sections out of order (%d %d %d %d):\n%s", summary, history, tasks, feed, out)
	}
	if !strings.Contains(section(out, "Stage history"), "  Incoming leads 2h → Qualified 5h → "+sandbox.LeadBasicStageName+" ") {
		t.Errorf("stage history:\n%s", section(out, "Stage history"))
	}
	taskSec := section(out, "Tasks")
	if !strings.HasPrefix(taskSec, fmt.Sprintf("Tasks (%d open, %d done):", sandbox.BasicOpenTasks, sandbox.BasicDoneTasks)) ||
		entryHeads(taskSec) != sandbox.BasicOpenTasks+sandbox.BasicDoneTasks || !strings.Contains(taskSec, "Result: "+sandbox.BasicDoneTaskResult) ||
		!strings.Contains(taskSec, sandbox.BasicMeetingText) {
		t.Errorf("tasks:\n%s", taskSec)
	}
	feedSec := section(out, "Feed")
	var shown, total int
	if _, err := fmt.Sscanf(feedSec, "Feed (%d of %d, newest first):", &shown, &total); err != nil || shown != total || shown != entryHeads(feedSec) || shown < 30 {
		t.Errorf("feed head %q, %d entries (%v)", strings.SplitN(feedSec, "\n", 2)[0], entryHeads(feedSec), err)
	}
	for _, want := range []string{
		"Incoming call\n      from " + sandbox.BasicCallPhone + " · 3m 20s · answered",
		"Recording: " + sandbox.BasicCallLink, "Subject: " + sandbox.BasicMailSubject, sandbox.BasicAttachmentName,
		"Field changed\n      Plan: Pro → Enterprise", "Contact linked\n      " + sandbox.LeadBasicContactName,
		"Responsible changed\n      " + sandbox.UserAdminName + " → " + sandbox.UserSalesName, "  " + sandbox.UnknownEventType,
	} {
		if !strings.Contains(feedSec, want) {
			t.Errorf("feed lacks %q", want)
		}
	}
	want := map[string]int{sandbox.EndpointNotes: 1, sandbox.EndpointEvents: 1, sandbox.EndpointTasks: 1, sandbox.EndpointCustomFields: 0}
	for endpoint, n := range want {
		if got := srv.Requests(endpoint); got != n {
			t.Errorf("%s: %d requests, want %d (the lead names its own fields)", endpoint, got, n)
		}
	}
}

func TestGetFeedLimit(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	res := runBinary(t, sandboxEnv(srv), "", "get", fmt.Sprint(sandbox.LeadHuge), "--feed", "--limit", "7")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	feedSec := section(res.stdout, "Feed")
	if entryHeads(feedSec) != 7 || !strings.Contains(feedSec, "older entries (--limit ") {
		t.Errorf("%d entries:\n%s", entryHeads(feedSec), feedSec)
	}
	if got := srv.Requests(sandbox.EndpointNotes); got != 2 {
		t.Errorf("%d notes requests, want 2 (all 300 notes, to merge them with the events)", got)
	}
	if got := srv.Requests(sandbox.EndpointEvents); got != 6 {
		t.Errorf("%d events requests, want 6", got)
	}
	if srv.RateLimited() != 0 {
		t.Errorf("the sandbox answered 429 %d times", srv.RateLimited())
	}
}

func TestGetFeedStagePathAcrossPipelines(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{EventsOldestFirst: true})
	res := runBinary(t, sandboxEnv(srv), "", "get", fmt.Sprint(sandbox.LeadStages), "--feed")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	v := sandbox.LeadStagesHistory()
	days := func(i int) int64 { return (v[i+1].Entered - v[i].Entered) / 86400 }
	want := fmt.Sprintf("  %s › %s %dd → %s %dd → %s › %s %dd → %s %dd → %s ", sandbox.PipelinePartnersName, v[0].Name, days(0), v[1].Name, days(1),
		sandbox.PipelineSalesName, v[2].Name, days(2), v[3].Name, days(3), v[4].Name)
	history := section(res.stdout, "Stage history")
	if !strings.Contains(history, want) || !strings.Contains(history, "  in "+v[4].Name+" for ") || strings.Contains(history, "partial") {
		t.Errorf("stage history:\n%s\nwant %q", history, want)
	}
	if !strings.Contains(section(res.stdout, "Tasks"), "[!]") {
		t.Errorf("the overdue task is not flagged:\n%s", section(res.stdout, "Tasks"))
	}
}

func TestGetFeedOfALeadWithNoStory(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	res := runBinary(t, sandboxEnv(srv), "", "get", fmt.Sprint(sandbox.LeadNoStory), "--feed")
	if res.code != 0 || res.stderr != "" {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	for _, want := range []string{"\nTasks: none\n", "\nFeed: nothing yet\n", "\nStage history:\n"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, res.stdout)
		}
	}
}

// storyObjects asks the sandbox for one list page directly, as curl would,
// and returns its objects' exact bytes.
func storyObjects(t *testing.T, srv *sandbox.Server, path, key string) []json.RawMessage {
	t.Helper()
	status, body := fetchPathStatus(t, srv, path)
	if status != http.StatusOK {
		t.Fatalf("%s: HTTP %d", path, status)
	}
	var page struct {
		Embedded map[string][]json.RawMessage `json:"_embedded"`
	}
	if err := json.Unmarshal(body, &page); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return page.Embedded[key]
}

func TestGetFeedJSONHoldsKommosObjectsVerbatim(t *testing.T) {
	// No server rate limit: the test's own requests follow the binary's at once.
	srv := startSandbox(t, sandbox.Options{RateLimit: -1})
	id := sandbox.LeadBasic
	res := runBinary(t, sandboxEnv(srv), "", "get", fmt.Sprint(id), "--feed", "--json")
	if res.code != 0 || res.stderr != "" {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	binaryRequests := srv.TotalRequests()
	var got struct {
		Lead   json.RawMessage   `json:"lead"`
		Notes  []json.RawMessage `json:"notes"`
		Events []json.RawMessage `json:"events"`
		Tasks  []json.RawMessage `json:"tasks"`
	}
	dec := json.NewDecoder(strings.NewReader(res.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("not the documented object: %v\n%.300s", err, res.stdout)
	}
	if !bytes.Equal(got.Lead, fetchRaw(t, srv, id)) {
		t.Errorf("lead differs from the server's body")
	}
	for _, part := range []struct {
		name string
		got  []json.RawMessage
		path string
	}{
		{"notes", got.Notes, fmt.Sprintf("/api/v4/leads/%d/notes?limit=250&order[id]=desc&page=1", id)},
		{"events", got.Events, fmt.Sprintf("/api/v4/events?filter[entity]=lead&filter[entity_id][]=%d&limit=100&page=1", id)},
		{"tasks", got.Tasks, fmt.Sprintf("/api/v4/tasks?filter[entity_type]=leads&filter[entity_id][]=%d&order[complete_till]=asc&limit=250&page=1", id)},
	} {
		want := storyObjects(t, srv, part.path, part.name)
		if len(part.got) != len(want) || len(want) == 0 {
			t.Errorf("%s: %d objects, the server has %d", part.name, len(part.got), len(want))
			continue
		}
		for i := range want {
			if !bytes.Equal(part.got[i], want[i]) {
				t.Errorf("%s[%d] differs:\n got %.200s\nwant %.200s", part.name, i, part.got[i], want[i])
			}
		}
	}
	if binaryRequests != 4 {
		t.Errorf("--feed --json cost %d requests, want 4 (lead, notes, events, tasks)", binaryRequests)
	}
}

func TestGetFeedJSONOfTheHugeLead(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	res := runBinary(t, sandboxEnv(srv), "", "get", fmt.Sprint(sandbox.LeadHuge), "--json", "--feed")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	var got struct {
		Notes, Events, Tasks []json.RawMessage
	}
	if err := json.Unmarshal([]byte(res.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Notes) != sandbox.HugeNotes || len(got.Events) != sandbox.HugeEvents || len(got.Tasks) != sandbox.HugeTasks {
		t.Errorf("%d notes, %d events, %d tasks", len(got.Notes), len(got.Events), len(got.Tasks))
	}
}

func TestGetFeedNeverWritesControlCharacters(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	for _, args := range [][]string{{"--feed"}, {"--feed", "--json"}} {
		res := runBinary(t, sandboxEnv(srv), "", append([]string{"get", fmt.Sprint(sandbox.LeadEscapes)}, args...)...)
		if res.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, res.code, res.stderr)
		}
		for _, bad := range [][]byte{{0x1b}, {0x07}, []byte("\u009b"), []byte("\u202e")} {
			if bytes.Contains([]byte(res.stdout), bad) {
				t.Errorf("%v wrote %q to the terminal", args, bad)
			}
		}
	}
}

func TestGetFeedFlagsAreChecked(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	for _, args := range [][]string{
		{"--limit", "5"}, {"--feed", "--limit", "0"}, {"--feed", "--limit", "-3"}, {"--feed", "--limit", "lots"},
	} {
		res := runBinary(t, sandboxEnv(srv), "", append([]string{"get", fmt.Sprint(sandbox.LeadBasic)}, args...)...)
		assertOneLineFailure(t, res, 2, strings.Join(args, " "))
	}
	if n := srv.TotalRequests(); n != 0 {
		t.Errorf("bad flags sent %d requests", n)
	}
}

// A part of the story that fails: the text output warns and shows the rest;
// --json fails whole, so a script never takes a missing part for an empty one.
func TestGetFeedWhenAPartFails(t *testing.T) {
	srv := startSandbox(t, sandbox.Options{})
	srv.SetFaults(sandbox.Faults{Endpoint: sandbox.EndpointEvents, Fault: sandbox.FaultStatus, Status: 403})
	res := runBinary(t, sandboxEnv(srv), "", "get", fmt.Sprint(sandbox.LeadBasic), "--feed")
	if res.code != 0 || !strings.Contains(res.stdout, sandbox.LeadBasicName) || !strings.Contains(res.stdout, "\nFeed (") {
		t.Fatalf("exit %d:\n%s", res.code, res.stdout)
	}
	if lines := strings.Split(strings.TrimSpace(res.stderr), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "warning") ||
		!strings.Contains(lines[0], "events") {
		t.Errorf("stderr %q", res.stderr)
	}
	if !strings.Contains(section(res.stdout, "Stage history"), "partial") {
		t.Errorf("without events the stage history must say it is partial:\n%s", section(res.stdout, "Stage history"))
	}
	res = runBinary(t, sandboxEnv(srv), "", "get", fmt.Sprint(sandbox.LeadBasic), "--feed", "--json")
	assertOneLineFailure(t, res, 1, "--feed --json with events forbidden")
}

// In-process, so -race watches the concurrent loading of the story and
// the leak check sees no goroutine left behind.
func TestGetFeedInProcess(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	srv := startSandbox(t, sandbox.Options{})
	env := map[string]string{"KOMMO_BASE_URL": srv.URL(), "KOMMO_TOKEN": sandbox.Token, "HOME": t.TempDir()}
	text := runCLI(t, env, "", "get", fmt.Sprint(sandbox.LeadStages), "--feed", "--limit", "3")
	if text.code != 0 || entryHeads(section(text.stdout, "Feed")) != 3 || !strings.Contains(text.stdout, "Stage history:") {
		t.Errorf("exit %d:\n%s%s", text.code, text.stdout, text.stderr)
	}
	asJSON := runCLI(t, env, "", "get", fmt.Sprint(sandbox.LeadStages), "--feed", "--json")
	if asJSON.code != 0 || !json.Valid([]byte(asJSON.stdout)) {
		t.Errorf("exit %d: %.200s%s", asJSON.code, asJSON.stdout, asJSON.stderr)
	}
	srv.Close()
	goleak.VerifyNone(t, ignore)
}
