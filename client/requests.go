package client

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/sse"
	"github.com/laketravis/laketravis/protocol/usage"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Request header values shared by every request (never modified).
var (
	hdrJSON        = []string{"application/json"}
	hdrEventStream = []string{"text/event-stream"}
)

// nextSeq returns a fresh request sequence number. It is the larger of the last one plus one and the
// current time in microseconds, so that a session resumed by another process (lt close) or whose
// saved state is lost still signs numbers above every one used before.
func (s *Session) nextSeq() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq = max(s.seq+1, uint64(s.now().UnixMicro()))
	return s.seq
}

// issuedAfter reports whether a request of the session was given a seq after seq.
func (s *Session) issuedAfter(seq uint64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seq > seq
}

// isOpened reports whether the provider answered a request of the session with a 2xx (it holds the
// session: requests no longer carry the RFC).
func (s *Session) isOpened() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opened
}

// setOpened records a 2xx answer of the provider (isOpened).
func (s *Session) setOpened() {
	s.mu.Lock()
	s.opened = true
	s.mu.Unlock()
}

// Authorize sets the three authentication headers on req for body, which must be exactly the bytes
// req sends: X-LT-Ticket, X-LT-Request "<seq>.<unix>" with a fresh seq and the current time, and
// X-LT-Signature, the user's EIP-191 signature of wire.RequestText over req's method and URL path; and
// X-LT-RFC, the user's signed RFC, until the provider has answered a request of the session with a 2xx
// (requests sent with Authorize and another HTTP client do not tell the session their answers: they carry
// it every time, which the provider ignores once it holds the session).
func (s *Session) Authorize(req *http.Request, body []byte) error {
	_, _, _, err := s.authorize(req, body, true)
	return err
}

// authorize is Authorize, with X-LT-MAC instead of X-LT-Signature when the session's MAC fast path is
// usable and sign is false (client/mac.go). mac reports which one it set; wait, when not nil, must be
// called once the request was sent (it waits for the request's own signature, made meanwhile); seq is
// the request's.
func (s *Session) authorize(req *http.Request, body []byte, sign bool) (wait func(), mac bool, seq uint64, err error) {
	r := wire.SignedRequest{Seq: s.nextSeq(), Time: uint64(s.now().Unix()), Method: req.Method, Path: req.URL.Path,
		BodyHash: crypto.Keccak256Hash(body)}
	req.Header[wire.KeyTicket] = s.ticketValue
	if s.rfcValue != nil && !s.isOpened() {
		req.Header[wire.KeyRFC] = s.rfcValue
	}
	req.Header[wire.KeyRequest] = []string{strconv.FormatUint(r.Seq, 10) + "." + strconv.FormatUint(r.Time, 10)}
	if !sign {
		if wait, ok := s.authorizeMAC(req, r); ok {
			return wait, true, r.Seq, nil
		}
	}
	sig, err := eip712.Sign(wire.RequestDigest(r.Text(s.domain.ChainID(), s.grant.SessionID)), s.key)
	if err != nil {
		return nil, false, 0, fmt.Errorf("client: sign request: %w", err)
	}
	req.Header[wire.KeySignature] = []string{hexutil.Encode(sig[:])}
	s.signedNow(r.Time)
	return nil, false, r.Seq, nil
}

// Do sends an authenticated request to the provider (path like "/v1/models") and returns its answer
// whatever the status, unmetered. A request refused as replayed (seq overtaken by a concurrent one,
// maxExplainedReplays) is signed again with a fresh seq, and so is one whose MAC the provider refused.
func (s *Session) Do(ctx context.Context, method, path string, body []byte) (*http.Response, error) {
	return s.do(ctx, method, path, body, false)
}

// AnswerGrace is how long after the ticket's notAfter (by the client's clock) a provider's answer may
// still be read: an honest provider ends every answer by then (its clock within the request skew it
// accepts, 60 s by default, of ours); a hostile one cannot hold a request, and its session, for longer.
const AnswerGrace = 2 * time.Minute

// cancelOnClose is an answer body whose Close also ends its request's context.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// do is Do; stream asks for an event stream (Accept: text/event-stream). The answer's body can be read
// until the ticket's notAfter + AnswerGrace.
func (s *Session) do(ctx context.Context, method, path string, body []byte, stream bool) (*http.Response, error) {
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if closing {
		return nil, ErrSessionClosed
	}
	left := s.NotAfter().Add(AnswerGrace).Sub(s.now())
	if left <= 0 {
		return nil, wire.Errorf(http.StatusForbidden, wire.CodeExpired, "the session's ticket ended at %s: open a new session", s.NotAfter().UTC().Format(time.RFC3339))
	}
	ctx, cancel := context.WithTimeout(ctx, left)
	resp, err := s.send(ctx, method, path, body, stream)
	if err != nil {
		cancel()
		return nil, err
	}
	resp.Body = cancelOnClose{resp.Body, cancel}
	return resp, nil
}

// send is do within its deadline.
func (s *Session) send(ctx context.Context, method, path string, body []byte, stream bool) (*http.Response, error) {
	sign := false
	for attempt, explained := 0, 0; ; attempt++ {
		var rd io.Reader
		if body != nil {
			rd = bytes.NewReader(body)
		}
		req, err := http.NewRequestWithContext(ctx, method, s.base+path, rd)
		if err != nil {
			return nil, err
		}
		if body != nil {
			req.Header["Content-Type"] = hdrJSON
		}
		if stream {
			req.Header["Accept"] = hdrEventStream
		}
		wait, mac, seq, err := s.authorize(req, body, sign)
		if err != nil {
			return nil, err
		}
		resp, err := s.hc.Do(req)
		if wait != nil {
			wait()
		}
		if err != nil {
			return nil, fmt.Errorf("%w: provider %s: %w", ErrUnreachable, s.base, err)
		}
		if !mac {
			s.learnMACKey(resp)
		}
		s.learnAcceptance(resp)
		if resp.StatusCode/100 == 2 {
			s.setOpened()
		}
		refusedMAC := mac && (resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden)
		if (resp.StatusCode != http.StatusConflict && !refusedMAC) || attempt-explained >= maxReplayRetries ||
			explained >= maxExplainedReplays {
			return resp, nil
		}
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		switch e := wire.DecodeError(resp, raw); {
		case refusedMAC && e.Code == wire.CodeBadSignature:
			s.macRefused(resp.StatusCode)
			sign = true
		case e.Code != wire.CodeReplayed:
			resp.Body = io.NopCloser(bytes.NewReader(raw))
			return resp, nil
		case s.issuedAfter(seq):
			explained++
		}
	}
}

// OpenAI endpoints a provider serves (POST, JSON body naming the model), metered alike: by session time,
// with the answer's usage object or protocol/usage's estimate for tokens.
const (
	PathChat        = "/v1/chat/completions"
	PathCompletions = "/v1/completions"
	PathEmbeddings  = "/v1/embeddings"
)

// Completion is a non-streaming answer of the provider (an OpenAI chat completion, completion or
// embedding list object).
type Completion struct {
	Header http.Header
	Body   []byte
}

// ChatCompletion sends a non-streaming OpenAI chat completion request (body is the JSON request, with
// "stream" absent or false) and returns the answer. A refusal is a *wire.Error (5xx ones also wrap
// ErrUnreachable).
func (s *Session) ChatCompletion(ctx context.Context, body []byte) (*Completion, error) {
	return s.Post(ctx, PathChat, body)
}

// Post sends a non-streaming OpenAI request to path (PathChat, PathCompletions, PathEmbeddings) and
// returns the answer, metered like a chat completion. A refusal is a *wire.Error (5xx ones also wrap
// ErrUnreachable).
func (s *Session) Post(ctx context.Context, path string, body []byte) (*Completion, error) {
	start := s.now()
	s.meter.pend(start)
	defer s.meter.unpend()
	resp, err := s.Do(ctx, http.MethodPost, path, body)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	s.meter.touch(start)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		return nil, statusError(resp, raw)
	}
	id := s.meter.start(start)
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	end := s.now()
	tc := usage.Counter{BodyBytes: len(body)}
	if err == nil {
		tc.Whole(raw)
	}
	in, out := tc.Tokens(false)
	s.meter.finish(id, end, in, out, end.Sub(start))
	if err != nil {
		return nil, fmt.Errorf("%w: read answer: %w", ErrUnreachable, err)
	}
	return &Completion{Header: resp.Header, Body: raw}, nil
}

// Stream is a streaming answer: OpenAI chat completion chunks as server-sent events. Call Next until
// it returns io.EOF (or an error), then Close; Close may also be called early to abandon the stream.
type Stream struct {
	s      *Session
	resp   *http.Response
	rd     *sse.Reader
	single []byte // a 2xx answer that was not an event stream: handed out as one event
	id     usage.ID
	start  time.Time
	ttft   time.Duration
	tc     usage.Counter
	once   sync.Once
}

// StreamChatCompletion sends a streaming OpenAI chat completion request (body with "stream": true).
// Errors before the first byte of the answer are returned here (a *wire.Error, 5xx ones and transport
// failures wrapping ErrUnreachable); after that the stream is the caller's.
func (s *Session) StreamChatCompletion(ctx context.Context, body []byte) (*Stream, error) {
	return s.PostStream(ctx, PathChat, body)
}

// PostStream sends a streaming OpenAI request to path (PathChat or PathCompletions, body with "stream":
// true), like StreamChatCompletion.
func (s *Session) PostStream(ctx context.Context, path string, body []byte) (*Stream, error) {
	start := s.now()
	s.meter.pend(start) // in use from now on; the stream's own meter entry takes over once it is accepted
	defer s.meter.unpend()
	resp, err := s.do(ctx, http.MethodPost, path, body, true)
	if err != nil {
		return nil, err
	}
	s.meter.touch(start)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		return nil, statusError(resp, raw)
	}
	st := &Stream{s: s, resp: resp, id: s.meter.start(start), start: start, tc: usage.Counter{BodyBytes: len(body)}}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		st.rd = sse.NewReader(resp.Body)
	} else {
		raw, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
		if err != nil {
			st.Close()
			return nil, fmt.Errorf("%w: read answer: %w", ErrUnreachable, err)
		}
		st.single = raw
	}
	return st, nil
}

// Next returns the next event. At the end of the stream it returns io.EOF and finishes the request's
// metering.
func (st *Stream) Next() (sse.Event, error) {
	var ev sse.Event
	var err error
	if st.rd != nil {
		ev, err = st.rd.Next()
	} else if st.single != nil {
		ev, st.single = sse.Event{Data: st.single}, nil
	} else {
		err = io.EOF
	}
	if err != nil {
		st.Close()
		if !errors.Is(err, io.EOF) {
			err = fmt.Errorf("%w: stream: %w", ErrUnreachable, err)
		}
		return sse.Event{}, err
	}
	hasText := false
	if st.rd == nil {
		hasText = st.tc.Whole(ev.Data)
	} else if !ev.Done() {
		hasText = st.tc.Chunk(ev.Data)
	}
	if hasText && st.ttft == 0 {
		st.ttft = max(st.s.now().Sub(st.start), time.Millisecond)
	}
	return ev, nil
}

// Close ends the stream and its metering. It is idempotent.
func (st *Stream) Close() error {
	var err error
	st.once.Do(func() {
		err = st.resp.Body.Close()
		in, out := st.tc.Tokens(st.rd != nil)
		st.s.meter.finish(st.id, st.s.now(), in, out, st.ttft)
	})
	return err
}
