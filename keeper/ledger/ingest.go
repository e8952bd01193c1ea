package ledger

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"go.uber.org/zap"

	"github.com/laketravis/laketravis/keeper/crashpoint"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/wire"
)

// maxPageBytes bounds one feed page.
const maxPageBytes = 64 << 20

// rawPage is a settlement page with records left raw, so one malformed record is rejected on its own
// instead of failing the page.
type rawPage struct {
	Sessions []json.RawMessage `json:"sessions"`
	Next     string            `json:"next"`
}

// IngestOnce pulls every feed until it has nothing new (then the feed is caught up as of the last fetch:
// an epoch is assembled once every feed was, after the epoch's cutoff plus the feed grace). For each page it verifies every record, then in
// ONE database transaction stores the accepted sessions, the rejected records and the new cursor, so a
// crash either keeps the whole page or none of it (and the page is fetched again). It returns the number
// of sessions stored.
func (l *Ledger) IngestOnce(ctx context.Context) (int, error) {
	total := 0
	var errs []error
	for _, feed := range l.cfg.Feeds {
		for {
			start := l.cfg.Now()
			n, more, err := l.ingestPage(ctx, feed)
			total += n
			if err != nil {
				errs = append(errs, fmt.Errorf("feed %s: %w", feed, err))
				break
			}
			if !more {
				l.caughtUp(feed, start)
				break
			}
		}
	}
	return total, errors.Join(errs...)
}

func (l *Ledger) ingestPage(ctx context.Context, feed string) (stored int, more bool, err error) {
	cursor, err := l.cursor(ctx, feed)
	if err != nil {
		return 0, false, err
	}
	page, err := l.fetch(ctx, feed, cursor)
	if err != nil {
		return 0, false, err
	}
	if len(page.Sessions) == 0 {
		return 0, false, nil
	}
	type item struct {
		s   *Session
		rej *Rejection
		raw json.RawMessage
	}
	var items []item
	var rejected []*Rejection
	for {
		// A page verified while the signer history saw a reorg deeper than the confirmations may rest on
		// blocks that are gone. The count is checked again under the sessions lock, which Assemble's
		// flagging of the pending sessions takes too (flagReorged): the page is stored before that flagging,
		// or verified again here.
		seen := l.reorgsSeen()
		items = make([]item, 0, len(page.Sessions))
		for _, raw := range page.Sessions {
			s, err := l.verifier.Verify(ctx, feed, raw)
			if rej, ok := IsRejection(err); ok {
				items = append(items, item{rej: rej, raw: raw})
				continue
			}
			if err != nil {
				return 0, false, err // transient: nothing stored, the page comes again
			}
			items = append(items, item{s: s, raw: raw})
		}
		crashpoint.Hit(crashpoint.IngestFetched)

		err = l.store.InTx(ctx, func(tx *store.Tx) error {
			stored, rejected = 0, nil
			if err := tx.LockSessions(ctx); err != nil { // before any row is written: no epoch assembly in between
				return err
			}
			if l.reorgsSeen() != seen {
				return errReorgSeen
			}
			for _, it := range items {
				if it.rej != nil {
					if err := tx.InsertRejected(ctx, rejectedRow(feed, cursorOf(it.raw), it.rej, it.raw)); err != nil {
						return err
					}
					rejected = append(rejected, it.rej)
					continue
				}
				s := it.s
				s.Feed = feed
				ok, err := tx.InsertPending(ctx, s)
				if err != nil {
					return err
				}
				if !ok { // another copy of the session is stored: keep the better (copies.go)
					kept, rejs, err := storeCopy(ctx, tx, s, it.raw)
					if err != nil {
						return err
					}
					rejected = append(rejected, rejs...)
					if !kept {
						continue
					}
				}
				stored++
			}
			if err := l.recordFinal(ctx, tx, seen); err != nil {
				return err
			}
			return tx.SetCursor(ctx, feed, page.Next)
		})
		if !errors.Is(err, errReorgSeen) {
			break
		}
		l.log.Warn("a reorg deeper than the confirmations was seen while a page was verified: verifying it again", zap.String("feed", feed))
	}
	if err != nil {
		return 0, false, fmt.Errorf("store page: %w", err)
	}
	crashpoint.Hit(crashpoint.IngestStored)
	for _, r := range rejected {
		l.metrics.rejected.WithLabelValues(r.Code).Inc()
		l.log.Warn("settlement record rejected", zap.String("feed", feed), zap.Stringer("session", r.SessionID),
			zap.String("code", r.Code), zap.String("detail", r.Detail))
	}
	l.metrics.sessions.Add(float64(stored))
	if stored > 0 {
		l.log.Info("sessions ingested", zap.String("feed", feed), zap.Int("stored", stored),
			zap.Int("rejected", len(rejected)), zap.String("cursor", page.Next))
	}
	return stored, page.Next != cursor, nil
}

func cursorOf(raw json.RawMessage) string {
	var c struct {
		Cursor string `json:"cursor"`
	}
	_ = json.Unmarshal(raw, &c)
	return c.Cursor
}

// rejectedRow is the rejected table's row of a record refused for r.
func rejectedRow(feed, cursor string, r *Rejection, raw json.RawMessage) store.Rejected {
	return store.Rejected{Feed: feed, Cursor: cursor, SessionID: r.SessionID.Hex(), Code: r.Code, Detail: r.Detail, Record: raw}
}

func (l *Ledger) cursor(ctx context.Context, feed string) (string, error) {
	return l.store.Cursor(ctx, feed)
}

func (l *Ledger) fetch(ctx context.Context, feed, cursor string) (*rawPage, error) {
	u, err := url.Parse(feed)
	if err != nil {
		return nil, err
	}
	u = u.JoinPath("/v1/settlement/sessions")
	q := u.Query()
	q.Set("after", cursor)
	q.Set("limit", strconv.Itoa(l.cfg.PageLimit))
	u.RawQuery = q.Encode()
	cctx, cancel := context.WithTimeout(ctx, l.cfg.HTTPTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(cctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := l.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxPageBytes))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, wire.DecodeError(resp, body)
	}
	var p rawPage
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, fmt.Errorf("feed page: %w", err)
	}
	return &p, nil
}
