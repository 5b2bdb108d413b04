package auth

import (
	"bytes"
	"html/template"
	"net/http"
)

var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>leadscope: {{.Title}}</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.5">
<h1 id="result">{{.Title}}</h1>
<p>{{.Message}}</p>
</body></html>
`))

// writePage answers the browser with a small page that needs nothing else
// (no scripts, no links), and keeps the code-bearing URL out of any referer.
func writePage(w http.ResponseWriter, status int, title, message string) {
	var b bytes.Buffer
	_ = pageTemplate.Execute(&b, struct{ Title, Message string }{title, message})
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Connection", "close")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

func successPage(w http.ResponseWriter) {
	writePage(w, http.StatusOK, "Authorization received",
		"Return to the terminal: leadscope is finishing the login there. You can close this tab.")
}

func failurePage(w http.ResponseWriter, err error) {
	writePage(w, http.StatusBadRequest, "Login failed", err.Error()+". Return to the terminal; nothing was changed.")
}
