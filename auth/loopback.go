package auth

import (
	"net"
	"strings"
)

// isLoopbackHost accepts 127.0.0.0/8, ::1 and localhost: hosts that never leave the machine.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
