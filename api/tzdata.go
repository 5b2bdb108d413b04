package api

// The account's time zone is read by name (Account.Location), and many
// machines leadscope runs on (containers, Windows, minimal images) have no
// zone database: embedding Go's keeps calendar dates right there too.
import _ "time/tzdata"
