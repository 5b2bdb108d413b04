package sandbox

import "sync"

// counter counts requests by endpoint name.
type counter struct {
	mu         sync.Mutex
	byEndpoint map[string]int
	total      int
}

func (c *counter) add(endpoint string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byEndpoint[endpoint]++
	c.total++
}

// Requests is how many requests reached endpoint (one of the Endpoint*
// constants) since the start or the last ResetCounts, whatever they were answered.
func (s *Server) Requests(endpoint string) int {
	s.counts.mu.Lock()
	defer s.counts.mu.Unlock()
	return s.counts.byEndpoint[endpoint]
}

// TotalRequests is how many requests reached the server, on any path.
func (s *Server) TotalRequests() int {
	s.counts.mu.Lock()
	defer s.counts.mu.Unlock()
	return s.counts.total
}

// RequestCounts returns a copy of the per-endpoint counts.
func (s *Server) RequestCounts() map[string]int {
	s.counts.mu.Lock()
	defer s.counts.mu.Unlock()
	out := make(map[string]int, len(s.counts.byEndpoint))
	for k, v := range s.counts.byEndpoint {
		out[k] = v
	}
	return out
}

// ResetCounts zeroes the request counts, the RateLimited count and the
// arrivals MaxInWindow looks at.
func (s *Server) ResetCounts() {
	s.counts.mu.Lock()
	s.counts.byEndpoint = map[string]int{}
	s.counts.total = 0
	s.counts.mu.Unlock()
	s.rateLimited.Store(0)
	s.arrivals.reset()
}
