package api

import "github.com/laketravis/laketravis/internal/cors"

// PageRoutes are exactly the router endpoints a browser chat page calls (web/static/chat): the models and
// their cheapest prices, the user's allowance today, the RFC, a session's record, and the close at the
// router when the provider is gone. Nothing else is offered to other origins.
var PageRoutes = []cors.Route{
	{Path: "/v1/models", Methods: []string{"GET"}},
	{Path: "/v1/allowance/{user}", Methods: []string{"GET"}},
	{Path: "/v1/rfc", Methods: []string{"POST"}},
	{Path: "/v1/sessions/{id}", Methods: []string{"GET"}},
	{Path: "/v1/sessions/{id}/close", Methods: []string{"POST"}},
}

// PagePolicy is the CORS policy of PageRoutes for origins (empty: off; the router's own /chat page is
// same-origin and needs none).
func PagePolicy(origins []string) cors.Policy {
	return cors.Policy{Origins: origins, Routes: PageRoutes, Headers: []string{"Content-Type"}, Expose: []string{"Retry-After"}}
}
