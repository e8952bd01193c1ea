// Package cors lets a web page on another origin call a service's HTTP API (the Fetch standard's CORS
// protocol): the router and the provider wrap their handlers with it, each listing exactly the endpoints
// a browser page needs (the chat page at the router's /chat, or a page of the user's own) and the origins
// the operator allows.
//
// The rule: a request without an Origin header, from an origin not in the list, or to a path not listed
// is passed through untouched (no CORS header: the browser keeps the answer from the page). For a listed
// path and an allowed origin, a preflight (OPTIONS with Access-Control-Request-Method) is answered here,
// 204 with the allowed methods and headers, and any other request gets Access-Control-Allow-Origin on
// whatever the service answers, its PROTOCOL §9 error envelope included, so the page can read the error.
// No credentials are involved: every endpoint is public or authenticated by a signature in the request.
package cors

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Any is the origin-list entry that allows every origin.
const Any = "*"

// Route is one endpoint a page may call: a net/http ServeMux path pattern without method
// ("/v1/sessions/{id}/close") and the methods allowed on it.
type Route struct {
	Path    string
	Methods []string
}

// Policy says who may call which endpoints.
type Policy struct {
	// Origins are the allowed origins, "scheme://host[:port]" as browsers send them, or Any. Empty:
	// CORS is off (Handler returns next unchanged).
	Origins []string
	Routes  []Route
	// Headers are the request headers a page may send besides the CORS-safelisted ones
	// (e.g. Content-Type: application/json, X-LT-Ticket).
	Headers []string
	// Expose are the response headers a page may read besides the safelisted ones (e.g. Retry-After).
	Expose []string
	// MaxAge is how long, in seconds, a browser may cache a preflight's answer (0: 600).
	MaxAge int
}

// CheckOrigins validates an origin list as an operator typed it: each entry is Any or a bare
// "http(s)://host[:port]" origin (no path, query or trailing slash).
func CheckOrigins(origins []string) error {
	for _, o := range origins {
		if o == Any {
			continue
		}
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" || u.RawQuery != "" ||
			u.Fragment != "" || u.User != nil || u.Scheme+"://"+u.Host != o {
			return fmt.Errorf("cors: %q is not an origin (want scheme://host[:port], or %q)", o, Any)
		}
	}
	return nil
}

// Handler wraps next with p. It panics on a malformed Policy (a programming error: Routes are fixed by
// the service, origins are checked with CheckOrigins when the configuration is read).
func Handler(p Policy, next http.Handler) http.Handler {
	if len(p.Origins) == 0 {
		return next
	}
	if err := CheckOrigins(p.Origins); err != nil {
		panic(err)
	}
	if p.MaxAge == 0 {
		p.MaxAge = 600
	}
	h := &handler{next: next, routes: http.NewServeMux(), any: slices.Contains(p.Origins, Any),
		origins: map[string]bool{}, headers: strings.Join(p.Headers, ", "), expose: strings.Join(p.Expose, ", "),
		maxAge: strconv.Itoa(p.MaxAge)}
	for _, o := range p.Origins {
		h.origins[strings.ToLower(o)] = true
	}
	for _, r := range p.Routes {
		methods := strings.Join(r.Methods, ", ")
		h.routes.Handle(r.Path, methodsHandler(methods))
	}
	return h
}

// methodsHandler is a route's marker in the matching mux: its value is the route's allowed methods.
type methodsHandler string

func (methodsHandler) ServeHTTP(http.ResponseWriter, *http.Request) {}

type handler struct {
	next            http.Handler
	routes          *http.ServeMux
	any             bool
	origins         map[string]bool
	headers, expose string
	maxAge          string
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	if origin == "" || !(h.any || h.origins[strings.ToLower(origin)]) {
		h.next.ServeHTTP(w, r)
		return
	}
	mh, pattern := h.routes.Handler(r)
	methods, ok := mh.(methodsHandler)
	if pattern == "" || !ok {
		h.next.ServeHTTP(w, r)
		return
	}
	hd := w.Header()
	hd.Add("Vary", "Origin")
	allow := origin
	if h.any {
		allow = Any
	}
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		hd.Add("Vary", "Access-Control-Request-Method")
		hd.Add("Vary", "Access-Control-Request-Headers")
		hd.Set("Access-Control-Allow-Origin", allow)
		hd.Set("Access-Control-Allow-Methods", string(methods))
		if h.headers != "" {
			hd.Set("Access-Control-Allow-Headers", h.headers)
		}
		hd.Set("Access-Control-Max-Age", h.maxAge)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	hd.Set("Access-Control-Allow-Origin", allow)
	if h.expose != "" {
		hd.Set("Access-Control-Expose-Headers", h.expose)
	}
	h.next.ServeHTTP(w, r)
}
