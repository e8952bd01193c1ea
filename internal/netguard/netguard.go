// Package netguard guards outbound HTTP requests to URLs that come from the chain or from a peer (a
// provider's registered endpoint, anything a stranger can name): off a devnet only https, only public
// unicast addresses, no redirects, small limits and timeouts. The address check runs on the socket
// actually dialled (net.Dialer.Control), after name resolution, so a name that resolves to a public
// address when checked and to 127.0.0.1 when dialled (DNS rebinding) is refused all the same.
package netguard

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/laketravis/laketravis/internal/h1"
	"github.com/laketravis/laketravis/keys"
)

// ErrRefused wraps every refusal: a URL or an address the policy does not allow, or a redirect.
var ErrRefused = errors.New("netguard: refused")

// Policy says which URLs may be fetched. The zero value is the strict one (any chain but a devnet).
type Policy struct {
	// Devnet allows plain http and every address: a local development chain, where providers are
	// processes on the same machine.
	Devnet bool
	// AllowPrivate allows private, loopback, link-local and shared (CGNAT) addresses, for an operator who
	// runs a market inside a private network deliberately. https is still required. Multicast, broadcast
	// and unspecified addresses are never dialled.
	AllowPrivate bool
	// Resolve, when set, replaces DNS for host names (tests map public-looking names to loopback with it).
	// The dialled address is checked whatever it returns.
	Resolve func(ctx context.Context, host string) ([]netip.Addr, error)
}

// ForChain is the policy for URLs read from chain chainID: Devnet on a development chain
// (keys.DevnetChainIDs), strict elsewhere, with private networks allowed only when allowPrivate.
func ForChain(chainID uint64, allowPrivate bool) Policy {
	return Policy{Devnet: keys.DevnetChainIDs[chainID], AllowPrivate: allowPrivate}
}

// never lists the special-purpose ranges that are not private in netip's sense but are never a public
// HTTP server: "this network", shared address space (CGNAT), IETF protocol assignments, benchmarking,
// reserved and broadcast, and IPv6's discard and documentation ranges.
var never = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("100::/64"),
	netip.MustParsePrefix("2001:db8::/32"),
}

// nat64 is the well-known NAT64 prefix (RFC 6052).
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// shared is the CGNAT range (RFC 6598): private to a carrier, allowed only with AllowPrivate.
var shared = netip.MustParsePrefix("100.64.0.0/10")

// CheckAddr says whether the policy lets a connection go to ip.
func (p Policy) CheckAddr(ip netip.Addr) error {
	if p.Devnet {
		return nil
	}
	ip = ip.Unmap()
	switch {
	case !ip.IsValid(), ip.IsUnspecified(), ip.IsMulticast(), ip.IsInterfaceLocalMulticast(), ip.IsLinkLocalMulticast():
		return fmt.Errorf("%w: address %s is not a unicast address", ErrRefused, ip)
	}
	for _, pre := range never {
		if pre.Contains(ip) {
			return fmt.Errorf("%w: address %s is in the special-purpose range %s", ErrRefused, ip, pre)
		}
	}
	if nat64.Contains(ip) {
		// A NAT64 address could embed any IPv4 address: refuse it outright.
		return fmt.Errorf("%w: address %s embeds an IPv4 address", ErrRefused, ip)
	}
	if p.AllowPrivate {
		return nil
	}
	switch {
	case ip.IsLoopback():
		return fmt.Errorf("%w: address %s is loopback", ErrRefused, ip)
	case ip.IsPrivate(), shared.Contains(ip):
		return fmt.Errorf("%w: address %s is private", ErrRefused, ip)
	case ip.IsLinkLocalUnicast():
		return fmt.Errorf("%w: address %s is link-local", ErrRefused, ip)
	}
	return nil
}

// CheckURL is the static check of raw, made before any connection: http(s) only (https off a devnet),
// a host, no credentials, and when the host is an address literal or a loopback name, the address
// check. Names are checked again, address by address, when dialled.
func (p Policy) CheckURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrRefused, err)
	}
	return p.checkURL(u)
}

func (p Policy) checkURL(u *url.URL) error {
	switch {
	case u.Scheme != "https" && u.Scheme != "http":
		return fmt.Errorf("%w: scheme %q (want https)", ErrRefused, u.Scheme)
	case u.Scheme == "http" && !p.Devnet:
		return fmt.Errorf("%w: plain http off a devnet (want https)", ErrRefused)
	case u.Hostname() == "":
		return fmt.Errorf("%w: no host", ErrRefused)
	case u.User != nil:
		return fmt.Errorf("%w: credentials in the URL", ErrRefused)
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if ip, err := netip.ParseAddr(host); err == nil {
		return p.CheckAddr(ip)
	}
	if !p.Devnet && !p.AllowPrivate && (host == "localhost" || strings.HasSuffix(host, ".localhost")) {
		return fmt.Errorf("%w: host %s is loopback", ErrRefused, host)
	}
	return nil
}

// Options size a guarded client. Zero values take the defaults noted.
type Options struct {
	DialTimeout    time.Duration // default 3 s
	HeaderTimeout  time.Duration // response headers; default 5 s (TLS handshakes get at most 5 s too)
	MaxHeaderBytes int64         // response headers; default 16 KiB
	IdlePerHost    int           // kept-alive connections per host; default 2
	IdleTotal      int           // kept-alive connections over all hosts; default 64
	// Direct runs plain-http exchanges on the caller's goroutine (internal/h1), for latency-bound hops;
	// https is unaffected.
	Direct bool
}

// Client returns an HTTP client that fetches only what p allows: every request's URL passes CheckURL,
// every dialled address passes CheckAddr (in the dialer's Control, after resolution), redirects are
// refused (the 3xx is an error, never followed) and no proxy from the environment is used (a proxy
// would be the address dialled). Callers bound each call with a context and limit the body they read
// (ReadAll).
func (p Policy) Client(o Options) *http.Client {
	if o.DialTimeout <= 0 {
		o.DialTimeout = 3 * time.Second
	}
	if o.HeaderTimeout <= 0 {
		o.HeaderTimeout = 5 * time.Second
	}
	if o.MaxHeaderBytes <= 0 {
		o.MaxHeaderBytes = 16 << 10
	}
	if o.IdlePerHost <= 0 {
		o.IdlePerHost = 2
	}
	if o.IdleTotal <= 0 {
		o.IdleTotal = 64
	}
	d := &net.Dialer{Timeout: o.DialTimeout, KeepAlive: 30 * time.Second,
		Control: func(_, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: dialled address %q: %v", ErrRefused, address, err)
			}
			return p.CheckAddr(ap.Addr())
		}}
	tr := &http.Transport{
		Proxy:                  nil,
		DialContext:            p.dialer(d),
		TLSHandshakeTimeout:    min(o.HeaderTimeout, 5*time.Second),
		ResponseHeaderTimeout:  o.HeaderTimeout,
		MaxResponseHeaderBytes: o.MaxHeaderBytes,
		MaxIdleConns:           o.IdleTotal,
		MaxIdleConnsPerHost:    o.IdlePerHost,
		IdleConnTimeout:        60 * time.Second,
		ForceAttemptHTTP2:      true,
	}
	var next http.RoundTripper = tr
	if o.Direct {
		next = h1.Over(tr)
	}
	return &http.Client{
		Transport:     checked{p: p, next: next},
		CheckRedirect: refuseRedirect,
	}
}

// NoRedirects is hc (nil: a zero http.Client) answering a redirect with an error instead of following it,
// for URLs an operator configured (a router's feed, a keeper's, a provider's router): their addresses are
// not checked (they may be private on purpose), but a redirect is the peer's choice, and followed it would
// have the caller send requests to any address it names, the caller's own network included.
func NoRedirects(hc *http.Client) *http.Client {
	var c http.Client
	if hc != nil {
		c = *hc
	}
	c.CheckRedirect = refuseRedirect
	return &c
}

func refuseRedirect(req *http.Request, via []*http.Request) error {
	return fmt.Errorf("%w: %s redirected to %s: not followed (configure the URL it redirects to)", ErrRefused, via[len(via)-1].URL.Host, req.URL.Redacted())
}

func (p Policy) dialer(d *net.Dialer) func(ctx context.Context, network, addr string) (net.Conn, error) {
	if p.Resolve == nil {
		return d.DialContext
	}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		if _, err := netip.ParseAddr(host); err == nil {
			return d.DialContext(ctx, network, addr)
		}
		ips, err := p.Resolve(ctx, host)
		if err != nil {
			return nil, err
		}
		var errs []error
		for _, ip := range ips {
			c, err := d.DialContext(ctx, network, net.JoinHostPort(ip.String(), port))
			if err == nil {
				return c, nil
			}
			errs = append(errs, err)
		}
		return nil, fmt.Errorf("dial %s: %w", host, errors.Join(errs...))
	}
}

// checked refuses a request whose URL the policy does not allow before anything is dialled.
type checked struct {
	p    Policy
	next http.RoundTripper
}

func (c checked) RoundTrip(r *http.Request) (*http.Response, error) {
	if err := c.p.checkURL(r.URL); err != nil {
		if r.Body != nil {
			_ = r.Body.Close()
		}
		return nil, err
	}
	return c.next.RoundTrip(r)
}

// Refused reports whether err is (or wraps) a refusal by a guarded client or check.
func Refused(err error) bool { return errors.Is(err, ErrRefused) }
