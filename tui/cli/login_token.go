package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/leadscope/leadscope/api"
	"github.com/leadscope/leadscope/auth"
)

// maxTokenBytes bounds the token read from stdin; Kommo's JWTs are ~1 KB.
const maxTokenBytes = 16 << 10

// loginWithToken stores a long-lived token read from stdin (never from
// argv, where `ps` would show it) after Kommo accepted it.
func loginWithToken(ctx context.Context, e *Env, store *auth.Store, account string) int {
	if account == "" {
		return fail(e, ExitUsage, "--with-token needs the account: pass --account acme.kommo.com or set KOMMO_BASE_URL")
	}
	base, err := api.NormalizeBaseURL(account)
	if err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	token, err := readToken(e)
	if err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	client, err := newClient(connection{baseURL: base.String(), credentials: api.StaticToken(token)})
	if err != nil {
		return fail(e, ExitUsage, "%v", err)
	}
	if _, err := client.Account(ctx); err != nil {
		if errors.Is(err, api.ErrUnauthorized) {
			return fail(e, ExitAuth, "Kommo refused this token for %s; nothing was stored", base.Host)
		}
		return fail(e, exitCode(err), "checking the token with %s: %s; nothing was stored", base.Host, describe(err))
	}
	creds := &auth.Credentials{Account: base.String(), Kind: auth.KindLongLived, AccessToken: token, TokenType: "Bearer"}
	if exp, ok := auth.TokenExpiry(token); ok {
		creds.Expiry = exp
	}
	return saveLogin(ctx, e, store, creds)
}

// readToken reads the token from stdin: without echo from a terminal, else
// the first line of the pipe.
func readToken(e *Env) (string, error) {
	var raw string
	if f, ok := e.Stdin.(term.File); ok && e.StdinIsTTY {
		fmt.Fprint(e.Stderr, "Paste the long-lived token (it will not be shown) and press Enter: ")
		b, err := term.ReadPassword(f.Fd())
		fmt.Fprintln(e.Stderr)
		if err != nil {
			return "", fmt.Errorf("reading the token: %v", err)
		}
		raw = string(b)
	} else {
		line, err := bufio.NewReaderSize(io.LimitReader(e.Stdin, maxTokenBytes+1), 4096).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("reading the token from stdin: %v", err)
		}
		if len(line) > maxTokenBytes {
			return "", errors.New("the token on stdin is too long")
		}
		raw = line
	}
	token := strings.TrimSpace(raw)
	token = strings.TrimPrefix(token, "Bearer ")
	switch {
	case token == "":
		return "", errors.New("no token on stdin: pipe it in, e.g. leadscope login --with-token < token.txt")
	case strings.ContainsFunc(token, func(r rune) bool { return r <= ' ' || r == 0x7f }):
		return "", errors.New("the token on stdin contains spaces or control characters")
	}
	return token, nil
}
