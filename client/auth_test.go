package client

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// verifiedRequest is what a provider learns from a request's three headers.
type verifiedRequest struct {
	ticket eip712.SessionTicket
	router common.Address // the ticket's signer
	user   common.Address // the request's signer
	seq    uint64
	unix   uint64
}

// verifyAsProvider checks req's authentication headers for body the way protocol/README.md tells a
// provider to, independently of Session's code: decode X-LT-Ticket (base64url, no padding), recover the
// ticket's signer, parse X-LT-Request, rebuild wire.RequestText and recover the EIP-191 signer.
func verifyAsProvider(t *testing.T, d *eip712.Domain, req *http.Request, body []byte) verifiedRequest {
	t.Helper()
	th := req.Header.Get(wire.HeaderTicket)
	require.NotContains(t, th, "=", "no padding")
	raw, err := base64.RawURLEncoding.DecodeString(th)
	require.NoError(t, err)
	st, err := eip712.DecodeSignedSessionTicket(raw)
	require.NoError(t, err, "the ticket header holds the strict {ticket, signature} envelope")
	router, _, err := st.Recover(d)
	require.NoError(t, err)

	seqStr, unixStr, ok := strings.Cut(req.Header.Get(wire.HeaderRequest), ".")
	require.True(t, ok)
	seq, err := strconv.ParseUint(seqStr, 10, 64)
	require.NoError(t, err)
	unix, err := strconv.ParseUint(unixStr, 10, 64)
	require.NoError(t, err)

	sig, err := hexutil.Decode(req.Header.Get(wire.HeaderSignature))
	require.NoError(t, err)
	require.Len(t, sig, 65)
	text := wire.RequestText(d.ChainID(), st.Ticket.SessionID, seq, unix, req.Method, req.URL.Path, body)
	user, err := eip712.Recover(wire.RequestDigest(text), sig)
	require.NoError(t, err)
	return verifiedRequest{ticket: st.Ticket, router: router, user: user, seq: seq, unix: unix}
}

func newTestSession(t *testing.T, clock *fakeClock) (*Session, *eip712.RFC) {
	t.Helper()
	d := testDomain()
	user := testKey(t, userHex)
	rfc, err := NewRFC(addr(user), RFCParams{Model: "llama3:8b", MaxPricePerSecond: uint256.NewInt(1e12), MaxSeconds: 600}, clock.now())
	require.NoError(t, err)
	g := grantFor(t, d, &rfc, testKey(t, routerHex), addr(testKey(t, providerHex)), 1e12, "http://127.0.0.1:9000/", uint64(clock.now().Unix())+3600)
	s, err := NewSession(d, user, g, SessionOptions{Now: clock.now})
	require.NoError(t, err)
	return s, &rfc
}

func TestAuthorizeRecoversAsProvider(t *testing.T) {
	clock := newClock(1_800_000_000)
	s, _ := newTestSession(t, clock)
	d := testDomain()
	body := []byte(`{"model":"llama3:8b","messages":[{"role":"user","content":"hi"}]}`)

	var lastSeq uint64
	for i := range 3 {
		req, err := http.NewRequest(http.MethodPost, s.Endpoint()+"/v1/chat/completions", bytes.NewReader(body))
		require.NoError(t, err)
		require.NoError(t, s.Authorize(req, body))
		v := verifyAsProvider(t, d, req, body)
		require.Equal(t, addr(testKey(t, userHex)), v.user, "request %d signed by the ticket's user", i)
		require.Equal(t, v.ticket.User, v.user)
		require.Equal(t, addr(testKey(t, routerHex)), v.router, "ticket signed by the router")
		require.Equal(t, s.ID(), v.ticket.SessionID)
		require.Equal(t, uint64(clock.now().Unix()), v.unix, "current unix time")
		require.Greater(t, v.seq, lastSeq, "seq strictly increases")
		lastSeq = v.seq
		clock.add(time.Second)
	}

	// The signature covers the body, the method and the path: change any and the signer changes.
	req, err := http.NewRequest(http.MethodPost, s.Endpoint()+"/v1/chat/completions", bytes.NewReader(body))
	require.NoError(t, err)
	require.NoError(t, s.Authorize(req, body))
	user := addr(testKey(t, userHex))
	require.NotEqual(t, user, verifyAsProvider(t, d, req, []byte(`{"model":"llama3:8b","messages":[]}`)).user, "body hash")
	req.Method = http.MethodGet
	require.NotEqual(t, user, verifyAsProvider(t, d, req, body).user, "method")
	req.Method = http.MethodPost
	req.URL.Path = "/v1/completions"
	require.NotEqual(t, user, verifyAsProvider(t, d, req, body).user, "path")
	req.URL.Path = "/v1/chat/completions"
	require.Equal(t, user, verifyAsProvider(t, d, req, body).user)
	// Another chain's provider recovers someone else.
	require.NotEqual(t, user, verifyAsProvider(t, eip712.NewDomain(1, marketplace), req, body).user, "chain id")
}

func TestSeqIncreasesWithFrozenClockAndAcrossResume(t *testing.T) {
	clock := newClock(1_800_000_000)
	s, _ := newTestSession(t, clock)
	a, b := s.nextSeq(), s.nextSeq()
	require.Greater(t, b, a, "a frozen clock still gives increasing seqs")

	st := s.State()
	require.Equal(t, b, st.Seq)
	r, err := ResumeSession(testDomain(), testKey(t, userHex), st, SessionOptions{Now: clock.now})
	require.NoError(t, err)
	require.Greater(t, r.nextSeq(), b, "a resumed session continues above the saved seq")

	// Lost state: a fresh process still signs above, because seqs follow the clock in microseconds.
	fresh, err := NewSession(testDomain(), testKey(t, userHex), &st.Grant, SessionOptions{Now: func() time.Time { return clock.now().Add(time.Second) }})
	require.NoError(t, err)
	require.Greater(t, fresh.nextSeq(), b)
}

func TestNewSessionRefusesForeignTicket(t *testing.T) {
	clock := newClock(1_800_000_000)
	_, rfc := newTestSession(t, clock)
	d := testDomain()
	g := grantFor(t, d, rfc, testKey(t, routerHex), addr(testKey(t, providerHex)), 1e12, "http://127.0.0.1:9000", 2_000_000_000)
	_, err := NewSession(d, testKey(t, providerHex), g, SessionOptions{})
	require.ErrorContains(t, err, "ticket is for user")
	g.Endpoint = "ftp://x"
	_, err = NewSession(d, testKey(t, userHex), g, SessionOptions{})
	require.ErrorContains(t, err, "not an http(s) URL")
}

func TestTicketHeaderRoundTrip(t *testing.T) {
	clock := newClock(1_800_000_000)
	s, _ := newTestSession(t, clock)
	g := s.Grant()
	h, err := wire.EncodeTicket(&eip712.SignedSessionTicket{Ticket: g.Ticket, Signature: g.TicketSignature})
	require.NoError(t, err)
	raw, err := base64.RawURLEncoding.DecodeString(h)
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(raw, []byte(`{"ticket":{"sessionId":"`+strings.ToLower(g.SessionID.Hex()))), string(raw))
	require.Contains(t, string(raw), `"signature":"`+g.TicketSignature.String()+`"`)
}

// TestEndlessAnswerCutAtTicketEnd: an honest provider ends every answer by the ticket's notAfter (its
// clock within the request skew of ours); a hostile one that streams forever must not hold the request,
// and the gateway's session with it, any longer: the read fails once notAfter + AnswerGrace has passed.
func TestEndlessAnswerCutAtTicketEnd(t *testing.T) {
	endless := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		for r.Context().Err() == nil {
			if _, err := io.WriteString(w, "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\n"); err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
	}))
	defer endless.Close()
	clock := newClock(time.Now().Unix())
	d := testDomain()
	user := testKey(t, userHex)
	rfc, err := NewRFC(addr(user), RFCParams{Model: "llama3:8b", MaxPricePerSecond: uint256.NewInt(1e12), MaxSeconds: 600}, clock.now())
	require.NoError(t, err)
	g := grantFor(t, d, &rfc, testKey(t, routerHex), addr(testKey(t, providerHex)), 1e12, endless.URL, uint64(clock.now().Unix())+3600)
	s, err := NewSession(d, user, g, SessionOptions{Now: clock.now})
	require.NoError(t, err)
	clock.add(time.Hour + AnswerGrace - time.Second) // by our clock the ticket ended AnswerGrace − 1 s ago
	st, err := s.StreamChatCompletion(context.Background(), []byte(`{"model":"llama3:8b","stream":true,"messages":[]}`))
	require.NoError(t, err)
	ended := make(chan error, 1)
	go func() {
		for {
			if _, err := st.Next(); err != nil {
				ended <- err
				return
			}
		}
	}()
	select {
	case err := <-ended:
		require.ErrorIs(t, err, ErrUnreachable)
	case <-time.After(30 * time.Second):
		st.Close()
		t.Fatal("an endless answer was still read 30 s after the ticket's end plus the grace")
	}
}
