// Package market is a provider's view of the on-chain market (PROTOCOL §5, §8): it reads the
// Marketplace, ModelRegistry, ComputePool and MOR token, checks every provider transaction before it is
// built (balance, minimum stake, price bounds, model registered, provider registered) so that mistakes
// come back as clear errors instead of reverts, and sends transactions through a [Sender] that estimates
// the cost first, supports dry runs and waits for the receipt.
package market
