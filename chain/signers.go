package chain

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/protocol/settle"
)

// signerEvents are the Marketplace events that say who may sign for it: those that set a provider's signer
// key, ProviderRegistered and ProviderUpdated (provider and signer both indexed), and those that grant and
// revoke a role, RoleGranted and RoleRevoked (role, account and sender all indexed); their ids from the
// binding's ABI, and the binding that decodes them.
var signerEvents = func() (s struct {
	registered, updated common.Hash
	granted, revoked    common.Hash
	parse               *marketplace.MarketplaceFilterer
}) {
	parsed, err := marketplace.MarketplaceMetaData.GetAbi()
	if err != nil {
		panic(fmt.Sprintf("chain: Marketplace ABI: %v", err))
	}
	s.registered, s.updated = parsed.Events["ProviderRegistered"].ID, parsed.Events["ProviderUpdated"].ID
	s.granted, s.revoked = parsed.Events["RoleGranted"].ID, parsed.Events["RoleRevoked"].ID
	if s.parse, err = marketplace.NewMarketplaceFilterer(common.Address{}, nil); err != nil {
		panic(fmt.Sprintf("chain: Marketplace binding: %v", err))
	}
	return s
}()

// SignerTopics is the eth_getLogs topic filter (FilterQuery.Topics) of the Marketplace events that set a
// provider's signer key: those of the given providers, or of every provider when none is given. Each call
// returns new slices, which the caller may extend (with more event ids in its first position, say).
func SignerTopics(providers ...common.Address) [][]common.Hash {
	t := [][]common.Hash{{signerEvents.registered, signerEvents.updated}}
	if len(providers) == 0 {
		return t
	}
	who := make([]common.Hash, len(providers))
	for i, p := range providers {
		who[i] = common.BytesToHash(p.Bytes())
	}
	return append(t, who)
}

// SignerEvent decodes l, a log of the Marketplace, if it is one of the events that set a provider's signer
// key (SignerTopics): the provider, and the key it set from the time of l's block on, with that block and
// its time (l.BlockTimestamp, as l carries it). ok is false for any other event, and for a removed log (a
// reorg notice): it sets no key. err is set, ok false, when l has a signer event's id but does not decode.
func SignerEvent(l types.Log) (provider common.Address, set settle.SignerSet, ok bool, err error) {
	if l.Removed || len(l.Topics) == 0 {
		return common.Address{}, settle.SignerSet{}, false, nil
	}
	var signer common.Address
	switch l.Topics[0] {
	case signerEvents.registered:
		e, err := signerEvents.parse.ParseProviderRegistered(l)
		if err != nil {
			return common.Address{}, settle.SignerSet{}, false, fmt.Errorf("chain: decode ProviderRegistered: %w", err)
		}
		provider, signer = e.Provider, e.Signer
	case signerEvents.updated:
		e, err := signerEvents.parse.ParseProviderUpdated(l)
		if err != nil {
			return common.Address{}, settle.SignerSet{}, false, fmt.Errorf("chain: decode ProviderUpdated: %w", err)
		}
		provider, signer = e.Provider, e.Signer
	default:
		return common.Address{}, settle.SignerSet{}, false, nil
	}
	return provider, settle.SignerSet{Signer: signer, Block: l.BlockNumber, Time: l.BlockTimestamp}, true, nil
}

// RouterRoleTopics is the eth_getLogs topic filter (FilterQuery.Topics) of the Marketplace's grants and
// revocations of ROUTER_ROLE (RoleGranted, RoleRevoked). Each call returns new slices, which the caller may
// extend; a caller that filters for other events too takes the event ids alone (its first position) and
// leaves the other roles' events to RouterRoleEvent.
func RouterRoleTopics() [][]common.Hash {
	return [][]common.Hash{{signerEvents.granted, signerEvents.revoked}, {ids.RouterRole}}
}

// RouterRoleEvent decodes l, a log of the Marketplace, if it grants or revokes ROUTER_ROLE (RouterRoleTopics):
// the account (never the sender who granted it), and whether it holds the role from l's block on. ok is
// false for any other event, for a grant or revocation of another role, and for a removed log (a reorg
// notice). err is set, ok false, when l has a role event's id but does not decode.
func RouterRoleEvent(l types.Log) (account common.Address, held, ok bool, err error) {
	if l.Removed || len(l.Topics) == 0 {
		return common.Address{}, false, false, nil
	}
	var role common.Hash
	switch l.Topics[0] {
	case signerEvents.granted:
		e, err := signerEvents.parse.ParseRoleGranted(l)
		if err != nil {
			return common.Address{}, false, false, fmt.Errorf("chain: decode RoleGranted: %w", err)
		}
		role, account, held = e.Role, e.Account, true
	case signerEvents.revoked:
		e, err := signerEvents.parse.ParseRoleRevoked(l)
		if err != nil {
			return common.Address{}, false, false, fmt.Errorf("chain: decode RoleRevoked: %w", err)
		}
		role, account = e.Role, e.Account
	default:
		return common.Address{}, false, false, nil
	}
	if role != ids.RouterRole {
		return common.Address{}, false, false, nil
	}
	return account, held, true, nil
}
