package wire

import (
	"fmt"
	"net/http"
	"strings"
)

// Routes serves mux and answers every request no pattern of mux matches with a PROTOCOL §9 envelope
// instead of the mux's plain text: 405 method_not_allowed (with the Allow header) for a path served under
// other methods, 404 not_found for any other path. write renders the envelope (nil: WriteError); a service
// with its own error shape (the OpenAI-compatible gateway) passes its writer. mux must not register a
// catch-all "/" pattern, which would hide both cases.
func Routes(mux *http.ServeMux, write func(http.ResponseWriter, *Error)) http.Handler {
	if write == nil {
		write = func(w http.ResponseWriter, e *Error) { WriteError(w, e) }
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := mux.Handler(r)
		if pattern != "" {
			if r.RequestURI == "*" || strings.Contains(pattern, "{") {
				mux.ServeHTTP(w, r) // matches again, to set the request's path values (or refuse "*")
				return
			}
			// A pattern without wildcards has no path values to set: the handler found is the one the mux
			// would run, so the request is not matched a second time.
			r.Pattern = pattern
			h.ServeHTTP(w, r)
			return
		}
		// No pattern: the mux's own 404 or 405 handler. Run it against a recorder to learn which one
		// (and the Allow header it computes), then answer in the envelope.
		rec := &statusRecorder{header: http.Header{}}
		h.ServeHTTP(rec, r)
		if rec.status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", rec.header.Get("Allow"))
			write(w, Errorf(http.StatusMethodNotAllowed, CodeMethodNotAllowed, "%s is not allowed on %s (allowed: %s)",
				r.Method, r.URL.Path, rec.header.Get("Allow")))
			return
		}
		write(w, &Error{Status: http.StatusNotFound, Code: CodeNotFound, Message: fmt.Sprintf("no route %s %s", r.Method, r.URL.Path)})
	})
}

// statusRecorder keeps the status and headers a handler writes and drops its body.
type statusRecorder struct {
	header http.Header
	status int
}

func (r *statusRecorder) Header() http.Header { return r.header }

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return len(b), nil
}
