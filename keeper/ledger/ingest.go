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

// maxFeedPages bounds the pages IngestOnce reads from one feed before it moves to the next: a feed that
// never ends (every page a new `next`) is read on in the next round, and the feeds after it are read in
// every round. A feed cut off by it is not caught up (due waits for it, at most a second grace). 20 pages of
// PageLimit (default 500) records: an honest feed's backlog is read 10,000 records a round.
const maxFeedPages = 20

// maxFeedRejected bounds the rejected rows the ingest stores of one feed in the rows the next batch file
// lists (numbered after the newest live epoch's RejectedLast): with each row bounded (store.InsertRejected,
// about 16 KiB at most in the file), a feed serving junk without end adds at most about 16 MiB to a batch
// file, far below the guard's --max-batch-bytes (1 GiB) for tens of feeds. An honest feed's rejections
// are a few a day. A row past it is not stored: its rejection is counted (keeper_rejected_records_total and
// keeper_rejected_unlisted_total) and logged once a feed a round. A copy whose row was not stored is not
// revived (revive).
const maxFeedRejected = 1000

// IngestOnce reads each feed until it has nothing new (then the feed is caught up as of the last fetch: an
// epoch is assembled once every feed was, after the epoch's cutoff plus the feed grace) or maxFeedPages pages
// were read, then the next feed. For each page it verifies every record, then in ONE database transaction
// stores the accepted sessions, the rejected records (within maxFeedRejected) and the new cursor, so a crash
// either keeps the whole page or none of it (and the page is fetched again). It returns the number of
// sessions stored.
func (l *Ledger) IngestOnce(ctx context.Context) (int, error) {
	total := 0
	var errs []error
	for _, feed := range l.cfg.Feeds {
		unlisted, cut := 0, false
		for pages := 0; ; pages++ {
			if cut = pages == maxFeedPages; cut {
				l.log.Info("feed read for the pages one round allows: the other feeds are read before more of it",
					zap.String("feed", feed), zap.Int("pages", pages))
				break
			}
			start := l.cfg.Now()
			n, dropped, more, err := l.ingestPage(ctx, feed)
			total += n
			unlisted += dropped
			if err != nil {
				errs = append(errs, fmt.Errorf("feed %s: %w", feed, err))
				break
			}
			if !more {
				l.caughtUp(feed, start)
				break
			}
		}
		if unlisted > 0 {
			l.log.Warn("rejected records not stored: the feed's quota of rows in the next batch file is used",
				zap.String("feed", feed), zap.Int("records", unlisted), zap.Int("quota", maxFeedRejected))
		}
		l.triedFeed(feed, cut)
	}
	return total, errors.Join(errs...)
}

// feedQuota is what one ingest transaction may still store of rejected rows, per feed (maxFeedRejected),
// and the rejections it stored (listed) and did not (unlisted).
type feedQuota struct {
	after    int64            // the newest live epoch's RejectedLast: the next batch file lists the rows after it
	rows     map[string]int64 // per feed read so far: its rows after `after`
	listed   []*Rejection
	unlisted []*Rejection
}

func newFeedQuota(ctx context.Context, tx *store.Tx) (*feedQuota, error) {
	q := &feedQuota{rows: map[string]int64{}}
	e, err := tx.NewestLive(ctx)
	switch {
	case err == nil:
		q.after = e.RejectedLast
	case !errors.Is(err, store.ErrNotFound):
		return nil, err
	}
	return q, nil
}

// insert stores row, of rejection rej, unless its feed's quota is used; a nil q stores every row (revive's
// rows are copies that were pending: a row each at most).
func (q *feedQuota) insert(ctx context.Context, tx *store.Tx, rej *Rejection, row store.Rejected) error {
	if q == nil {
		return tx.InsertRejected(ctx, row)
	}
	n, ok := q.rows[row.Feed]
	if !ok {
		var err error
		if n, err = tx.RejectedOfFeed(ctx, row.Feed, q.after); err != nil {
			return err
		}
	}
	if n >= maxFeedRejected {
		q.rows[row.Feed] = n
		q.unlisted = append(q.unlisted, rej)
		return nil
	}
	q.rows[row.Feed] = n + 1
	q.listed = append(q.listed, rej)
	return tx.InsertRejected(ctx, row)
}

// ingestPage reads and stores one page of feed: the sessions stored, the rejected records not stored
// (feedQuota), and whether the page moved the cursor (the feed may have more).
func (l *Ledger) ingestPage(ctx context.Context, feed string) (stored, unlisted int, more bool, err error) {
	cursor, err := l.cursor(ctx, feed)
	if err != nil {
		return 0, 0, false, err
	}
	page, err := l.fetch(ctx, feed, cursor)
	if err != nil {
		return 0, 0, false, err
	}
	if len(page.Sessions) == 0 {
		return 0, 0, false, nil
	}
	type item struct {
		s   *Session
		rej *Rejection
		raw json.RawMessage
	}
	var items []item
	var quota *feedQuota
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
				return 0, 0, false, err // transient: nothing stored, the page comes again
			}
			items = append(items, item{s: s, raw: raw})
		}
		crashpoint.Hit(crashpoint.IngestFetched)

		err = l.store.InTx(ctx, func(tx *store.Tx) error {
			stored = 0
			if err := tx.LockSessions(ctx); err != nil { // before any row is written: no epoch assembly in between
				return err
			}
			if l.reorgsSeen() != seen {
				return errReorgSeen
			}
			q, err := newFeedQuota(ctx, tx)
			if err != nil {
				return err
			}
			quota = q
			for _, it := range items {
				if it.rej != nil {
					if err := quota.insert(ctx, tx, it.rej, rejectedRow(feed, cursorOf(it.raw), it.rej, it.raw)); err != nil {
						return err
					}
					continue
				}
				s := it.s
				s.Feed = feed
				ok, err := tx.InsertPending(ctx, s)
				if err != nil {
					return err
				}
				if !ok { // another copy of the session is stored: keep the better (copies.go)
					kept, _, err := storeCopy(ctx, tx, quota, s, it.raw)
					if err != nil {
						return err
					}
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
		return 0, 0, false, fmt.Errorf("store page: %w", err)
	}
	crashpoint.Hit(crashpoint.IngestStored)
	for _, r := range quota.listed {
		l.metrics.rejected.WithLabelValues(r.Code).Inc()
		l.log.Warn("settlement record rejected", zap.String("feed", feed), zap.Stringer("session", r.SessionID),
			zap.String("code", r.Code), zap.String("detail", r.Detail))
	}
	for _, r := range quota.unlisted { // logged once a round (IngestOnce)
		l.metrics.rejected.WithLabelValues(r.Code).Inc()
		l.metrics.unlisted.WithLabelValues(r.Code).Inc()
	}
	l.metrics.sessions.Add(float64(stored))
	if stored > 0 {
		l.log.Info("sessions ingested", zap.String("feed", feed), zap.Int("stored", stored),
			zap.Int("rejected", len(quota.listed)+len(quota.unlisted)), zap.String("cursor", page.Next))
	}
	return stored, len(quota.unlisted), page.Next != cursor, nil
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
