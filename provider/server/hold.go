package server

import (
	"time"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
)

// ticketBound is the latest notAfter a ticket following from rfc may have here: settle.LatestNotAfter of
// its deadline and maxSeconds (at most MaxTicketLife, which every ticket is refused beyond anyway).
// Every ticket of a session id follows from the same RFC (sessionId = keccak(rfcDigest, provider), checked
// by checkRFC), so a closed session's id held until this bound (session.Table.Begin's hold) outlasts every ticket
// another router may issue for it: none is served a second time once the first is closed. Any other
// ticket is refused.
func ticketBound(rfc *eip712.RFC) uint64 {
	return settle.LatestNotAfter(rfc.Deadline, min(uint64(rfc.MaxSeconds), uint64(MaxTicketLife/time.Second)))
}
