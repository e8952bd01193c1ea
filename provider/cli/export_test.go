package cli

import (
	"github.com/spf13/viper"

	"github.com/laketravis/laketravis/provider/server"
)

// ServeConfig parses args as `provider serve`'s flags (with the config file and environment they name)
// and returns what they set of the server's configuration: the bounds of one client and the
// acceptance wait (tests).
func ServeConfig(args ...string) (server.Config, error) {
	serve, _, err := NewRoot(IO{}).Find([]string{"serve"})
	if err != nil {
		return server.Config{}, err
	}
	if err := serve.ParseFlags(args); err != nil {
		return server.Config{}, err
	}
	a := &app{v: viper.New()}
	if err := a.loadConfig(serve); err != nil {
		return server.Config{}, err
	}
	var c server.Config
	err = a.bounds(&c)
	return c, err
}

// DepositWindow is serve's deposit window of a settlementLag and --epoch-length (tests).
var DepositWindow = depositWindow
