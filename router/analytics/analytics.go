// Package analytics turns session metadata (never content: durations, token counts, TTFT) into the
// router's public reports — per model and day session counts, durations, TPS, TTFT, zero-output
// sessions — and flags outliers robustly (median and MAD) so that suspicious sessions can be held out of
// settlement until someone clears them (PROTOCOL §7 step 6).
package analytics

import (
	"math"
	"slices"
	"sync"

	"github.com/ethereum/go-ethereum/common"
)

// Session is the metadata of one closed session.
type Session struct {
	Model        common.Hash
	Provider     common.Address
	Day          uint64
	Seconds      uint32
	OutputTokens uint32
	TTFTMs       uint32
	Receipt      bool // closed with a receipt (not expired)
}

// TPS is output tokens per second (0 when no time was used).
func (s Session) TPS() float64 {
	if s.Seconds == 0 {
		return 0
	}
	return float64(s.OutputTokens) / float64(s.Seconds)
}

// DayStats aggregates one model's sessions on one day.
type DayStats struct {
	Model         common.Hash `json:"modelId"`
	Day           uint64      `json:"day,string"`
	Sessions      int         `json:"sessions"`
	Expired       int         `json:"expired"`
	ZeroOutput    int         `json:"zeroOutput"`
	TotalSeconds  uint64      `json:"totalSeconds,string"`
	MedianSeconds float64     `json:"medianSeconds"`
	MedianTPS     float64     `json:"medianTps"`
	MedianTTFTMs  float64     `json:"medianTtftMs"`
}

// ByModelDay aggregates sessions per model and day, sorted by day then model.
func ByModelDay(sessions []Session) []DayStats {
	type key struct {
		m common.Hash
		d uint64
	}
	type acc struct {
		st              DayStats
		secs, tps, ttft []float64
	}
	m := map[key]*acc{}
	for _, s := range sessions {
		k := key{s.Model, s.Day}
		a := m[k]
		if a == nil {
			a = &acc{st: DayStats{Model: s.Model, Day: s.Day}}
			m[k] = a
		}
		a.st.Sessions++
		if !s.Receipt {
			a.st.Expired++
			continue
		}
		if s.OutputTokens == 0 {
			a.st.ZeroOutput++
		}
		a.st.TotalSeconds += uint64(s.Seconds)
		a.secs = append(a.secs, float64(s.Seconds))
		if s.Seconds > 0 {
			a.tps = append(a.tps, s.TPS())
		}
		if s.TTFTMs > 0 {
			a.ttft = append(a.ttft, float64(s.TTFTMs))
		}
	}
	out := make([]DayStats, 0, len(m))
	for _, a := range m {
		a.st.MedianSeconds, a.st.MedianTPS, a.st.MedianTTFTMs = Median(a.secs), Median(a.tps), Median(a.ttft)
		out = append(out, a.st)
	}
	slices.SortFunc(out, func(a, b DayStats) int {
		if a.Day != b.Day {
			if a.Day < b.Day {
				return -1
			}
			return 1
		}
		return a.Model.Cmp(b.Model)
	})
	return out
}

// Median of xs (0 for none). xs is not modified.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// MAD is the median absolute deviation from the median, scaled by 1.4826 so it estimates the standard
// deviation of normal data.
func MAD(xs []float64) (median, mad float64) {
	median = Median(xs)
	dev := make([]float64, len(xs))
	for i, x := range xs {
		dev[i] = math.Abs(x - median)
	}
	return median, 1.4826 * Median(dev)
}

// RobustZ is |x - median| / MAD; +Inf when MAD is 0 and x differs from the median, 0 when equal.
func RobustZ(x, median, mad float64) float64 {
	d := math.Abs(x - median)
	if mad == 0 {
		if d == 0 {
			return 0
		}
		return math.Inf(1)
	}
	return d / mad
}

// ProviderOutlier is a provider whose median TPS on a model is far from the model's providers' median.
type ProviderOutlier struct {
	Provider  common.Address `json:"provider"`
	Model     common.Hash    `json:"modelId"`
	MedianTPS float64        `json:"medianTps"`
	ModelTPS  float64        `json:"modelMedianTps"`
	Z         float64        `json:"robustZ"`
	Sessions  int            `json:"sessions"`
}

// ProviderOutliers compares each provider's median TPS per model with the median over the model's
// providers and reports those with RobustZ above threshold (providers with fewer than minSessions are
// ignored, as are models with fewer than 3 such providers).
func ProviderOutliers(sessions []Session, minSessions int, threshold float64) []ProviderOutlier {
	type key struct {
		m common.Hash
		p common.Address
	}
	per := map[key][]float64{}
	for _, s := range sessions {
		if s.Receipt && s.Seconds > 0 {
			k := key{s.Model, s.Provider}
			per[k] = append(per[k], s.TPS())
		}
	}
	byModel := map[common.Hash][]key{}
	for k, v := range per {
		if len(v) >= minSessions {
			byModel[k.m] = append(byModel[k.m], k)
		}
	}
	var out []ProviderOutlier
	for model, keys := range byModel {
		if len(keys) < 3 {
			continue
		}
		meds := make([]float64, len(keys))
		for i, k := range keys {
			meds[i] = Median(per[k])
		}
		med, mad := MAD(meds)
		for i, k := range keys {
			if z := RobustZ(meds[i], med, mad); z > threshold {
				out = append(out, ProviderOutlier{Provider: k.p, Model: model, MedianTPS: meds[i], ModelTPS: med, Z: z, Sessions: len(per[k])})
			}
		}
	}
	slices.SortFunc(out, func(a, b ProviderOutlier) int { return a.Provider.Cmp(b.Provider) })
	return out
}

// Detector flags a session at close against its model's recent sessions. Safe for concurrent use.
type Detector struct {
	Window     int     // recent TPS values kept per model (default 200)
	MinSamples int     // no TPS flag before this many (default 20)
	Threshold  float64 // robust z above which a session is flagged (default 6)

	mu     sync.Mutex
	recent map[common.Hash][]float64
}

// Flags for held sessions.
const (
	FlagZeroOutput = "zero_output" // billed time without a single output token
	FlagTPSOutlier = "tps_outlier" // TPS far from the model's recent median
)

// Flags returns the anomaly flags of s (nil if none), against the sessions recorded before it (Record).
func (d *Detector) Flags(s Session) []string {
	if !s.Receipt || s.Seconds == 0 {
		return nil
	}
	var flags []string
	if s.OutputTokens == 0 {
		flags = append(flags, FlagZeroOutput)
	}
	minN, thr := d.MinSamples, d.Threshold
	if minN == 0 {
		minN = 20
	}
	if thr == 0 {
		thr = 6
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if r := d.recent[s.Model]; len(r) >= minN && s.OutputTokens > 0 {
		med, mad := MAD(r)
		if RobustZ(s.TPS(), med, mad) > thr {
			flags = append(flags, FlagTPSOutlier)
		}
	}
	return flags
}

// Record adds s, a session closed, to its model's recent TPS window (the last Window sessions), which Flags
// judges later sessions against. Only a close the store took is recorded: one refused may be sent again
// and again, and would otherwise weigh in each time.
func (d *Detector) Record(s Session) {
	if !s.Receipt || s.Seconds == 0 {
		return
	}
	window := d.Window
	if window == 0 {
		window = 200
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.recent == nil {
		d.recent = map[common.Hash][]float64{}
	}
	r := append(d.recent[s.Model], s.TPS())
	if len(r) > window {
		r = r[len(r)-window:]
	}
	d.recent[s.Model] = r
}
