package main

import (
	"errors"
	"net/http"
	"testing"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/amount"
	"github.com/laketravis/laketravis/protocol/wire"
)

// --max-price takes the provider CLI's notation (one parser, protocol/amount), and the default is above the
// provider README's 0.001MOR/s bid so a chat against it succeeds.
func TestMaxPriceNotationAndDefault(t *testing.T) {
	params := func(args ...string) (string, error) {
		fs := pflag.NewFlagSet("lt", pflag.ContinueOnError)
		rfcFlags(fs, true)
		require.NoError(t, fs.Parse(append([]string{"--model", "llama-3.1-8b:q4"}, args...)))
		a := &app{v: viper.New()}
		require.NoError(t, a.v.BindPFlags(fs))
		p, err := a.rfcParams(true)
		if err != nil {
			return "", err
		}
		return p.MaxPricePerSecond.Dec(), nil
	}
	for in, want := range map[string]string{"0.001MOR/s": "1000000000000000", "1e16wei/s": "10000000000000000", "5000": "5000"} {
		got, err := params("--max-price", in)
		require.NoError(t, err, in)
		require.Equal(t, want, got, in)
	}
	def, err := params()
	require.NoError(t, err)
	readmeBid, err := amount.Parse("0.001MOR/s")
	require.NoError(t, err)
	require.Positive(t, mustBig(def).Cmp(readmeBid), "default %s wei/s is above the README's bid", def)
	_, err = params("--max-price", "cheap")
	require.ErrorIs(t, err, amount.ErrSyntax)
	require.ErrorContains(t, err, "0.001MOR/s", "the error shows the accepted notation")
}

// A refusal the user can fix says what to change; the router's code stays reachable with errors.As.
func TestRefusalsSayWhatToChange(t *testing.T) {
	fs := pflag.NewFlagSet("lt", pflag.ContinueOnError)
	rfcFlags(fs, true)
	require.NoError(t, fs.Parse([]string{"--model", "llama-3.1-8b:q4", "--max-price", "0.0001MOR/s"}))
	a := &app{v: viper.New()}
	require.NoError(t, a.v.BindPFlags(fs))
	p, err := a.rfcParams(true)
	require.NoError(t, err)
	for code, want := range map[string]string{
		wire.CodeNoProvider:         "raise --max-price",
		wire.CodeAllowanceExhausted: "lower --max-seconds",
		wire.CodeUnknownModel:       "GET /v1/models",
	} {
		err := explain(wire.Errorf(http.StatusConflict, code, "refused"), p)
		require.ErrorContains(t, err, want, code)
		var we *wire.Error
		require.True(t, errors.As(err, &we))
		require.Equal(t, code, we.Code)
	}
	noProvider := explain(wire.Errorf(http.StatusConflict, wire.CodeNoProvider, "x"), p)
	require.ErrorContains(t, noProvider, "0.0001 MOR/s")
	require.ErrorContains(t, noProvider, "e.g. --max-price 0.001MOR/s", "the example is above the price asked")
	require.ErrorContains(t, explain(wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "no route POST /v1/rfc"), p), "is --router a router's base URL?")
	// deposit_exhausted for a daily spend cap below a second's price (the router names it): the router already
	// shortens such a session to cap ÷ price, and no deposit lifts the cap, so the hint names only what helps.
	capped := explain(wire.Errorf(http.StatusPaymentRequired, wire.CodeDepositExhausted,
		"the daily spend cap 500000000 wei does not cover one second at 1000000000 wei/s (a session that may pay from the deposit costs at most the cap)"), p)
	for _, want := range []string{"daily spend cap", "a cheaper model may fit", "without --use-deposit"} {
		require.ErrorContains(t, capped, want)
	}
	for _, never := range []string{"deposit more", "lt deposit", "--max-seconds", "shorter"} {
		require.NotContains(t, capped.Error(), never)
	}
	// The allowance and deposit short of a second: deposit more.
	short := explain(wire.Errorf(http.StatusPaymentRequired, wire.CodeDepositExhausted,
		"allowance left today 0 wei and unreserved deposit 5 wei do not cover one second at 1000000000 wei/s"), p)
	require.ErrorContains(t, short, "deposit more with lt deposit")
	require.NotContains(t, short.Error(), "cheaper model")
}
