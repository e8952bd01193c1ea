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

// SignerAt returns the provider's signer for a record closed at closedAt, given the provider's signer
// events in chain order (times never decrease): the key the newest event in a block with a time at most
// closedAt set; ok is false if there is none. A receipt or ticket acceptance is the provider's iff its
// signer is that key. So a receipt signed before a rotation stays valid (it closed before the rotation's
// block), a key rotated away from signs for no later close (a rotation retires a leaked hot key), and a key
// registered after the close signs for none: the answer depends on the record and the events up to its
// close alone, never on when it is read (the reader must know every event up to closedAt: the keeper asks
// only once the chain is final past it).
func SignerAt(events []SignerSet, closedAt uint64) (signer common.Address, ok bool) {
	i := sort.Search(len(events), func(i int) bool { return events[i].Time > closedAt })
	if i == 0 {
		return common.Address{}, false
	}
	return events[i-1].Signer, true
}
