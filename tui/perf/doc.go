// Package perf measures leadscope as a whole: the real tui model, the real
// api client and the real sandbox over loopback HTTP. Its Driver runs a
// tea.Model the way tea.Program does, but observably, so tests and
// benchmarks can count requests, time what the user sees and inject faults
// without a terminal.
//
// The tests (go test -race ./tui/perf/) check the request budget of a lead
// view, the client's limiter under a burst of lookups and under held
// history keys, and the fault matrices of the lead browser and of its
// leads list. The benchmarks
// report the figures of the README's Performance section:
//
//	go test -run='^$' -bench=. ./tui/perf/
//
// BenchmarkRequestsPerLeadView: requests per view, revisit and refresh of
// the huge lead beside the naive count, and the story's background
// prefetch. BenchmarkFeedFirstPage: the Feed tab opened until its first
// entries show (100 ms latency). BenchmarkFeedView: View() with the huge
// lead's whole feed loaded, and the heap the lead and its story keep.
// BenchmarkEnterToSummary,
// BenchmarkEnterToAllTabs and BenchmarkStartToAllTabs: latency with 100 ms
// added to every request (median ms, overhead beyond the round trips, and
// the model's own Update+View time). BenchmarkEnterToContactLeads: enter on
// a lead's contact until its 50 leads are listed (requests/op, latency).
// BenchmarkPeakRSSHugeLead (needs tmux):
// peak RSS of the built binary holding the huge lead, its whole feed
// loaded. BenchmarkBinarySize:
// the binary as built and stripped. The leads list: BenchmarkTypeSearch
// (list requests sent while typing a 10-character search, and the time
// from the debounce to the rows, 100 ms away), BenchmarkScrollEveryLead
// (page requests and heap held scrolling through the sandbox's 2,038
// leads) and BenchmarkPeakRSSLeadsList (needs tmux: peak RSS of the binary
// with them all loaded).
package perf
