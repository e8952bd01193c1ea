package e2e

import (
	"time"

	"github.com/laketravis/laketravis/devnet/standin"
)

// Upstream is the stand-in LLM backend (devnet/standin), the only test double of the stack.
type Upstream = standin.Upstream

// UpstreamAnswer is the text the stand-in upstream answers, split into its tokens.
var UpstreamAnswer = standin.Answer

// promptTokens is the prompt size the stand-in reports for a chat or completion.
const promptTokens = standin.PromptTokens

// EmbeddingDims is the length of the stand-in's embedding vectors.
const EmbeddingDims = standin.EmbeddingDims

// EmbeddingOf is the stand-in's vector for text; EmbeddingTokens the prompt size it reports for it.
var (
	EmbeddingOf     = standin.EmbeddingOf
	EmbeddingTokens = standin.EmbeddingTokens
)

// StartUpstream serves the stand-in on a free loopback port. A negative tokenDelay means none.
func StartUpstream(tokenDelay time.Duration) (*Upstream, error) {
	return standin.Start("127.0.0.1:0", nil, tokenDelay)
}
