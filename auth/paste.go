package auth

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// maxPasteBytes bounds one pasted line; a redirect URL is far shorter.
const maxPasteBytes = 64 << 10

// readPastedLine reads the first non-empty line from r, giving up when ctx
// ends (the read itself cannot be interrupted and is left behind).
func readPastedLine(ctx context.Context, r io.Reader) (string, error) {
	type line struct {
		text string
		err  error
	}
	got := make(chan line, 1)
	go func() {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 4096), maxPasteBytes)
		for sc.Scan() {
			if t := strings.TrimSpace(sc.Text()); t != "" {
				got <- line{text: t}
				return
			}
		}
		err := sc.Err()
		if err == nil {
			err = errors.New("nothing was pasted")
		} else if errors.Is(err, bufio.ErrTooLong) {
			err = errors.New("the pasted line is too long to be a redirect address")
		}
		got <- line{err: err}
	}()
	select {
	case l := <-got:
		return l.text, l.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// parsePasted accepts the whole redirected address (checked like a
// callback: state, error, referer) or just the code. A bare code carries no
// state to check, and no account: the caller must know the account.
func parsePasted(s string, check func(url.Values) (callbackResult, error)) (callbackResult, error) {
	if strings.ContainsAny(s, "?=&") || strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil {
			return callbackResult{}, errors.New("the pasted text is not a valid address: copy the whole address from the browser's address bar")
		}
		q := u.Query()
		if u.RawQuery == "" {
			// Only the query part was pasted.
			if q, err = url.ParseQuery(strings.TrimPrefix(s, "?")); err != nil {
				return callbackResult{}, errors.New("the pasted text is not a valid address: copy the whole address from the browser's address bar")
			}
		}
		return check(q)
	}
	if !plausibleCode(s) {
		return callbackResult{}, fmt.Errorf("the pasted text is neither the redirected address nor an authorization code")
	}
	return callbackResult{code: s}, nil
}

// plausibleCode: Kommo's codes are long runs of URL-safe characters.
func plausibleCode(s string) bool {
	if len(s) < 8 || len(s) > 4096 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~+/", r)) {
			return false
		}
	}
	return true
}
