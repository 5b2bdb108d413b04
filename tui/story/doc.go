// Package story words a lead's story: its notes and events merged into one
// feed, its path through the pipeline's stages, and its tasks. It is pure
// Go with no terminal in sight: every string it returns is clean (control
// characters made visible, valid UTF-8) and bounded, and structured fields
// (stage colours, overdue flags, sources) let the TUI add colour while the
// CLI prints the same words as plain text.
//
// A Formatter carries the Names that turn IDs into words, the time zone to
// show times in and the moment relative times are measured from:
//
//	f := story.New(story.DirectoryNames{Dir: dir, Fields: defs}, loc, time.Now())
//	feed := f.Feed(notes, events, story.FilterAll) // newest first
//	path := f.History(lead, events, allLoaded).Path() // "Incoming 2d → Qualified 5h → Proposal 3d"
//	tasks := f.Tasks(list.Tasks)                      // open by due time, then done
//
// Whatever Kommo sends, a note or event of any type and shape becomes an
// entry; nothing here returns an error or panics.
package story
