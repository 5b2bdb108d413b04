package auth

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"syscall"
)

// redirectTarget is where the loopback login listens: exactly the host,
// port and path of the registered redirect URI.
type redirectTarget struct {
	addr string // host:port to bind
	port string
	path string
}

// parseRedirect accepts only http redirect URIs on a loopback host;
// localhost is bound as 127.0.0.1 so the listener never faces the network.
func parseRedirect(redirectURI string) (redirectTarget, error) {
	u, err := url.Parse(redirectURI)
	if err != nil || u.Host == "" {
		return redirectTarget{}, fmt.Errorf("redirect URI %q is not a URL such as %s", redirectURI, DefaultRedirectURI)
	}
	host := u.Hostname()
	if !isLoopbackHost(host) {
		return redirectTarget{}, fmt.Errorf("%w: %s points to %s, so the browser cannot come back to leadscope; use `leadscope login --paste`, or register %s on the integration",
			ErrNotLoopback, redirectURI, host, DefaultRedirectURI)
	}
	if u.Scheme != "http" {
		return redirectTarget{}, fmt.Errorf("%w: %s uses %s, but leadscope listens with plain http on loopback; register http://%s instead, or use `leadscope login --paste`",
			ErrNotLoopback, redirectURI, u.Scheme, strings.TrimPrefix(redirectURI, u.Scheme+"://"))
	}
	if strings.EqualFold(host, "localhost") {
		host = "127.0.0.1"
	}
	port := u.Port()
	if port == "" {
		port = "80"
	}
	path := u.Path
	if path == "" {
		path = "/"
	}
	return redirectTarget{addr: net.JoinHostPort(host, port), port: port, path: path}, nil
}

// listen opens the loopback listener, naming the port when it is taken.
func (t redirectTarget) listen() (net.Listener, error) {
	ln, err := net.Listen("tcp", t.addr)
	switch {
	case err == nil:
		return ln, nil
	case errors.Is(err, syscall.EADDRINUSE):
		return nil, fmt.Errorf("%w: port %s (%s) is taken, perhaps by another leadscope login; stop that program, or register another redirect URI and set KOMMO_REDIRECT_URI", ErrPortInUse, t.port, t.addr)
	case errors.Is(err, syscall.EACCES):
		return nil, fmt.Errorf("no permission to listen on port %s (ports below 1024 need privileges): register a redirect URI with a higher port", t.port)
	}
	return nil, fmt.Errorf("listening on %s for the redirect: %w", t.addr, err)
}
