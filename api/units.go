package api

import "strconv"

// humanBytes renders a size as "512 B", "1.2 KB", "8 MiB"-style text with
// binary multiples, which is how file managers and limits are usually read.
func humanBytes(n int64) string {
	if n < 1024 {
		return strconv.FormatInt(n, 10) + " B"
	}
	units := []string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	v := float64(n)
	i := -1
	for v >= 1024 && i < len(units)-1 {
		v /= 1024
		i++
	}
	return strconv.FormatFloat(v, 'f', decimalsFor(v), 64) + " " + units[i]
}

// decimalsFor keeps one decimal below 10 (1.5 MiB) and none above (120 MiB).
func decimalsFor(v float64) int {
	if v < 10 && v != float64(int64(v)) {
		return 1
	}
	return 0
}
