package common

import (
	"math"
	"strconv"

	"github.com/charmbracelet/lipgloss"
	"github.com/leadscope/leadscope/theme"
)

// Chip draws text on a Kommo colour (a tag or a stage) with whichever of
// near-black or white reads better on it. Without colour it is bracketed so
// it still stands out; a missing or malformed colour falls back to the
// theme's selection colour.
func Chip(st theme.Styles, text, kommoColor string) string {
	if st.Plain {
		return "[" + text + "]"
	}
	rgb, ok := ParseHexColor(kommoColor)
	if !ok {
		return st.Chip.Foreground(st.Palette.SelectionText).Background(st.Palette.Selection).Render(text)
	}
	return st.Chip.Foreground(ChipText(rgb)).Background(lipgloss.Color(formatHex(rgb))).Render(text)
}

// ChipText picks black or white text, whichever has the higher WCAG contrast
// against bg; one of them always reaches 4.5:1 (AA) on any colour.
func ChipText(bg [3]uint8) lipgloss.Color {
	l := Luminance(bg)
	if Contrast(l, Luminance(darkText)) >= Contrast(l, Luminance(lightText)) {
		return lipgloss.Color(formatHex(darkText))
	}
	return lipgloss.Color(formatHex(lightText))
}

var (
	darkText  = [3]uint8{0x00, 0x00, 0x00}
	lightText = [3]uint8{0xff, 0xff, 0xff}
)

// Contrast is the WCAG contrast ratio of two relative luminances.
func Contrast(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	return (a + 0.05) / (b + 0.05)
}

// ChipWidth is how many columns Chip(text) takes, without rendering it.
func ChipWidth(text string) int {
	return lipgloss.Width(text) + 2
}

// ParseHexColor accepts "#rgb" and "#rrggbb"; anything else (names, ANSI
// numbers, text from a hostile server) is refused.
func ParseHexColor(s string) ([3]uint8, bool) {
	if len(s) != 4 && len(s) != 7 || s[0] != '#' {
		return [3]uint8{}, false
	}
	hex := s[1:]
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	var rgb [3]uint8
	for i := range rgb {
		v, err := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		if err != nil {
			return [3]uint8{}, false
		}
		rgb[i] = uint8(v)
	}
	return rgb, true
}

func formatHex(rgb [3]uint8) string {
	const digits = "0123456789abcdef"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range rgb {
		b[1+2*i] = digits[v>>4]
		b[2+2*i] = digits[v&0xf]
	}
	return string(b)
}

// Luminance is the WCAG relative luminance of an sRGB colour, 0 (black) to 1.
func Luminance(rgb [3]uint8) float64 {
	lin := func(c uint8) float64 {
		v := float64(c) / 255
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(rgb[0]) + 0.7152*lin(rgb[1]) + 0.0722*lin(rgb[2])
}
