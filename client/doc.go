// Package client is the user side of Lake Travis: a Go client library for routers and providers, on which
// the `lt` user CLI (cmd/lt) and the local OpenAI-compatible gateway (gateway/) are built.
//
// The flow it implements (PROTOCOL §7, protocol/README.md):
//
//  1. [NewRFC] builds a Request For Compute for a model ("name:tag"), [SignRFC] signs it under the
//     deployment's EIP-712 domain, [RouterClient.PostRFC] sends it and gets a signed SessionTicket.
//     [Client.Open] does all three and checks the ticket (user, session id, price, router signature).
//  2. A [Session] holds the ticket and the user's key. Every provider request carries the three
//     authentication headers: X-LT-Ticket (base64url, no padding, of {"ticket", "signature"}),
//     X-LT-Request ("<seq>.<unix seconds>", seq strictly increasing) and X-LT-Signature (the user's
//     EIP-191 personal_sign of wire.RequestText), or, on the MAC fast path ([SessionOptions.MAC], mac.go),
//     X-LT-MAC and X-LT-Evidence instead of a signature on the request's path; and, until the provider has
//     answered one with a 2xx, X-LT-RFC, the user's signed RFC ([SessionOptions.RFC]), without which a
//     provider does not open the session. The session meters what it observes: seconds of active
//     time (the union of intervals with a request in flight, rounded up, as the provider meters them),
//     input and output tokens, and the first time to first token.
//  3. [Session.Close] signs the UsageReceipt and posts it to the provider, which countersigns and
//     reports the close to the router; the client checks the countersignature and that the router's
//     record carries its receipt. If the provider is unreachable, refuses the close, or its close is not
//     so confirmed, the session is closed at the router with the user's signature (settled by rule,
//     flagged); a router holding another close is an [OtherCloseError].
//
// Errors: a PROTOCOL §9 answer comes back as a *wire.Error (errors.As). Failures that mean "this peer is
// gone" — connection errors, timeouts, HTTP 5xx — also wrap [ErrUnreachable], which is what the gateway
// branches on to fail over.
//
// No method here sends a transaction: the user's path has none.
//
// Files: rfc.go (step 1), router.go (the router's HTTP API), client.go (Open), session.go (a session, its
// saved state), requests.go (step 2: authenticated provider requests, streams), mac.go (the MAC fast
// path of step 2), close.go (step 3),
// meter.go (what the session observes).
package client
