package auth

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"golang.org/x/oauth2"
)

// LoginOptions configure one OAuth login.
type LoginOptions struct {
	// Settings name the integration (client id and secret, redirect URI,
	// authorization URL, PKCE); their Account is ignored in favour of Account.
	Settings Settings
	// Account is the API origin the user named (e.g. "https://acme.kommo.com",
	// already normalised), or "" to take the account the user picks in the
	// browser, which must then be a Kommo or amoCRM host.
	Account string
	// Out receives the URL to open and the hints. Never a token.
	Out io.Writer
	// Paste, when set, switches to the paste flow: the redirected address
	// (or the code) is read from it instead of listening on loopback.
	Paste io.Reader
	// NoBrowser only prints the URL. OpenBrowser opens it (nil: the system
	// browser); it is not called under SSH, where Out gets an ssh -L hint.
	NoBrowser   bool
	OpenBrowser func(url string) error
	Getenv      func(string) string
	// Timeout bounds the wait for the browser (loopback flow); 0 means DefaultTimeout.
	Timeout time.Duration
	// HTTPClient talks to the token endpoint; nil means a default one.
	// Redirects are never followed.
	HTTPClient *http.Client
	// Ready, if set, is called once the login waits for the browser's answer:
	// the listener accepts connections, or the paste prompt is shown.
	Ready func(authURL string)
}

// Login runs Kommo's OAuth flow and returns the new credentials, unsaved:
// nothing on disk changes unless the caller saves them, so a failed or
// cancelled login leaves the old session alone.
func Login(ctx context.Context, o LoginOptions) (*Credentials, error) {
	s := o.Settings
	if s.ClientID == "" || s.ClientSecret == "" {
		return nil, ErrMissingClient
	}
	if o.Account != "" {
		if err := checkAccountURL(o.Account); err != nil {
			return nil, err
		}
	}
	if o.Out == nil {
		o.Out = io.Discard
	}
	state := newState()
	var verifier, challenge string
	if s.PKCE {
		verifier = oauth2.GenerateVerifier()
		challenge = oauth2.S256ChallengeFromVerifier(verifier)
	}
	authURL, err := authorizationURL(s.AuthURL, s.ClientID, state, challenge)
	if err != nil {
		return nil, err
	}
	var account string
	check := func(q url.Values) (callbackResult, error) {
		res, err := readCallback(q, state)
		if err != nil {
			return res, err
		}
		account, err = accountFor(o.Account, res.referer)
		return res, err
	}
	var cb callbackResult
	if o.Paste != nil {
		cb, err = pasteFlow(ctx, o, authURL, check)
	} else {
		cb, err = loopbackFlow(ctx, o, authURL, check)
	}
	if err != nil {
		return nil, err
	}
	if account == "" { // a bare pasted code names no account
		if account, err = accountFor(o.Account, ""); err != nil {
			return nil, err
		}
	}
	return exchangeCode(ctx, o, account, cb.code, verifier)
}

func loopbackFlow(ctx context.Context, o LoginOptions, authURL string, check func(url.Values) (callbackResult, error)) (callbackResult, error) {
	target, err := parseRedirect(o.Settings.RedirectURI)
	if err != nil {
		return callbackResult{}, err
	}
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return waitForCallback(ctx, target, timeout, check, func() {
		fmt.Fprintf(o.Out, "Open this address in your browser to log in to Kommo:\n\n  %s\n\n", authURL)
		offerBrowser(o, target, authURL)
		fmt.Fprintf(o.Out, "Waiting up to %v for the browser to come back to %s (Ctrl-C cancels)...\n", timeout, oneLine(o.Settings.RedirectURI, 300))
		if o.Ready != nil {
			o.Ready(authURL)
		}
	})
}

// offerBrowser opens the browser when that helps: not when asked not to,
// and not over SSH, where the user's browser is on another machine.
func offerBrowser(o LoginOptions, target redirectTarget, authURL string) {
	getenv := o.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	switch {
	case underSSH(getenv):
		fmt.Fprintf(o.Out, "You are on SSH: the browser on your own computer must reach port %s here. On that computer run\n\n  ssh -L %s:%s -N <this host>\n\nthen open the address above there.\n\n",
			target.port, target.port, target.addr)
		return
	case o.NoBrowser:
		return
	}
	open := o.OpenBrowser
	if open == nil {
		open = OpenSystemBrowser
	}
	if err := open(authURL); err != nil {
		fmt.Fprintln(o.Out, "(Could not open a browser: open the address above yourself.)")
	}
}

func pasteFlow(ctx context.Context, o LoginOptions, authURL string, check func(url.Values) (callbackResult, error)) (callbackResult, error) {
	fmt.Fprintf(o.Out, "Open this address in a browser and allow access:\n\n  %s\n\n", authURL)
	fmt.Fprintf(o.Out, "The browser then goes to %s (an error page there is fine).\nPaste that whole address from the address bar (or just the code) and press Enter:\n", oneLine(o.Settings.RedirectURI, 300))
	if o.Ready != nil {
		o.Ready(authURL)
	}
	line, err := readPastedLine(ctx, o.Paste)
	if err != nil {
		return callbackResult{}, err
	}
	return parsePasted(line, check)
}

// exchangeCode trades the code for tokens at the account's own token
// endpoint; the code and secret go nowhere else.
func exchangeCode(ctx context.Context, o LoginOptions, account, code, verifier string) (*Credentials, error) {
	cfg := oauthConfig(account, o.Settings.ClientID, o.Settings.ClientSecret, o.Settings.RedirectURI)
	var opts []oauth2.AuthCodeOption
	if verifier != "" {
		opts = append(opts, oauth2.VerifierOption(verifier))
	}
	ctx = context.WithValue(ctx, oauth2.HTTPClient, tokenHTTPClient(o.HTTPClient))
	tok, err := cfg.Exchange(ctx, code, opts...)
	if err != nil {
		return nil, tokenError(ctx, "exchanging the authorization code", err, false)
	}
	if tok.AccessToken == "" {
		return nil, fmt.Errorf("exchanging the authorization code: Kommo sent no access token")
	}
	return &Credentials{
		Account: account, Kind: KindOAuth,
		AccessToken: tok.AccessToken, RefreshToken: tok.RefreshToken, TokenType: tok.TokenType, Expiry: tok.Expiry,
		ClientID: o.Settings.ClientID, ClientSecret: o.Settings.ClientSecret,
	}, nil
}
