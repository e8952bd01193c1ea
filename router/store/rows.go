package store

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

const sessionCols = `id, rfc_digest, user_addr, provider, model_id, price, max_seconds, not_after, expires_at, ticket_sig,
	router, endpoint, day, reserved, state, created_at, closed_at, close_reason, receipt, user_sig, provider_sig,
	billed_seconds, flags, held, feed_seq, rfc, last_request, deposit_reserved, deposit_gen, ticket_acceptance, close_signature`

type scanner interface{ Scan(dest ...any) error }

// sessionWhere reads one session in tx, or from the read pool when tx is nil.
func (s *DB) sessionWhere(ctx context.Context, tx *sql.Tx, where string, args ...any) (*Session, error) {
	sess, err := scanSession(s.row(ctx, tx, qSessionWhere+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrUnknownSession
	}
	return sess, err
}

func (s *DB) sessionsWhere(ctx context.Context, where string, args ...any) ([]*Session, error) {
	rows, err := s.rows(ctx, qSessionWhere+where, args...)
	if err != nil {
		return nil, fmt.Errorf("store: query sessions: %w", err)
	}
	defer rows.Close()
	var out []*Session
	for rows.Next() {
		sess, err := scanSession(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sess)
	}
	return out, rows.Err()
}

func scanSession(r scanner) (*Session, error) {
	var (
		id, digest, user, provider, model, price, tsig, router, endpoint, reserved, state string
		reason, receipt, usig, psig, flags, rfc, last, depReserved, accept, closeSig      string
		maxSecs, notAfter, expires, day, created, closed, billed, held, depGen            int64
		seq                                                                               sql.NullInt64
	)
	err := r.Scan(&id, &digest, &user, &provider, &model, &price, &maxSecs, &notAfter, &expires, &tsig, &router, &endpoint,
		&day, &reserved, &state, &created, &closed, &reason, &receipt, &usig, &psig, &billed, &flags, &held, &seq, &rfc, &last, &depReserved, &depGen, &accept, &closeSig)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		return nil, fmt.Errorf("store: scan session: %w", err)
	}
	p, err := parseAmount(price)
	if err != nil {
		return nil, err
	}
	res, err := parseAmount(reserved)
	if err != nil {
		return nil, err
	}
	dep, err := parseAmount(depReserved)
	if err != nil {
		return nil, err
	}
	sess := &Session{
		ID:        common.HexToHash(id),
		RFCDigest: common.HexToHash(digest),
		Ticket: eip712.SessionTicket{
			SessionID: common.HexToHash(id), User: common.HexToAddress(user), Provider: common.HexToAddress(provider),
			ModelID: common.HexToHash(model), PricePerSecond: *p, MaxSeconds: uint32(maxSecs), NotAfter: uint64(notAfter),
		},
		Router: common.HexToAddress(router), Endpoint: endpoint, Day: uint64(day), Reserved: res, State: state,
		CreatedAt: uint64(created), ExpiresAt: uint64(expires), ClosedAt: uint64(closed), CloseReason: reason,
		BilledSeconds: uint32(billed), Held: held != 0, DepositReserved: dep, DepositGen: uint64(depGen),
	}
	if err := sess.TicketSignature.UnmarshalText([]byte(tsig)); err != nil {
		return nil, fmt.Errorf("store: ticket signature: %w", err)
	}
	if rfc != "" { // empty only in rows written before protocol v2
		if err := json.Unmarshal([]byte(rfc), &sess.RFC); err != nil {
			return nil, fmt.Errorf("store: rfc: %w", err)
		}
		// The ticket's v2 fields are the RFC's (the router copies them when it issues the ticket).
		sess.Ticket.SessionKey, sess.Ticket.UseDeposit = sess.RFC.RFC.SessionKey, sess.RFC.RFC.UseDeposit
	}
	if receipt != "" {
		sess.Receipt = new(eip712.UsageReceipt)
		if err := json.Unmarshal([]byte(receipt), sess.Receipt); err != nil {
			return nil, fmt.Errorf("store: receipt: %w", err)
		}
	}
	if last != "" {
		sess.LastRequest = new(wire.SignedRequest)
		if err := json.Unmarshal([]byte(last), sess.LastRequest); err != nil {
			return nil, fmt.Errorf("store: last request: %w", err)
		}
	}
	if sess.UserSignature, err = optSig(usig); err != nil {
		return nil, err
	}
	if sess.ProviderSignature, err = optSig(psig); err != nil {
		return nil, err
	}
	if sess.TicketAcceptance, err = optSig(accept); err != nil {
		return nil, err
	}
	if sess.CloseSignature, err = optSig(closeSig); err != nil {
		return nil, err
	}
	if flags != "" {
		sess.Flags = strings.Split(flags, ",")
	}
	if seq.Valid {
		sess.FeedSeq = uint64(seq.Int64)
	}
	return sess, nil
}

// signedRFCText is the stored form of a signed RFC: its canonical JSON envelope.
func signedRFCText(r *eip712.SignedRFC) string {
	b, _ := r.MarshalJSON() // never fails
	return string(b)
}

func optSig(s string) (*eip712.Signature, error) {
	if s == "" {
		return nil, nil
	}
	var sig eip712.Signature
	if err := sig.UnmarshalText([]byte(s)); err != nil {
		return nil, fmt.Errorf("store: signature: %w", err)
	}
	return &sig, nil
}

func parseAmount(dec string) (*uint256.Int, error) {
	v, err := uint256.FromDecimal(dec)
	if err != nil {
		return nil, fmt.Errorf("store: amount %q: %w", dec, err)
	}
	return v, nil
}

// hexAddr is strings.ToLower(a.Hex()) without the EIP-55 checksum's keccak (it runs on every write).
func hexAddr(a common.Address) string { return "0x" + hex.EncodeToString(a[:]) }

func hexHash(h common.Hash) string { return h.Hex() }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
