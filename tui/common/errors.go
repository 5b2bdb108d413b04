package common

import (
	"context"
	"errors"
	"strings"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/tui/sanitize"
)

// ErrorText says what went wrong in one line a user can act on. Text from
// the server is cleaned: it is about to reach the terminal.
func ErrorText(err error) string {
	if err == nil {
		return ""
	}
	var apiErr *api.Error
	detail := ""
	if errors.As(err, &apiErr) {
		detail = firstNonEmpty(apiErr.Hint, apiErr.Detail, apiErr.Title)
		if apiErr.RequestID != "" {
			detail = strings.TrimSpace(detail + " [request " + apiErr.RequestID + "]")
		}
	}
	with := func(msg string) string {
		if detail != "" && !strings.EqualFold(detail, msg) {
			msg += ": " + detail
		}
		return sanitize.Line(msg)
	}
	switch {
	case errors.Is(err, api.ErrNotFound):
		return "not found"
	case errors.Is(err, api.ErrUnauthorized):
		return with("not authenticated, run `leadscope login`")
	case errors.Is(err, api.ErrRateLimited):
		msg := "rate limited by Kommo"
		if apiErr != nil && apiErr.RetryAfter > 0 {
			msg += ", wait " + Wait(apiErr.RetryAfter) + " and try again"
		}
		return sanitize.Line(msg)
	case errors.Is(err, api.ErrBlocked):
		return with("Kommo blocked this account or IP after too many requests; contact Kommo support")
	case errors.Is(err, api.ErrPaymentRequired):
		return with("the Kommo account is unpaid or its trial is over")
	case errors.Is(err, api.ErrForbidden):
		return with("not permitted for this user")
	case errors.Is(err, api.ErrNetwork):
		return with("network error, check the connection and try again")
	case errors.Is(err, api.ErrServer):
		return with("Kommo server error, try again later")
	case errors.Is(err, api.ErrBadResponse):
		return with("Kommo sent a response leadscope cannot read")
	case errors.Is(err, api.ErrBadRequest):
		return with("Kommo refused the request")
	case errors.Is(err, context.DeadlineExceeded):
		return "timed out, try again"
	}
	return sanitize.Line(err.Error())
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
