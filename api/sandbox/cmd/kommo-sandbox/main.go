// Command kommo-sandbox runs the Kommo-compatible sandbox server on loopback
// for benchmark scripts and manual testing. It prints two lines on stdout,
//
//	url=http://127.0.0.1:PORT
//	token=sandbox-token
//
// and serves until SIGINT or SIGTERM. Flags: -addr (loopback only, default
// 127.0.0.1:0), -latency (added to every request), -rate (requests per second
// before 429, default 7; 0 or negative disables it, e.g. for repeated benchmarks),
// -filters-off (play an account without Kommo's API filter feature).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/leadscope/leadscope/api/sandbox"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "loopback address to listen on")
	latency := flag.Duration("latency", 0, "latency added to every request, e.g. 100ms")
	rate := flag.Int("rate", sandbox.DefaultRateLimit, "API requests allowed in any 1 s window before 429; 0 or negative disables the limit")
	filtersOff := flag.Bool("filters-off", false, "ignore filter[...] on lead lists, as accounts without Kommo's API filter feature do")
	flag.Parse()
	if *rate == 0 {
		*rate = -1
	}

	srv, err := sandbox.Start(sandbox.Options{Addr: *addr, Latency: *latency, RateLimit: *rate})
	if err != nil {
		fmt.Fprintln(os.Stderr, "kommo-sandbox:", err)
		os.Exit(1)
	}
	if *filtersOff {
		srv.SetFaults(sandbox.Faults{FiltersDisabled: true})
	}
	fmt.Printf("url=%s\ntoken=%s\n", srv.URL(), sandbox.Token)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	<-stop
	srv.Close()
}
