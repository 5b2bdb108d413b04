// Package perf measures leadscope as a whole: the real tui model, the real
// api client and the real sandbox over loopback HTTP. Its Driver runs a
// tea.Model the way tea.Program does, but observably, so tests and
// benchmarks can count requests, time what the user sees and inject faults
// without a terminal. The tests and benchmarks themselves are the package's
// point; see the README's Performance section for the figures.
package perf
