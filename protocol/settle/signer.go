package settle

import (
	"sort"

	"github.com/ethereum/go-ethereum/common"
)

// SignerSet is one of a provider's ProviderRegistered or ProviderUpdated events: from the time of its block
// on, Signer is the provider's signer key.
type SignerSet struct {
	Signer common.Address
	Block  uint64 // the event's block
	Time   uint64 // that block's time
}

// SignerAt returns the provider's signer at time at, given the provider's signer events in chain order
// (times never decrease): the key the newest event in a block with a time at most at set; ok is false if
// there is none. A record's receipt is the provider's iff its signer is SignerAt(closedAt); its ticket
// acceptance iff its signer is SignerAt of either of AcceptanceTimes (the
// provider signs it once, at the session's first request, so across a rotation the old key's acceptance
// closes with the new key's receipt). So a receipt signed before a rotation stays valid, a key rotated away
// from signs for no later close and accepts no session started after the rotation (a rotation retires a
// leaked hot key), and a key registered after the close signs and accepts for none: the answer depends on
// the record and the events up to its close alone, never on when it is read (the reader must know every
// event up to the time asked about: the keeper asks only once the chain is final past it).
func SignerAt(events []SignerSet, at uint64) (signer common.Address, ok bool) {
	i := sort.Search(len(events), func(i int) bool { return events[i].Time > at })
	if i == 0 {
		return common.Address{}, false
	}
	return events[i-1].Signer, true
}

// AcceptanceTimes are the two times at which a ticket acceptance's key is judged (SignerAt of either may
// have signed it): the session's start, Start(createdAt, rfcDeadline), and its close.
func AcceptanceTimes(createdAt, rfcDeadline, closedAt uint64) [2]uint64 {
	return [2]uint64{Start(createdAt, rfcDeadline), closedAt}
}
