// Package crashpoint kills the keeper process at a named point of its pipeline, for crash-safety tests.
//
// Once Arm names a point, the first Hit of that point sends SIGKILL to the process itself: no deferred
// function runs, no buffer is flushed, no database transaction is committed — exactly what a power cut
// or an OOM kill does. Unarmed, Hit costs one load and nothing ever dies. Nothing here reads the
// environment: only a keeper built with the crashpoints build tag arms it, from EnvVar (keeper/cmd/keeper),
// so a production keeper started with that variable set ignores it. The points are listed in Points so
// tests can iterate over them.
package crashpoint

import (
	"os"
	"sync/atomic"
	"syscall"

	"github.com/laketravis/laketravis/keeper/txmgr"
)

// EnvVar names the point at which the process kills itself.
const EnvVar = "LT_KEEPER_CRASH_AT"

// The pipeline points, in the order one epoch passes them.
const (
	IngestFetched    = "ingest.fetched"      // a feed page fetched and verified, nothing stored
	IngestStored     = "ingest.stored"       // page and cursor committed in one DB transaction
	EpochAssembled   = "epoch.assembled"     // epoch row, credits and tree committed
	BatchFileWritten = "epoch.batch_written" // batch file on disk, state not yet advanced
	BatchStateStored = "epoch.batch_stored"  // state batch_written committed
	TxPersisted      = txmgr.HookPersisted   // signed commit tx stored, not yet broadcast
	TxBroadcast      = txmgr.HookBroadcast   // tx broadcast, not yet mined
	TxMinedSeen      = txmgr.HookMinedSeen   // receipt seen, intent not yet marked mined
	EpochMined       = "epoch.mined"         // epoch state mined committed
	EpochConfirmed   = "epoch.confirmed"     // epoch state confirmed committed
	EpochClaimable   = "epoch.claimable"     // epoch state claimable committed
	ClaimsBroadcast  = "claims.broadcast"    // claimMany tx broadcast (hit through txmgr.broadcast of a claims intent)
	ClaimsConfirmed  = "claims.confirmed"    // claimMany confirmed, epoch claims state not yet stored
)

// Points lists every point.
var Points = []string{
	IngestFetched, IngestStored, EpochAssembled, BatchFileWritten, BatchStateStored, TxPersisted,
	TxBroadcast, TxMinedSeen, EpochMined, EpochConfirmed, EpochClaimable, ClaimsBroadcast, ClaimsConfirmed,
}

var target atomic.Pointer[string]

// Arm makes point the crash point ("" disarms).
func Arm(point string) {
	if point == "" {
		target.Store(nil)
		return
	}
	target.Store(&point)
}

// Armed returns the crash point, "" if none.
func Armed() string {
	if p := target.Load(); p != nil {
		return *p
	}
	return ""
}

// Hit kills the process with SIGKILL if point is the armed crash point.
func Hit(point string) {
	if p := target.Load(); p == nil || point != *p {
		return
	}
	_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
	select {} // SIGKILL is not catchable; wait for it to land
}
