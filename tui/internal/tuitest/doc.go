// Package tuitest holds what the TUI's test packages (the root model, the
// lead page, the leads page) would otherwise each write again: a seeded
// sandbox with a client for it, a loop that runs a page's commands to
// completion, and key presses by name. Only tests import it.
package tuitest
