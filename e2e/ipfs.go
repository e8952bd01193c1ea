package e2e

import (
	"context"
	"path/filepath"
	"strconv"

	"github.com/laketravis/laketravis/provider/ipfs"
	"github.com/laketravis/laketravis/provider/models"
)

// The decentralized model registry in the stack (Options.IPFS, PROTOCOL §5): the builder publishes small
// generated weights from its own kubo node with `provider model publish`; each provider runs its own kubo
// node, connected to the builder's on a private loopback swarm, pulls and verifies the model with
// `provider model pull` before bidding, and serves with --require-verified (so it seeds the weights).

// startIPFS starts a private kubo node named name, stopped by Close.
func (s *Stack) startIPFS(ctx context.Context, name string) (*ipfs.Node, error) {
	bin, err := ipfs.Binary()
	if err != nil {
		return nil, err
	}
	n, err := ipfs.StartPrivate(ctx, bin, filepath.Join(s.Dir, name, "ipfs"))
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.ipfsNodes = append(s.ipfsNodes, n)
	s.mu.Unlock()
	return n, nil
}

// publishModel publishes the demo weights from the builder's node and registers the model.
func (s *Stack) publishModel(ctx context.Context) error {
	n, err := s.startIPFS(ctx, "builder")
	if err != nil {
		return err
	}
	s.builderIPFS = n
	weights := filepath.Join(s.Dir, "builder", "weights")
	// Small generated stand-in weights (the stand-in upstream answers for the model): 2 MiB, same every run.
	if err := models.Generate(weights, 1, 2<<20); err != nil {
		return err
	}
	if _, err := s.provider(ctx, "builder", "model", "publish", weights, "--name", s.Opts.Model,
		"--fee-bps", strconv.Itoa(int(s.Opts.BuilderFeeBps)), "--raw-key", s.Builder.PrivateKeyHex(),
		"--ipfs-api", n.API(), "--models-dir", filepath.Join(s.Dir, "builder", "models")); err != nil {
		return err
	}
	s.logf("builder %s published %s's weights to IPFS and registered their content hash (provider model publish)", s.Builder.Address.Hex(), s.Opts.Model)
	return nil
}

// pullModel gives p its own kubo node, connected to the builder's, and pulls and verifies the model.
func (s *Stack) pullModel(ctx context.Context, p *Provider) error {
	n, err := s.startIPFS(ctx, p.Name)
	if err != nil {
		return err
	}
	if err := n.Connect(ctx, s.builderIPFS.Addrs[0]); err != nil {
		return err
	}
	p.IPFSAPI, p.ModelsDir = n.API(), filepath.Join(s.Dir, p.Name, "models")
	if _, err := s.provider(ctx, p.Name, "model", "pull", s.Opts.Model, "--ipfs-api", p.IPFSAPI, "--models-dir", p.ModelsDir); err != nil {
		return err
	}
	s.logf("%s pulled %s from the IPFS swarm and verified it against the registry (provider model pull)", p.Name, s.Opts.Model)
	return nil
}

// serveModelArgs are StartProvider's extra flags: serve only the verified model, seed it.
func (p *Provider) serveModelArgs() []string {
	if p.IPFSAPI == "" {
		return nil
	}
	return []string{"--require-verified", "--ipfs-api", p.IPFSAPI, "--models-dir", p.ModelsDir}
}
