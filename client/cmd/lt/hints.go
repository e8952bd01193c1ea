package main

import (
	"errors"
	"strings"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/wire"
)

// nextStep is the line lt prints under an error a newcomer meets first when the error itself does not
// say what to do next; "" when it does. The chain, deployment-file and key errors carry their own advice
// (internal/service, deployments, keys); a router that does not answer is a transport error, with none.
func nextStep(err error) string {
	// client.RouterClient prefixes every error of a router call with "router: "; a 5xx answer is
	// unreachable too, but it is an answer (a *wire.Error).
	var answered *wire.Error
	if errors.Is(err, client.ErrUnreachable) && !errors.As(err, &answered) && strings.HasPrefix(err.Error(), "router: ") {
		return "no router answered at --router (LT_CLIENT_ROUTER): is it running? On a devnet, README.md step 2 " +
			"starts one on 127.0.0.1:8080"
	}
	return ""
}
