package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"time"
)

// Retry policy. 429s get a few patient retries of their own: Kommo blocks
// clients that keep hitting the limit, so giving up beats hammering.
const (
	rateLimitRetries  = 3
	defaultRetryAfter = time.Second
	maxRetryAfter     = 24 * time.Hour
	backoffBase       = 200 * time.Millisecond
	backoffCap        = 2 * time.Second
	errorBodyLimit    = 64 << 10
)

// response is a completed HTTP exchange with its body read (and capped).
type response struct {
	status    int
	header    http.Header
	body      []byte
	requestID string
}

// get sends GET ref (relative to the account origin) with the bearer token,
// through the limiter, and handles 401 renewal, 429 waits and retries. It
// returns only 2xx responses; a 2xx other than 204 has a JSON content type
// and a non-empty body.
func (c *Client) get(ctx context.Context, op string, ref *url.URL) (*response, error) {
	return c.getLimited(ctx, op, ref, c.maxBody)
}

// getLimited is get with a body limit of its own (at most MaxBodyBytes),
// for a page that must fit what is left of a Budget. A 2xx body over it is
// an ErrBadResponse whose cause is errBodyTooLarge.
func (c *Client) getLimited(ctx context.Context, op string, ref *url.URL, bodyLimit int64) (*response, error) {
	target := c.base.ResolveReference(ref)
	token, err := c.creds.AccessToken(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctxError(op, ctx.Err())
		}
		return nil, &Error{Kind: ErrUnauthorized, Op: op, Err: err}
	}
	var (
		renewed  bool
		failures int
		limited  int
	)
	for {
		release, err := c.limiter.wait(ctx)
		if err != nil {
			return nil, ctxError(op, err)
		}
		resp, aerr := c.attempt(ctx, target, token, min(bodyLimit, c.maxBody), release)
		if ctx.Err() != nil {
			return nil, ctxError(op, ctx.Err())
		}
		if aerr != nil {
			aerr.Op = op
			if !transient(aerr) || failures >= c.maxRetries {
				return nil, aerr
			}
			failures++
			if err := sleepCtx(ctx, backoff(failures)); err != nil {
				return nil, ctxError(op, err)
			}
			continue
		}
		switch {
		case resp.status >= 200 && resp.status < 300:
			if err := checkSuccess(resp); err != nil {
				err.Op = op
				return nil, err
			}
			return resp, nil
		case resp.status == http.StatusUnauthorized && !renewed:
			renewed = true
			fresh, rerr := c.creds.Renew(ctx, token)
			if rerr != nil {
				if ctx.Err() != nil {
					return nil, ctxError(op, ctx.Err())
				}
				return nil, renewFailed(op, resp, rerr)
			}
			token = fresh
		case resp.status == http.StatusTooManyRequests:
			wait := retryAfter(resp)
			if limited >= rateLimitRetries || wait > c.maxRetryWait {
				return nil, rateLimited(op, resp, wait)
			}
			limited++
			if err := sleepCtx(ctx, wait); err != nil {
				return nil, ctxError(op, err)
			}
		case resp.status >= 500 && failures < c.maxRetries:
			failures++
			if err := sleepCtx(ctx, backoff(failures)); err != nil {
				return nil, ctxError(op, err)
			}
		default:
			return nil, errorFromResponse(op, resp)
		}
	}
}

// attempt performs one request under the per-attempt timeout and reads its
// body (at most bodyLimit bytes). It gives the limiter's slot back (release)
// once the exchange is over: the server has counted the request by then.
func (c *Client) attempt(ctx context.Context, target *url.URL, token string, bodyLimit int64, release func()) (*response, *Error) {
	defer release()
	actx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, target.String(), nil)
	if err != nil {
		return nil, &Error{Kind: ErrNetwork, Err: err}
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/hal+json, application/json, application/problem+json")
	req.Header.Set("User-Agent", c.userAgent)
	res, err := c.http.Do(req)
	release()
	if err != nil {
		return nil, c.transportError(actx, err)
	}
	defer res.Body.Close()
	resp := &response{status: res.StatusCode, header: res.Header, requestID: res.Header.Get("X-Request-Id")}
	if res.StatusCode == http.StatusNoContent {
		return resp, nil
	}
	limit := bodyLimit
	failed := res.StatusCode < 200 || res.StatusCode >= 300
	if failed {
		limit = min(limit, errorBodyLimit)
	}
	body, berr := readCapped(res, limit)
	if berr != nil {
		if errors.Is(berr, errBodyTooLarge) && failed {
			// An oversized error page still says what went wrong in its status.
			berr = nil
		} else {
			e := c.bodyError(actx, berr, limit)
			e.Status, e.RequestID = res.StatusCode, resp.requestID
			return nil, e
		}
	}
	resp.body = body
	return resp, nil
}

var errBodyTooLarge = errors.New("response body too large")

// readCapped reads at most limit+1 bytes, enough to tell that a body is
// over the limit without ever holding more of it.
func readCapped(res *http.Response, limit int64) ([]byte, error) {
	if res.ContentLength > limit {
		return nil, errBodyTooLarge
	}
	var buf bytes.Buffer
	if res.ContentLength > 0 {
		// ReadFrom wants MinRead bytes free before each read, even the one
		// that finds the end: with less it would double the buffer at the
		// last moment (an 8 MiB body would briefly cost 24 MiB).
		buf.Grow(int(res.ContentLength) + bytes.MinRead)
	}
	n, err := buf.ReadFrom(io.LimitReader(res.Body, limit+1))
	if n > limit {
		return nil, errBodyTooLarge
	}
	if err != nil {
		return buf.Bytes(), err
	}
	return buf.Bytes(), nil
}

func (c *Client) transportError(actx context.Context, err error) *Error {
	if errors.Is(actx.Err(), context.DeadlineExceeded) {
		// The cause is left out on purpose: it wraps context.DeadlineExceeded,
		// which callers read as their own deadline, not as a slow server.
		return &Error{Kind: ErrNetwork, Detail: fmt.Sprintf("timed out after %s", c.timeout)}
	}
	return &Error{Kind: ErrNetwork, Err: err}
}

func (c *Client) bodyError(actx context.Context, err error, limit int64) *Error {
	switch {
	case errors.Is(err, errBodyTooLarge):
		return &Error{Kind: ErrBadResponse, Detail: fmt.Sprintf("response body is larger than the %s limit", humanBytes(limit)), Err: errBodyTooLarge}
	case errors.Is(actx.Err(), context.DeadlineExceeded):
		return &Error{Kind: ErrNetwork, Detail: fmt.Sprintf("timed out after %s while reading the response", c.timeout)}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &Error{Kind: ErrBadResponse, Detail: "response body was cut off before its end (truncated)", Err: err}
	}
	return &Error{Kind: ErrNetwork, Detail: "reading the response failed", Err: err}
}

// transient says whether an attempt's failure may go away on a retry: the
// network, a timeout, or a connection cut in the middle of the body. GETs
// are idempotent, so repeating them is safe.
func transient(e *Error) bool {
	return errors.Is(e.Kind, ErrNetwork) || errors.Is(e.Err, io.ErrUnexpectedEOF)
}

// backoff is exponential with full jitter: a uniform wait in [0, ceiling),
// ceiling doubling from backoffBase per retry up to backoffCap, so clients
// that failed together do not retry together.
func backoff(retry int) time.Duration {
	ceiling := backoffCap
	if retry < 1 {
		retry = 1
	}
	if retry <= 4 {
		ceiling = min(backoffCap, backoffBase<<(retry-1))
	}
	return time.Duration(rand.Int64N(int64(ceiling)))
}

// ctxError keeps ctx's error matchable (errors.Is(err, context.Canceled))
// while saying what was interrupted.
func ctxError(op string, err error) error {
	return fmt.Errorf("%s: %w", op, err)
}
