package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"golang.org/x/term"

	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/internal/service"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
)

func (a *app) deployment() (*deployments.Deployment, error) {
	path := a.str("deployment")
	if path == "" {
		return nil, errors.New("no deployment file: set --deployment (or LT_CLIENT_DEPLOYMENT), e.g. deployments/31337.json")
	}
	return deployments.Load(path)
}

// domain returns the EIP-712 domain of the deployment: its chain id and Marketplace address.
func (a *app) domain(dep *deployments.Deployment) (*eip712.Domain, error) {
	m, err := dep.Address("Marketplace")
	if err != nil {
		return nil, err
	}
	return eip712.NewDomain(dep.ChainID, m), nil
}

// key loads the user's key for chainID: a keystore (password file or prompt) or, on a devnet, a raw key.
// With --external-signer it fails (keys.ErrExternalKey): commands that sign use signer.
func (a *app) key(chainID uint64) (*ecdsa.PrivateKey, error) {
	src := a.keySource()
	if _, err := os.Stat(src.Keystore); src.Keystore != "" && errors.Is(err, fs.ErrNotExist) {
		return keys.Load(src, chainID) // says the keystore is missing before a password is asked for
	}
	if src.Keystore != "" && src.PasswordFile == "" && src.External == "" {
		pw, err := a.prompt("password for " + src.Keystore + ": ")
		if err != nil {
			return nil, err
		}
		src.Password = pw
	}
	return keys.Load(src, chainID)
}

func (a *app) keySource() keys.Source {
	return keys.Source{Keystore: a.str("keystore"), PasswordFile: a.str("password-file"), RawKey: a.str("raw-key"),
		External: a.str("external-signer"), Account: a.str("external-signer-account")}
}

// signer returns the user's signer for chainID: clef at --external-signer, else the key (see key).
func (a *app) signer(ctx context.Context, chainID uint64) (keys.Signer, error) {
	if a.str("external-signer") != "" {
		return keys.LoadSigner(ctx, a.keySource(), chainID)
	}
	k, err := a.key(chainID)
	if err != nil {
		return nil, err
	}
	return keys.NewKeySigner(k, chainID), nil
}

// prompt reads a secret from the terminal (not echoed), or a line from a non-terminal stdin.
func (a *app) prompt(label string) (string, error) {
	if f, ok := a.in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(a.errOut, label)
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(a.errOut)
		return string(b), err
	}
	var line string
	buf := make([]byte, 1)
	for {
		n, err := a.in.Read(buf)
		if n == 1 && buf[0] != '\n' {
			line += string(buf[0])
			continue
		}
		if n == 1 || err != nil {
			if err != nil && line == "" {
				return "", errors.New("no password: give --password-file or type it on a terminal")
			}
			return strings.TrimRight(line, "\r"), nil
		}
	}
}

// dialChain loads the deployment, connects to the configured RPCs and checks they serve its chain.
func (a *app) dialChain(ctx context.Context) (*deployments.Deployment, *chain.Client, error) {
	dep, err := a.deployment()
	if err != nil {
		return nil, nil, err
	}
	urls := a.list("rpc")
	if len(urls) == 0 {
		return nil, nil, errors.New("no RPC URL: set --rpc (or LT_CLIENT_RPC)")
	}
	c, err := chain.Dial(ctx, urls, chain.Options{})
	if err != nil {
		return nil, nil, err
	}
	if err := service.CheckChain(ctx, c, dep); err != nil {
		c.Close()
		return nil, nil, err
	}
	return dep, c, nil
}

func (a *app) router() (*client.RouterClient, error) {
	urls := a.list("router")
	if len(urls) == 0 {
		return nil, errors.New("no router: set --router (or LT_CLIENT_ROUTER)")
	}
	for _, u := range urls {
		if err := service.BaseURL("router", u); err != nil {
			return nil, err
		}
	}
	return a.routerClient(urls), nil
}

// routerClient is the client of the routers at urls, each given --router-timeout to answer a call.
func (a *app) routerClient(urls []string) *client.RouterClient {
	rc := client.NewRouterClient(strings.Join(urls, ","), nil)
	rc.SetTimeout(a.v.GetDuration("router-timeout"))
	return rc
}

// marketClient assembles the user's client: router, domain and signer (the RFC is the one message it
// signs per session).
func (a *app) marketClient(ctx context.Context) (*client.Client, error) {
	dep, err := a.deployment()
	if err != nil {
		return nil, err
	}
	d, err := a.domain(dep)
	if err != nil {
		return nil, err
	}
	r, err := a.router()
	if err != nil {
		return nil, err
	}
	w, err := a.signer(ctx, dep.ChainID)
	if err != nil {
		return nil, err
	}
	// The provider's endpoint comes from the router's answer (a peer): fetch it through the outbound guard.
	// A model may think for minutes before its first byte.
	hc := netguard.ForChain(dep.ChainID, a.v.GetBool("allow-private-endpoints")).Client(netguard.Options{HeaderTimeout: 10 * time.Minute, IdlePerHost: 16, Direct: true})
	c := &client.Client{Router: r, Domain: d, Wallet: w, HTTP: hc}
	if len(a.list("rpc")) > 0 {
		// The grant's endpoint is checked against the provider's registered one: a router proxying the
		// session would read its prompts. The chain stays dialled for the command's life.
		if c.Endpoints, err = a.chainEndpoints(ctx); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// chainEndpoints reads providers' registered endpoints from the Marketplace (client.EndpointSource).
type chainEndpoints struct {
	c *chain.Client
	m *marketplace.Marketplace
}

func (a *app) chainEndpoints(ctx context.Context) (chainEndpoints, error) {
	dep, c, err := a.dialChain(ctx)
	if err != nil {
		return chainEndpoints{}, err
	}
	addr, err := dep.Address("Marketplace")
	if err == nil {
		var m *marketplace.Marketplace
		if m, err = marketplace.NewMarketplace(addr, c); err == nil {
			return chainEndpoints{c, m}, nil
		}
	}
	c.Close()
	return chainEndpoints{}, err
}

// PastEndpoints is the endpoint p had registered blocks blocks before the head (if any) and those its
// registration and updates set since.
func (e chainEndpoints) PastEndpoints(ctx context.Context, p common.Address, blocks uint64) ([]string, error) {
	head, err := e.c.BlockNumber(ctx)
	if err != nil {
		return nil, err
	}
	from := head - min(head, blocks)
	var out []string
	if ep, err := e.at(ctx, p, new(big.Int).SetUint64(from)); err == nil {
		out = append(out, ep)
	}
	fo := &bind.FilterOpts{Start: from, End: &head, Context: ctx}
	reg, err := e.m.FilterProviderRegistered(fo, []common.Address{p}, nil)
	if err != nil {
		return nil, err
	}
	for reg.Next() {
		out = append(out, reg.Event.Endpoint)
	}
	if err := reg.Error(); err != nil {
		return nil, err
	}
	upd, err := e.m.FilterProviderUpdated(fo, []common.Address{p}, nil)
	if err != nil {
		return nil, err
	}
	for upd.Next() {
		out = append(out, upd.Event.Endpoint)
	}
	return out, upd.Error()
}

func (e chainEndpoints) ProviderEndpoint(ctx context.Context, p common.Address) (string, error) {
	return e.at(ctx, p, nil)
}

// at is p's endpoint registered at block n (nil: the head).
func (e chainEndpoints) at(ctx context.Context, p common.Address, n *big.Int) (string, error) {
	out, err := e.m.GetProvider(&bind.CallOpts{Context: ctx, BlockNumber: n}, p)
	switch {
	case err != nil:
		return "", err
	case !out.Registered:
		return "", fmt.Errorf("provider %s is not registered on the Marketplace", p)
	}
	return out.Endpoint, nil
}
