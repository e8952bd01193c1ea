package server

import (
	"time"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
)

// TicketSlack is how far past its RFC's deadline plus maxSeconds an honest router's ticket may last
// (seconds): a router checks the deadline when the RFC arrives, issues the ticket after its queue (10 s by
// default, router --queue-timeout) and liveness probes, and sets notAfter to the issue time plus the
// ticket's maxSeconds (at most the RFC's) plus its grace, below settle.CloseWindow (the router refuses a
// larger --grace). CloseWindow covers the grace, eip712.MaxDeadlineAhead (10 minutes, sixty times the
// default queue) the queue and probes.
const TicketSlack = settle.CloseWindow + uint64(eip712.MaxDeadlineAhead/time.Second)

// ticketBound is the latest notAfter a ticket following from rfc may have here: its deadline, plus its
// maxSeconds (at most MaxTicketLife, which every ticket is refused beyond anyway), plus TicketSlack.
// Every ticket of a session id follows from the same RFC (sessionId = keccak(rfcDigest, provider), checked
// by checkRFC), so a closed session's id held until this bound (session.Table.Begin's hold) outlasts every ticket
// another router may issue for it: none is served a second time once the first is closed. Any other
// ticket is refused.
func ticketBound(rfc *eip712.RFC) uint64 {
	secs := min(uint64(rfc.MaxSeconds), uint64(MaxTicketLife/time.Second))
	if b := rfc.Deadline + secs + TicketSlack; b >= rfc.Deadline {
		return b
	}
	return ^uint64(0) // overflow: a deadline no router admits (MaxTicketLife bounds the ticket then)
}
