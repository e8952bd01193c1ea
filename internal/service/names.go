package service

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// OtherNames are the settings every role (lt, provider, router, keeper) names the same way, each with the
// other name a role used before: one name to learn across the roles, and no deployment, script or config
// file written with the other name breaks. The name is the one --help shows; the other name is accepted
// as a flag (hidden), a config-file key and an environment variable alike.
var OtherNames = []struct{ Name, Other string }{
	{"rpc", "rpc-urls"},                      // the router's and keeper's name
	{"raw-key", "private-key"},               // the router's and provider's name
	{"signer-raw-key", "signer-private-key"}, // provider serve's signer key, as raw-key
}

// AddOtherNames adds to fs, after its flags are defined, a hidden flag for the other name of each of its
// settings in OtherNames. A main then calls SettleOtherNames once its config file is read.
//
// Not pflag's SetNormalizeFunc: a normalised name sets the same flag, so --rpc a --rpc-urls b would be the
// list [a b] and --raw-key a --private-key b silently b; as a flag of its own the other name can be compared.
func AddOtherNames(fs *pflag.FlagSet) {
	for _, n := range OtherNames {
		f := fs.Lookup(n.Name)
		if f == nil || fs.Lookup(n.Other) != nil {
			continue
		}
		usage := "the other name of --" + n.Name
		if _, list := f.Value.(pflag.SliceValue); list {
			fs.StringSlice(n.Other, nil, usage)
		} else {
			fs.String(n.Other, "", usage)
		}
		_ = fs.MarkHidden(n.Other)
	}
}

// SettleOtherNames gives each setting of fs in OtherNames the value its other name carries, in v's order
// of precedence: flags (fs), then environment variables (envPrefix_NAME, dashes as underscores), then the
// config file read into v. Where a source carries both names with different values it fails, naming both;
// where it carries only the other name, that value is the setting's; where it carries only the name, or no
// source carries either, v already reads what it should. Call it after the config file is read and before
// the settings are.
func SettleOtherNames(v *viper.Viper, fs *pflag.FlagSet, envPrefix string) error {
	env := func(name string) string {
		return strings.ToUpper(envPrefix + "_" + strings.ReplaceAll(name, "-", "_"))
	}
	for _, n := range OtherNames {
		f := fs.Lookup(n.Name)
		if f == nil || fs.Lookup(n.Other) == nil {
			continue
		}
		fo := fs.Lookup(n.Other)
		type source struct {
			what, name, other string
			value             func(name string) (any, bool)
		}
		for _, s := range []source{
			{"", "--" + n.Name, "--" + n.Other, func(name string) (any, bool) {
				fl := fs.Lookup(name)
				if !fl.Changed {
					return nil, false
				}
				if l, ok := fl.Value.(pflag.SliceValue); ok {
					return l.GetSlice(), true
				}
				return fl.Value.String(), true
			}},
			{"environment variables ", env(n.Name), env(n.Other), func(name string) (any, bool) {
				s := os.Getenv(env(name))
				return s, s != "" // viper reads an empty variable as unset too
			}},
			{"config-file keys ", n.Name, n.Other, func(name string) (any, bool) {
				// Reached only when no flag or variable names either: v reads the config file's value.
				if !v.InConfig(name) {
					return nil, false
				}
				return v.Get(name), true
			}},
		} {
			name, hasName := s.value(f.Name)
			other, hasOther := s.value(fo.Name)
			if hasName && hasOther && !slices.Equal(listOf(name), listOf(other)) {
				return fmt.Errorf("%s%s and %s name one setting (%s is its other name) with different values: give one of them",
					s.what, s.name, s.other, s.other)
			}
			if hasOther && !hasName {
				v.Set(n.Name, other)
			}
			if hasName || hasOther {
				break
			}
		}
	}
	return nil
}

// listOf is a setting's value as a list, for comparison: a list flag's items, a string split at commas
// (as an environment variable or config-file string gives a list), a config file's list.
func listOf(x any) []string {
	switch x := x.(type) {
	case []string:
		return SplitList(x)
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, SplitList([]string{fmt.Sprint(e)})...)
		}
		return out
	default:
		return SplitList([]string{fmt.Sprint(x)})
	}
}
