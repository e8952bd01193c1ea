package market

import "errors"

// Sentinel errors of the pre-flight checks. Each is wrapped with the numbers involved and a hint of what
// to do; callers branch with errors.Is.
var (
	ErrNotRegistered     = errors.New("not registered as a provider")
	ErrAlreadyRegistered = errors.New("already registered as a provider")
	ErrSignerInUse       = errors.New("signer key already bound to another provider")
	ErrStakeBelowMinimum = errors.New("stake below the minimum provider stake")
	ErrInsufficientMOR   = errors.New("not enough MOR")
	ErrInsufficientStake = errors.New("not enough active stake")
	ErrPriceOutOfBounds  = errors.New("price out of bounds")
	ErrUnknownModel      = errors.New("model not registered")
	ErrNoBid             = errors.New("no bid on this model")
	ErrNothingToWithdraw = errors.New("nothing to withdraw")
	ErrUnbonding         = errors.New("unbonding period not over")
	ErrNothingToClaim    = errors.New("nothing to claim")
	ErrProofMismatch     = errors.New("proof does not match the claimable root")
	ErrInsufficientFunds = errors.New("not enough ETH for gas")
	ErrBadModelName      = errors.New("bad model name")
	ErrZeroAmount        = errors.New("amount must be positive")
	ErrNoClaimableRoot   = errors.New("no settlement root is claimable yet")
	ErrNotMatchable      = errors.New("provider not matchable (active stake below the minimum)")
	ErrNothingToUpdate   = errors.New("nothing to update")
)
