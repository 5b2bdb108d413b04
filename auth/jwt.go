package auth

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"
)

// TokenExpiry reads the exp claim of a JWT-shaped token (Kommo's access and
// long-lived tokens are JWTs) without verifying anything: it only tells the
// user when a token ends. ok is false for anything else.
func TokenExpiry(token string) (exp time.Time, ok bool) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return time.Time{}, false
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return time.Time{}, false
	}
	var claims struct {
		Exp json.Number `json:"exp"`
	}
	if json.Unmarshal(payload, &claims) != nil {
		return time.Time{}, false
	}
	sec, err := claims.Exp.Int64()
	if err != nil || sec <= 0 {
		return time.Time{}, false
	}
	return time.Unix(sec, 0).UTC(), true
}
