package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// ErrOtherChain: the router's database was filled from another chain than the one it now reads (a devnet
// started again, with the same chain id and contract addresses but other blocks; another deployment; an RPC
// pointing elsewhere). Its sessions, nonces, usage and feed belong to that chain: the indexer would only
// re-index its events, and keepers would reject the old sessions. The router refuses to start on it.
var ErrOtherChain = errors.New("store: this database was filled from another chain")

// anchorName is the meta row holding the number and hash of the block the database is anchored to.
const anchorName = "chain_anchor"

// CheckChain anchors the database to the chain: the first time, it records the hash of block number (the
// deployment's start block); on every later start it returns ErrOtherChain, saying what to do, unless hash
// (the chain's hash of that block now) is the one recorded. A database from before the anchor is anchored
// on its next start.
func (s *DB) CheckChain(ctx context.Context, number uint64, hash common.Hash) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		n, h, err := s.metaTx(ctx, tx, anchorName, true)
		if err != nil {
			return err
		}
		if h == "" {
			return s.setMetaTx(ctx, tx, anchorName, int64(number), hash.Hex())
		}
		if uint64(n) == number && h == hash.Hex() {
			return nil
		}
		return fmt.Errorf("%w: it holds block %d with hash %s, the chain has block %d with hash %s: start the router on a new --database "+
			"(a devnet started again needs one; on a live chain, check --rpc and --deployment name the chain this database was filled from)",
			ErrOtherChain, n, h, number, hash.Hex())
	})
}
