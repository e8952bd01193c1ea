package client

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
)

func TestMeterUnionOfIntervals(t *testing.T) {
	t0 := time.Unix(1_800_000_000, 0)
	var m meter
	a := m.start(t0)
	b := m.start(t0.Add(1 * time.Second)) // overlaps a
	m.finish(a, t0.Add(3*time.Second), 10, 5, 400*time.Millisecond)
	m.finish(b, t0.Add(2*time.Second), 7, 3, 900*time.Millisecond) // inside a
	c := m.start(t0.Add(10 * time.Second))
	m.finish(c, t0.Add(11500*time.Millisecond), 1, 1, 0)
	u := m.snapshot(t0.Add(20 * time.Second))
	require.Equal(t, uint32(5), u.Seconds, "3 s + 1.5 s of active time, rounded up: parallel requests count once")
	require.Equal(t, uint32(18), u.InputTokens)
	require.Equal(t, uint32(9), u.OutputTokens)
	require.Equal(t, uint32(400), u.TTFTMs, "the first request's time to first token")
	require.Equal(t, 3, u.Requests)

	d := m.start(t0.Add(30 * time.Second))
	require.Equal(t, uint32(7), m.snapshot(t0.Add(32200*time.Millisecond)).Seconds, "open requests count up to now")
	m.finish(d, t0.Add(31*time.Second), 0, 0, 0)
	m.finish(d, t0.Add(99*time.Second), 0, 0, 0) // second finish ignored
	require.Equal(t, uint32(6), m.snapshot(t0.Add(time.Hour)).Seconds)
}

func TestReceiptSigning(t *testing.T) {
	clock := newClock(1_800_000_000)
	s, _ := newTestSession(t, clock)
	id := s.meter.start(clock.now())
	clock.add(2500 * time.Millisecond)
	s.meter.finish(id, clock.now(), 120, 48, 350*time.Millisecond)

	rc := s.Receipt()
	require.Equal(t, eip712.UsageReceipt{SessionID: s.ID(), Seconds: 3, InputTokens: 120, OutputTokens: 48, TTFTMs: 350}, rc)
	sig, err := s.SignReceipt(rc)
	require.NoError(t, err)
	// The provider checks the user's signature with the same domain (chain id + Marketplace).
	signed := eip712.SignedUsageReceipt{Receipt: rc, Signature: sig}
	_, err = signed.Verify(testDomain(), addr(testKey(t, userHex)))
	require.NoError(t, err)
	_, err = signed.Verify(eip712.NewDomain(31337, addr(testKey(t, routerHex))), addr(testKey(t, userHex)))
	require.ErrorIs(t, err, eip712.ErrWrongSigner, "the Marketplace address is part of the domain")

	// Seconds never exceed the ticket's maxSeconds.
	id = s.meter.start(clock.now())
	clock.add(time.Hour)
	s.meter.finish(id, clock.now(), 0, 0, 0)
	require.Equal(t, s.MaxSeconds(), s.Receipt().Seconds)
}

// TestResumeCarriesUsage: the saved state (lt rfc, then lt close in another process) carries the usage and
// the provider's ticket acceptance.
func TestResumeCarriesUsage(t *testing.T) {
	clock := newClock(1_800_000_000)
	s, _ := newTestSession(t, clock)
	id := s.meter.start(clock.now())
	clock.add(4 * time.Second)
	s.meter.finish(id, clock.now(), 30, 20, 100*time.Millisecond)
	acc, err := settle.SignAcceptance(testDomain(), &s.grant.Ticket, s.grant.Router, testKey(t, providerHex))
	require.NoError(t, err)
	s.acceptance = &acc // as announced on an answer (learnAcceptance)
	st := s.State()
	clock.add(time.Hour)
	r, err := ResumeSession(testDomain(), testKey(t, userHex), st, SessionOptions{Now: clock.now})
	require.NoError(t, err)
	require.Equal(t, s.Receipt(), r.Receipt())
	require.Equal(t, &acc, r.acceptance, "the provider's acceptance is carried to a later close at the router")
	st.TicketAcceptance = &eip712.Signature{1} // not a signature: not carried
	r, err = ResumeSession(testDomain(), testKey(t, userHex), st, SessionOptions{Now: clock.now})
	require.NoError(t, err)
	require.Nil(t, r.acceptance)
	_, err = ResumeSession(testDomain(), testKey(t, userHex), State{Grant: st.Grant, ChainID: 1, Marketplace: marketplace}, SessionOptions{})
	require.ErrorContains(t, err, "saved session is for chain 1")
}
