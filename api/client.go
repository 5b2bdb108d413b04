package api

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Options configures a Client. Zero values pick the defaults noted.
type Options struct {
	BaseURL       string        // "acme", "acme.kommo.com", "https://acme.kommo.com"; http only for loopback hosts
	Credentials   Credentials   // api.StaticToken("...") or auth's token source
	HTTPClient    *http.Client  // optional; its Timeout and redirect policy are overridden per attempt
	Timeout       time.Duration // per attempt, default 15s
	RatePerSecond float64       // default 7: never more than 7 requests in any 1 s window
	MaxRetries    int           // retries of 5xx/network errors on GETs, default 3 (0 = default; negative = none)
	MaxRetryWait  time.Duration // cap of one 429 wait, default 30s
	MaxBodyBytes  int64         // default 8 MiB
	UserAgent     string
	// SharedBudgetDir, when set, shares the rate limit with every process
	// using the same directory (one per account): see SharedBudgetErr.
	SharedBudgetDir string
}

// Defaults for Options.
const (
	DefaultTimeout       = 15 * time.Second
	DefaultRatePerSecond = 7
	DefaultMaxRetries    = 3
	DefaultMaxRetryWait  = 30 * time.Second
	DefaultMaxBodyBytes  = 8 << 20
	DefaultUserAgent     = "leadscope"
)

// Client talks to one Kommo account. It is safe for concurrent use; all
// requests of one Client share one rate limiter.
type Client struct {
	base         *url.URL
	creds        Credentials
	http         *http.Client
	timeout      time.Duration
	limiter      *limiter
	maxRetries   int
	maxRetryWait time.Duration
	maxBody      int64
	userAgent    string
	// budget, when set (WithBudget), bounds every fetch of related records
	// and lists made through this client; without one each call has its own.
	budget *Budget
	// catalogSlots holds one token per list whose elements are being
	// fetched, shared by every copy of the client (see CatalogConcurrency).
	catalogSlots chan struct{}
}

// New checks opts and builds a Client. It makes no request.
func New(opts Options) (*Client, error) {
	base, err := NormalizeBaseURL(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	if opts.Credentials == nil {
		return nil, errors.New("no credentials: set a token")
	}
	c := &Client{
		base:         base,
		creds:        opts.Credentials,
		http:         noRedirects(opts.HTTPClient),
		timeout:      positiveOr(opts.Timeout, DefaultTimeout),
		limiter:      newLimiter(opts.RatePerSecond),
		maxRetries:   opts.MaxRetries,
		maxRetryWait: positiveOr(opts.MaxRetryWait, DefaultMaxRetryWait),
		maxBody:      opts.MaxBodyBytes,
		userAgent:    opts.UserAgent,
		catalogSlots: make(chan struct{}, CatalogConcurrency),
	}
	switch {
	case c.maxRetries == 0:
		c.maxRetries = DefaultMaxRetries
	case c.maxRetries < 0:
		c.maxRetries = 0
	}
	if c.maxBody <= 0 {
		c.maxBody = DefaultMaxBodyBytes
	}
	if c.userAgent == "" {
		c.userAgent = DefaultUserAgent
	}
	c.shareBudget(opts.SharedBudgetDir)
	return c, nil
}

// noRedirects copies the caller's client (or the default one) so that a
// redirect is reported instead of followed: Kommo's API does not redirect,
// and following one could land on a login page or another host.
func noRedirects(hc *http.Client) *http.Client {
	var out http.Client
	if hc != nil {
		out = *hc
	}
	out.Timeout = 0 // the per-attempt context carries the timeout
	out.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &out
}

func positiveOr(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// BaseURL returns a copy of the account origin, e.g. https://acme.kommo.com.
func (c *Client) BaseURL() *url.URL {
	u := *c.base
	return &u
}

// LeadWebURL is the lead's page in Kommo's web interface.
func (c *Client) LeadWebURL(id int64) string {
	return c.base.String() + "/leads/detail/" + strconv.FormatInt(id, 10)
}
