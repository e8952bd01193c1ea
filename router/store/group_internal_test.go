package store

import (
	"context"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/protocol/eip712"
)

func groupSession(user common.Address, digest byte, price, secs uint64) *Session {
	d := common.Hash{digest}
	prov := common.HexToAddress("0xb0b0")
	id := eip712.SessionID(d, prov)
	p := uint256.NewInt(price)
	return &Session{ID: id, RFCDigest: d,
		Ticket: eip712.SessionTicket{SessionID: id, User: user, Provider: prov, ModelID: common.Hash{0xee},
			PricePerSecond: *p, MaxSeconds: uint32(secs), NotAfter: 1000},
		TicketSignature: eip712.Signature{1}, Router: common.HexToAddress("0x01"), Endpoint: "http://p", Day: 7,
		Reserved: new(uint256.Int).Mul(p, uint256.NewInt(secs)), CreatedAt: 100, ExpiresAt: 1100}
}

// TestGroupCommitMixedOutcomes commits one group holding every outcome a CreateSession can have, in an
// order where each depends on the ones before it: each request is answered as if it ran alone after them,
// and a refused one leaves nothing behind (its nonce stays usable, no session, no reservation).
func TestGroupCommitMixedOutcomes(t *testing.T) {
	for _, be := range dbtest.Backends {
		t.Run(be.Name, func(t *testing.T) {
			ctx := context.Background()
			db, err := Open(ctx, be.DSN(t))
			require.NoError(t, err)
			t.Cleanup(func() { db.Close() })
			alice, bob := common.HexToAddress("0xa11ce"), common.HexToAddress("0xb0b")
			allow := uint256.NewInt(1010)

			// A session whose nonce has been pruned since (its RFC's deadline passed): 10 wei reserved.
			_, created, err := db.CreateSession(ctx, NewSession{Session: groupSession(alice, 0xe, 1, 10), Nonce: 9, Deadline: 10, Allowance: allow})
			require.NoError(t, err)
			require.True(t, created)
			_, err = db.PruneNonces(ctx, 11)
			require.NoError(t, err)

			cancelled, cancel := context.WithCancel(ctx)
			cancel()
			req := func(c context.Context, user common.Address, digest byte, price, nonce uint64) *createReq {
				return &createReq{ctx: c, n: NewSession{Session: groupSession(user, digest, price, 100), Nonce: nonce, Deadline: 500, Allowance: allow}}
			}
			group := []*createReq{
				req(ctx, alice, 0xa, 2, 1),       // 0: created, 200 reserved (210 used)
				req(ctx, alice, 0xa, 2, 1),       // 1: a retry of 0 racing it: 0's session
				req(ctx, alice, 0xb, 2, 1),       // 2: another RFC with 0's nonce
				req(ctx, alice, 0xc, 9, 2),       // 3: 900 more would exceed 1010
				req(ctx, alice, 0xd, 8, 2),       // 4: nonce 2 is still free after 3; 800 more is exactly 1010
				req(cancelled, alice, 0xf, 1, 3), // 5: its caller gave up
				req(ctx, alice, 0xe, 1, 9),       // 6: the pruned-nonce session's RFC again
				req(ctx, bob, 0x1b, 3, 1),        // 7: another user's usage row, same group
				req(ctx, bob, 0x1c, 8, 2),        // 8: 710 from the allowance, 90 from the deposit
				req(ctx, bob, 0x1d, 1, 3),        // 9: the deposit has 10 left, 100 needed
			}
			for _, r := range group[8:] {
				r.n.Deposit = &DepositLimit{Available: uint256.NewInt(100), Gen: 4}
			}
			db.commitGroup(group)

			require.NoError(t, group[0].err)
			require.True(t, group[0].created)
			require.NoError(t, group[1].err)
			require.False(t, group[1].created)
			require.Equal(t, group[0].sess.ID, group[1].sess.ID)
			require.ErrorIs(t, group[2].err, ErrNonceReused)
			require.ErrorIs(t, group[3].err, ErrAllowanceExhausted)
			require.NoError(t, group[4].err)
			require.True(t, group[4].created)
			require.ErrorIs(t, group[5].err, context.Canceled)
			require.ErrorIs(t, group[6].err, errSessionExists)
			require.NoError(t, group[7].err)
			require.True(t, group[7].created)
			require.NoError(t, group[8].err)
			require.Equal(t, uint64(90), group[8].sess.DepositReserved.Uint64())
			require.ErrorIs(t, group[9].err, ErrDepositExhausted)

			used, err := db.Used(ctx, alice, 7)
			require.NoError(t, err)
			require.Equal(t, uint64(1010), used.Uint64())
			used, err = db.Used(ctx, bob, 7)
			require.NoError(t, err)
			require.Equal(t, uint64(1010), used.Uint64())
			charged, err := db.DepositUsed(ctx, bob, 4)
			require.NoError(t, err)
			require.Equal(t, uint64(90), charged.Uint64())
			for nonce, want := range map[uint64]bool{2: true, 3: false} {
				got, err := db.NonceUsed(ctx, bob, nonce)
				require.NoError(t, err)
				require.Equal(t, want, got, "bob's nonce %d", nonce)
			}
			for nonce, want := range map[uint64]bool{1: true, 2: true, 3: false, 9: false} {
				got, err := db.NonceUsed(ctx, alice, nonce)
				require.NoError(t, err)
				require.Equal(t, want, got, "alice's nonce %d", nonce)
			}
			for digest, want := range map[byte]bool{0xa: true, 0xb: false, 0xc: false, 0xd: true, 0xe: true, 0xf: false, 0x1b: true, 0x1c: true, 0x1d: false} {
				_, err := db.SessionByDigest(ctx, common.Hash{digest})
				if want {
					require.NoError(t, err, "digest %x", digest)
				} else {
					require.ErrorIs(t, err, ErrUnknownSession, "digest %x", digest)
				}
			}
		})
	}
}

// TestHexAddrMatchesStoredForm: rows written before hexAddr dropped the checksum held strings.ToLower(a.Hex()).
func TestHexAddrMatchesStoredForm(t *testing.T) {
	a := common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
	require.Equal(t, strings.ToLower(a.Hex()), hexAddr(a))
}
