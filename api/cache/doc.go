// Package cache keeps a Kommo account's directory (the account, pipelines
// with their stages, lists, and users when permitted) on disk between runs,
// so that a lead can be shown with names without first asking Kommo for
// them again.
//
// Where: $XDG_CACHE_HOME/leadscope/<account host>/ (else
// ~/.cache/leadscope/<account host>/), a 0700 directory holding
// directory.json (0600), written atomically (temporary file, fsync,
// rename). The same directory holds the rate limit shared by leadscope's
// processes (api.Options.SharedBudgetDir).
//
// Freshness is stale-while-revalidate: a Source hands out the stored
// directory at once, whatever its age; one older than MaxAge (10 minutes by
// default), or one saved while a part was failing, is Stale and its owner
// revalidates it (Source.Revalidate: the whole directory again, at
// background priority) and uses the new one once it arrives. A lead that
// names something the directory lacks (a new stage, a new list) makes
// Source.Complete refresh just that part.
//
// Robustness: a file that does not parse, has another version, or belongs
// to another account is ignored and replaced on the next save, never an
// error; a cache directory that cannot be written makes Open fail, and the
// caller works without the cache (one warning). A 403 on users is stored as
// "forbidden" and restored as an error matching api.ErrForbidden.
package cache
