// Command provider is the Lake Travis compute provider's command line and server; see provider/README.md.
package main

import (
	"context"
	"os"

	"github.com/laketravis/laketravis/provider/cli"
)

func main() {
	os.Exit(cli.Execute(context.Background()))
}
