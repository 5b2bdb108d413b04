package api

import (
	"math"
	"strconv"
	"strings"
)

// FormatMoney groups thousands and appends the currency, keeping minor
// units only when there are any: "1,500,000 USD", "99.50 EUR", "12,500"
// without a currency. The lead's price and price or monetary fields all
// read this way.
func FormatMoney(amount float64, currency string) string {
	text := moneyText(amount)
	if currency = strings.TrimSpace(currency); currency != "" {
		text += " " + currency
	}
	return text
}

func moneyText(amount float64) string {
	if math.IsNaN(amount) || math.IsInf(amount, 0) {
		return strconv.FormatFloat(amount, 'f', -1, 64)
	}
	return groupDecimal(strconv.FormatFloat(amount, 'f', 2, 64))
}

// groupDecimal groups a plain decimal's whole part ("-1234567.50" becomes
// "-1,234,567.50"), drops a fraction of zeros and the sign of a zero.
func groupDecimal(text string) string {
	neg := strings.HasPrefix(text, "-")
	text = strings.TrimLeft(text, "+-")
	whole, frac, _ := strings.Cut(text, ".")
	if strings.Trim(frac, "0") == "" {
		frac = ""
	}
	out := groupThousands(whole)
	if frac != "" {
		out += "." + frac
	}
	if neg && strings.Trim(whole+frac, "0") != "" {
		out = "-" + out
	}
	return out
}

func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}
