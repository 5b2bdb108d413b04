package sandbox

import "time"

// Token is the bearer token every server accepts, whatever its Options.
const Token = "sandbox-token"

// Defaults of the OAuth integration the sandbox pretends is registered.
const (
	DefaultClientID     = "sandbox-client-id"
	DefaultClientSecret = "sandbox-client-secret"
	DefaultRedirectURI  = "http://127.0.0.1:8765/callback"
)

// Kommo's documented lifetimes and limits, used when Options leave them zero.
const (
	DefaultAccessTTL  = 24 * time.Hour
	DefaultRefreshTTL = 90 * 24 * time.Hour
	DefaultCodeTTL    = 20 * time.Minute
	DefaultRateLimit  = 7
	MaxPageLimit      = 250
	DefaultPageLimit  = 50
)

// Options configure a Server. The zero value is a usable default server.
type Options struct {
	// Addr is where Start listens; default "127.0.0.1:0". Only loopback hosts are accepted.
	Addr string

	// The integration registered for OAuth: /oauth refuses other client IDs and
	// /oauth2/access_token checks all three.
	ClientID, ClientSecret, RedirectURI string

	// Referer overrides the referer the consent page sends back (default: the
	// sandbox's own host:port), so login tests can simulate a foreign account.
	Referer string

	AccessTTL  time.Duration // lifetime of OAuth access tokens; default 24h
	RefreshTTL time.Duration // lifetime of refresh tokens; default 90 days
	CodeTTL    time.Duration // lifetime of authorization codes; default 20 min

	// ExtraTokens are accepted as bearer tokens besides Token and issued
	// access tokens, e.g. a long-lived token.
	ExtraTokens []string

	// Now is the clock for token and code expiry (default time.Now), so tests
	// can expire them without sleeping. Latency and the rate limit use real time.
	Now func() time.Time

	// Latency is added to every request, before anything else is decided.
	Latency time.Duration

	// RateLimit is how many /api/ requests any 1 s sliding window may hold
	// before the sandbox answers 429; 0 means DefaultRateLimit, negative disables it.
	RateLimit int
	// APIFilterDisabled makes the account say is_api_filter_enabled false,
	// as accounts that never turned list filters on do.
	APIFilterDisabled bool

	// OmitRetryAfterHeader makes rate-limit 429s carry retry_after only in the
	// body: Kommo does not promise the header, so clients must cope with both.
	OmitRetryAfterHeader bool

	// EventsOldestFirst serves /api/v4/events oldest first instead of newest
	// first: Kommo does not document the order, so clients must cope with both.
	EventsOldestFirst bool
}

func (o Options) withDefaults() Options {
	if o.Addr == "" {
		o.Addr = "127.0.0.1:0"
	}
	if o.ClientID == "" {
		o.ClientID = DefaultClientID
	}
	if o.ClientSecret == "" {
		o.ClientSecret = DefaultClientSecret
	}
	if o.RedirectURI == "" {
		o.RedirectURI = DefaultRedirectURI
	}
	if o.AccessTTL <= 0 {
		o.AccessTTL = DefaultAccessTTL
	}
	if o.RefreshTTL <= 0 {
		o.RefreshTTL = DefaultRefreshTTL
	}
	if o.CodeTTL <= 0 {
		o.CodeTTL = DefaultCodeTTL
	}
	if o.RateLimit == 0 {
		o.RateLimit = DefaultRateLimit
	}
	return o
}
