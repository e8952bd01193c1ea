package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

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

// IngestOnce pulls every feed until it has nothing new. For each page it verifies every record, then in
// ONE database transaction stores the accepted sessions, the rejected records and the new cursor, so a
// crash either keeps the whole page or none of it (and the page is fetched again). It returns the number
// of sessions stored.
func (l *Ledger) IngestOnce(ctx context.Context) (int, error) {
	total := 0
	var errs []error
	for _, feed := range l.cfg.Feeds {
		for {
			n, more, err := l.ingestPage(ctx, feed)
			total += n
			if err != nil {
				errs = append(errs, fmt.Errorf("feed %s: %w", feed, err))
				break
			}
			if !more {
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
	items := make([]item, 0, len(page.Sessions))
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

	var rejected []*Rejection
	err = l.store.InTx(ctx, func(tx *store.Tx) error {
		stored, rejected = 0, nil
		var seq int64
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(seq), 0) FROM sessions`).Scan(&seq); err != nil {
			return err
		}
		for _, it := range items {
			if it.rej != nil {
				if err := insertRejected(ctx, tx, feed, cursorOf(it.raw), it.rej, it.raw); err != nil {
					return err
				}
				rejected = append(rejected, it.rej)
				continue
			}
			s := it.s
			seq++
			res, err := tx.Exec(ctx, `INSERT INTO sessions (session_id, seq, feed, cursor, provider, builder, fee_bps, price,
				seconds, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING`,
				s.ID.Hex(), seq, feed, s.Cursor, s.Provider.Hex(), s.Builder.Hex(), int64(s.FeeBps), s.Price.Dec(),
				int64(s.Seconds), int64(s.ClosedAt))
			if err != nil {
				return fmt.Errorf("insert session %s: %w", s.ID, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				// Billed before — by this feed or another router's. The first record wins; this one
				// is reported, never credited.
				var firstFeed string
				_ = tx.QueryRow(ctx, `SELECT feed FROM sessions WHERE session_id = ?`, s.ID.Hex()).Scan(&firstFeed)
				rej := reject(s.ID, RejectDuplicate, "session already billed through feed %s", firstFeed)
				if err := insertRejected(ctx, tx, feed, s.Cursor, rej, it.raw); err != nil {
					return err
				}
				rejected = append(rejected, rej)
				seq--
				continue
			}
			if _, err := tx.Exec(ctx, `INSERT INTO session_records (seq, record) VALUES (?, ?)`, seq, string(s.Record)); err != nil {
				return fmt.Errorf("insert record of session %s: %w", s.ID, err)
			}
			stored++
		}
		_, err := tx.Exec(ctx, `INSERT INTO feeds (url, cursor, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
			feed, page.Next, time.Now().Unix())
		return err
	})
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

func insertRejected(ctx context.Context, tx *store.Tx, feed, cursor string, r *Rejection, raw json.RawMessage) error {
	var id int64
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM rejected`).Scan(&id); err != nil {
		return err
	}
	if !json.Valid(raw) {
		b, _ := json.Marshal(string(raw))
		raw = b
	}
	_, err := tx.Exec(ctx, `INSERT INTO rejected (id, feed, cursor, session_id, code, detail, record, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		id, feed, cursor, r.SessionID.Hex(), r.Code, r.Detail, string(raw), time.Now().Unix())
	return err
}

func (l *Ledger) cursor(ctx context.Context, feed string) (string, error) {
	var c string
	err := l.store.InTx(ctx, func(tx *store.Tx) error {
		err := tx.QueryRow(ctx, `SELECT cursor FROM feeds WHERE url = ?`, feed).Scan(&c)
		if errors.Is(err, sql.ErrNoRows) {
			c = ""
			return nil
		}
		return err
	})
	return c, err
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
