package cli

import "context"

// The auth helper replaces this file with the real login, logout and status commands.

func storedConnection(e *Env, base string) (connection, error) {
	return connection{}, errNoCredentials
}

func runLogin(ctx context.Context, e *Env, args []string) int {
	return fail(e, ExitFailure, "login is not available in this build")
}

func runLogout(ctx context.Context, e *Env, args []string) int {
	return fail(e, ExitFailure, "logout is not available in this build")
}

func runStatus(ctx context.Context, e *Env, args []string) int {
	return fail(e, ExitFailure, "status is not available in this build")
}
