package e2e

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/client"
)

// SoakOptions configure Stack.Soak.
type SoakOptions struct {
	Duration time.Duration // how long sessions are opened [5m]
	Sample   time.Duration // one sample line this often [10s]
	Workers  int           // concurrent users of the one user key [4: the stack's provider serves 4 requests at once]
	Out      io.Writer     // the sample lines (nil: discarded)
	// DBFill is how long the router's database may legitimately grow before its size can be steady: the
	// retention window plus how long the router must keep a nonce (the RFC deadline) plus one pruning
	// period. The router.db verdict reads only the samples after it (0: the common warm-up).
	DBFill time.Duration
}

// ProcSample is one process's resources at a sample: resident memory, open file descriptors and, when
// its /metrics exposes go_goroutines, its goroutines (-1 otherwise).
type ProcSample struct {
	RSS        int64
	FDs        int
	Goroutines int
}

// SoakSample is the state at one sample time.
type SoakSample struct {
	At       time.Duration
	Sessions int64   // sessions completed so far
	Errors   int64   // failed sessions so far
	Rate     float64 // sessions per second since the previous sample
	Procs    map[string]ProcSample
	RouterDB int64 // bytes of the router's database files (with the WAL)
}

// SoakResult is what Soak measured; Verdicts says, per measure, whether it stayed flat.
type SoakResult struct {
	Samples  []SoakSample
	Sessions int64
	Errors   int64
	Verdicts map[string]string // "router rss" → "flat" or "growing (…)"
}

// Soak runs sustained load through the real router, provider and keeper for o.Duration: each worker
// opens a session with the client library (an RFC to the router), sends one plain and one streamed chat
// completion to the provider, and closes the session with a countersigned receipt, again and again. Every
// o.Sample it writes sessions/s, errors and each process's RSS, file descriptors and goroutines; at the
// end, the verdicts computed from the samples (see verdict).
func (s *Stack) Soak(ctx context.Context, o SoakOptions) (*SoakResult, error) {
	if o.Duration <= 0 {
		o.Duration = 5 * time.Minute
	}
	if o.Sample <= 0 {
		o.Sample = 10 * time.Second
	}
	if o.Workers <= 0 {
		o.Workers = 4
	}
	if o.Out == nil {
		o.Out = io.Discard
	}
	c := &client.Client{Router: client.NewRouterClient(s.RouterURL, nil), Domain: s.Domain, Key: s.User.Key}
	params := client.RFCParams{Model: s.Opts.Model, MaxPricePerSecond: uint256.MustFromBig(s.Opts.Prices[0]), MaxSeconds: 60}
	body := func(stream bool) []byte {
		return fmt.Appendf(nil, `{"model":%q,"stream":%t,"messages":[{"role":"user","content":"soak"}]}`, s.Opts.Model, stream)
	}
	var sessions, failures atomic.Int64
	var firstErr atomic.Value
	one := func(ctx context.Context) (err error) {
		sess, err := c.Open(ctx, params)
		if err != nil {
			return fmt.Errorf("open: %w", err)
		}
		defer func() {
			if err != nil { // a failed session is still closed, so that its reservation returns
				_, _ = sess.Close(context.WithoutCancel(ctx))
			}
		}()
		if _, err := sess.ChatCompletion(ctx, body(false)); err != nil {
			return fmt.Errorf("chat: %w", err)
		}
		st, err := sess.StreamChatCompletion(ctx, body(true))
		if err != nil {
			return fmt.Errorf("stream: %w", err)
		}
		for {
			if _, err := st.Next(); err != nil {
				st.Close()
				if !errors.Is(err, io.EOF) {
					return fmt.Errorf("stream: %w", err)
				}
				break
			}
		}
		if _, err := sess.Close(ctx); err != nil {
			return fmt.Errorf("close: %w", err)
		}
		return nil
	}

	runCtx, stop := context.WithTimeout(ctx, o.Duration)
	defer stop()
	var wg sync.WaitGroup
	for range o.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for runCtx.Err() == nil {
				err := one(runCtx)
				switch {
				case err == nil:
					sessions.Add(1)
				case runCtx.Err() != nil: // cut by the end of the run, not a failure
				default:
					failures.Add(1)
					firstErr.CompareAndSwap(nil, err)
				}
			}
		}()
	}

	res := &SoakResult{}
	start, last, lastN := time.Now(), time.Now(), int64(0)
	fmt.Fprintf(o.Out, "soak: %d workers for %s, a sample every %s\n", o.Workers, o.Duration, o.Sample)
	tick := time.NewTicker(o.Sample)
	defer tick.Stop()
	for done := false; !done; {
		select {
		case <-runCtx.Done():
			done = true
		case <-tick.C:
		}
		now, n := time.Now(), sessions.Load()
		if done && now.Sub(last) < o.Sample/2 {
			break // the run ended just after a sample
		}
		smp := SoakSample{At: now.Sub(start).Round(time.Second), Sessions: n, Errors: failures.Load(),
			Rate: float64(n-lastN) / now.Sub(last).Seconds(), Procs: map[string]ProcSample{}, RouterDB: s.routerDBSize()}
		last, lastN = now, n
		for name, p := range s.soakProcs() {
			smp.Procs[name] = sampleProc(ctx, p.pid, p.metrics)
		}
		res.Samples = append(res.Samples, smp)
		fmt.Fprintln(o.Out, smp)
	}
	wg.Wait()
	res.Sessions, res.Errors = sessions.Load(), failures.Load()
	res.Verdicts = verdicts(res.Samples, o.DBFill)
	fmt.Fprintf(o.Out, "soak: %d sessions (%.1f/s), %d errors\n", res.Sessions, float64(res.Sessions)/time.Since(start).Seconds(), res.Errors)
	if err, ok := firstErr.Load().(error); ok {
		fmt.Fprintf(o.Out, "soak: first error: %v\n", err)
	}
	for _, k := range sortedKeys(res.Verdicts) {
		fmt.Fprintf(o.Out, "soak: %-18s %s\n", k, res.Verdicts[k])
	}
	return res, nil
}

func (smp SoakSample) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%6s %7d sessions %6.1f/s %d errors  router.db %5.1f MB", smp.At, smp.Sessions, smp.Rate, smp.Errors, float64(smp.RouterDB)/1e6)
	for _, name := range sortedKeys(smp.Procs) {
		p := smp.Procs[name]
		fmt.Fprintf(&b, " | %s %5.1f MB %3d fds %4d gr", name, float64(p.RSS)/1e6, p.FDs, p.Goroutines)
	}
	return b.String()
}

type soakProc struct {
	pid     int
	metrics string
}

// soakProcs are the processes a soak watches: the router, the keeper and the first provider.
func (s *Stack) soakProcs() map[string]soakProc {
	out := map[string]soakProc{"router": {s.Router.Pid(), s.RouterURL + "/metrics"}}
	if s.Keeper != nil {
		out["keeper"] = soakProc{s.Keeper.Pid(), s.KeeperURL + "/metrics"}
	}
	if len(s.Providers) > 0 {
		out["provider"] = soakProc{s.Providers[0].Proc.Pid(), s.Providers[0].URL + "/metrics"}
	}
	return out
}

func (s *Stack) routerDBSize() int64 {
	var n int64
	for _, f := range []string{"router.db", "router.db-wal", "router.db-shm"} {
		if fi, err := os.Stat(filepath.Join(s.Dir, f)); err == nil {
			n += fi.Size()
		}
	}
	return n
}

// sampleProc reads pid's VmRSS and open descriptors from /proc, and go_goroutines from its metrics URL.
func sampleProc(ctx context.Context, pid int, metricsURL string) ProcSample {
	p := ProcSample{Goroutines: -1}
	if raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid)); err == nil {
		for _, l := range strings.Split(string(raw), "\n") {
			if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
				p.RSS = kb << 10
			}
		}
	}
	if fds, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid)); err == nil {
		p.FDs = len(fds)
	}
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(cctx, http.MethodGet, metricsURL, nil)
	if err != nil {
		return p
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return p
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	for _, l := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(l, "go_goroutines "); ok {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				p.Goroutines = int(f)
			}
		}
	}
	return p
}

// verdicts judges each measure over the samples after the warm-up (the first fifth of the run, at most
// two minutes): "flat" when the mean of the last third is within 10% of the mean of the first third
// (file descriptors and goroutines: also within 8 of it, small counts move by a few), "growing" otherwise,
// with both means. Fewer than 6 samples after the warm-up give "too short". The router's database is judged
// only after dbFill (SoakOptions.DBFill), when its retention can have caught up.
func verdicts(samples []SoakSample, dbFill time.Duration) map[string]string {
	out := map[string]string{}
	if len(samples) == 0 {
		return out
	}
	total := samples[len(samples)-1].At
	warm := min(total/5, 2*time.Minute)
	judgeAfter := func(from time.Duration, name string, slack float64, get func(SoakSample) (float64, bool)) {
		var vals []float64
		for _, smp := range samples {
			if smp.At < from {
				continue
			}
			if v, ok := get(smp); ok {
				vals = append(vals, v)
			}
		}
		if len(vals) < 6 {
			out[name] = "too short"
			return
		}
		third := len(vals) / 3
		first, lastM := mean(vals[:third]), mean(vals[len(vals)-third:])
		if lastM <= first*1.10 || lastM-first <= slack {
			out[name] = fmt.Sprintf("flat (%.1f → %.1f)", first, lastM)
		} else {
			out[name] = fmt.Sprintf("growing (%.1f → %.1f)", first, lastM)
		}
	}
	judge := func(name string, slack float64, get func(SoakSample) (float64, bool)) {
		judgeAfter(warm, name, slack, get)
	}
	for name := range samples[0].Procs {
		judge(name+" rss MB", 0, func(s SoakSample) (float64, bool) { p, ok := s.Procs[name]; return float64(p.RSS) / 1e6, ok })
		judge(name+" fds", 8, func(s SoakSample) (float64, bool) { p, ok := s.Procs[name]; return float64(p.FDs), ok })
		judge(name+" goroutines", 8, func(s SoakSample) (float64, bool) {
			p, ok := s.Procs[name]
			return float64(p.Goroutines), ok && p.Goroutines >= 0
		})
	}
	judgeAfter(max(warm, dbFill), "router.db MB", 0, func(s SoakSample) (float64, bool) { return float64(s.RouterDB) / 1e6, true })
	return out
}

func mean(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
