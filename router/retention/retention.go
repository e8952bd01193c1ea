// Package retention prunes what the router no longer needs (issue 19): sessions and their feed entries once
// every configured keeper has settled them (credited in an epoch whose root is claimable: committed and past
// its dispute window, or rejected) and they closed longer ago than the window, and the usage rows of
// finished days that hold no session any more. What the reports show of them stays as aggregates
// (store.Prune). The keepers say how far they settled this router's feed (GET /v1/feeds, wire.KeeperFeeds);
// a keeper that is unreachable, has not read the feed, or is behind holds pruning back: nothing a keeper
// has not settled is ever deleted.
package retention

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/store"
)

// Store is what retention needs of the router's database.
type Store interface {
	FeedHead(ctx context.Context) (uint64, error)
	Prune(ctx context.Context, r store.Retention) (store.Pruned, error)
}

// Days tells the current protocol day (allowance.Source).
type Days interface {
	Day(ctx context.Context) (uint64, error)
}

// Config configures a Pruner.
type Config struct {
	Keepers []string      // base URLs of every keeper that settles this router's feed
	FeedURL string        // this router's feed as the keepers name it (their --routers entry)
	Window  time.Duration // sessions closed less than this long ago stay
	Client  *http.Client  // nil: a client with a 10 s timeout
	Now     func() time.Time
}

// Pruner prunes on every Once.
type Pruner struct {
	cfg  Config
	db   Store
	days Days
	log  *zap.Logger
}

// New returns a Pruner. Keepers and FeedURL are required, Window positive.
func New(cfg Config, db Store, days Days, log *zap.Logger) (*Pruner, error) {
	if len(cfg.Keepers) == 0 || cfg.FeedURL == "" || cfg.Window <= 0 {
		return nil, errors.New("retention: keepers, feed URL and a positive window are required")
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: 10 * time.Second}
	}
	cfg.Client = netguard.NoRedirects(cfg.Client)
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Pruner{cfg: cfg, db: db, days: days, log: log}, nil
}

// Run prunes every interval until ctx ends; failures are logged and retried next time.
func (p *Pruner) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := p.Once(ctx); err != nil && ctx.Err() == nil {
			p.log.Warn("retention: nothing pruned", zap.Error(err))
		} else if n.Sessions > 0 || n.UsageRows > 0 {
			p.log.Info("retention: pruned", zap.Int64("sessions", n.Sessions), zap.Int64("usageRows", n.UsageRows))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Once asks every keeper how far it settled the feed and prunes up to the least of them.
func (p *Pruner) Once(ctx context.Context) (store.Pruned, error) {
	head, err := p.db.FeedHead(ctx)
	if err != nil {
		return store.Pruned{}, err
	}
	safe := head // a keeper cannot have settled more than was handed out
	for _, k := range p.cfg.Keepers {
		s, err := p.settled(ctx, k)
		if err != nil {
			return store.Pruned{}, fmt.Errorf("keeper %s: %w", k, err)
		}
		safe = min(safe, s)
	}
	today, err := p.days.Day(ctx)
	if err != nil {
		return store.Pruned{}, fmt.Errorf("protocol day: %w", err)
	}
	before := p.cfg.Now().Add(-p.cfg.Window).Unix()
	return p.db.Prune(ctx, store.Retention{SettledSeq: safe, Before: uint64(max(before, 0)), Today: today})
}

// maxFeedsBody bounds a keeper's /v1/feeds answer.
const maxFeedsBody = 1 << 20

// settled is the feed sequence keeper settled this router's feed through (0 when it names no settled cursor
// for it).
func (p *Pruner) settled(ctx context.Context, keeper string) (uint64, error) {
	u, err := url.JoinPath(keeper, "/v1/feeds")
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := p.cfg.Client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxFeedsBody))
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, wire.DecodeError(resp, body)
	}
	var feeds wire.KeeperFeeds
	if err := json.Unmarshal(body, &feeds); err != nil {
		return 0, fmt.Errorf("feeds: %w", err)
	}
	for _, f := range feeds.Feeds {
		if sameURL(f.URL, p.cfg.FeedURL) {
			if f.Settled == "" {
				return 0, nil
			}
			v, err := strconv.ParseUint(f.Settled, 10, 64)
			if err != nil {
				return 0, fmt.Errorf("settled cursor %q: %w", f.Settled, err)
			}
			return v, nil
		}
	}
	return 0, nil // it has not read this feed (yet)
}

func sameURL(a, b string) bool { return strings.TrimRight(a, "/") == strings.TrimRight(b, "/") }
