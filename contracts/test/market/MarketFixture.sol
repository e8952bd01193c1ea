// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {Emissions} from "../../src/Emissions.sol";
import {MORToken} from "../../src/MORToken.sol";
import {ComputePool} from "../../src/ComputePool.sol";
import {Marketplace} from "../../src/Marketplace.sol";
import {ModelRegistry} from "../../src/ModelRegistry.sol";
import {IEmissions} from "../../src/interfaces/IEmissions.sol";
import {IModelRegistry} from "../../src/interfaces/IModelRegistry.sol";
import {MerkleTestLib} from "./MerkleTestLib.sol";

/// @dev The whole market on one chain: Emissions (day 0 = START) with ComputePool bound as the compute bucket's
///      recipient from the start, ModelRegistry (no name fee), Marketplace, roles granted.
///      Time starts at the beginning of day 91, as in the PROTOCOL §4 vector.
abstract contract MarketFixture is Test {
    uint256 internal constant START = 1_700_000_000;
    uint256 internal constant DAY = 86400;
    uint32 internal constant WINDOW = 1 hours;
    uint32 internal constant LAG = 2 hours; // longest session plus one epoch
    // Longer than LAG plus the longest dispute window, so the tests may raise the window to MAX_DISPUTE_WINDOW.
    uint32 internal constant WITHDRAWAL_DELAY = 31 days;
    uint32 internal constant WITHDRAW_WINDOW = 12 hours; // withdraw pays in the first 12 h of each day
    uint256 internal constant MIN_STAKE = 1_000e18;
    uint256 internal constant MIN_PRICE = 1e9;
    uint256 internal constant MAX_PRICE = 1e18;
    uint256 internal constant MAX_BUDGET_BPS = 1_000; // the pool's fixed ceiling (10%)
    uint256 internal constant SPEND_CAP = 1_000_000_000e18; // daily deposit spend cap: generous, nothing trips it

    Emissions internal em;
    MORToken internal mor;
    ComputePool internal pool;
    ModelRegistry internal registry;
    Marketplace internal market;

    address internal admin;
    address internal keeper;
    address internal guardian;
    address internal router;
    address internal fund; // protection fund (slash proceeds)
    address internal capital; // bucket 0 recipient: the tests' MOR source
    address[5] internal recipients;

    function setUp() public virtual {
        admin = makeAddr("admin");
        keeper = makeAddr("keeper");
        guardian = makeAddr("guardian");
        router = makeAddr("router");
        fund = makeAddr("protectionFund");
        capital = makeAddr("capital");
        vm.warp(START + 91 days);
        _deploy();
    }

    function _deploy() internal {
        recipients[0] = capital;
        recipients[1] = makeAddr("code");
        recipients[2] = makeAddr("community");
        recipients[4] = makeAddr("protectionBucket");
        // The compute bucket has no recipient until the deployer binds it to the pool.
        em = new Emissions(admin, START, DAY, recipients);
        pool = new ComputePool(
            IEmissions(address(em)), admin, WINDOW, MAX_BUDGET_BPS, LAG, WITHDRAWAL_DELAY, _spendCap(), WITHDRAW_WINDOW
        );
        em.bindComputePool(address(pool));
        recipients[3] = address(pool);
        mor = em.token();
        registry = new ModelRegistry(ERC20Burnable(address(0)), 0);
        market = new Marketplace(admin, IERC20(address(mor)), registry, fund, MIN_STAKE, MIN_PRICE, MAX_PRICE);

        vm.startPrank(admin);
        pool.grantRole(pool.KEEPER_ROLE(), keeper);
        pool.grantRole(pool.GUARDIAN_ROLE(), guardian);
        market.grantRole(market.GUARDIAN_ROLE(), guardian);
        market.grantRole(market.ROUTER_ROLE(), router);
        market.grantRole(market.KEEPER_ROLE(), keeper);
        vm.stopPrank();
    }

    /// @dev `builder` claims the new `name` in `reg` with its first tag as the registry requires: commits in this
    ///      block, the chain moves to the next one, reveals (`builder` holds the name fee and allowance, if any).
    function _registerNewName(
        ModelRegistry reg,
        address builder,
        string memory name,
        string memory tag,
        bytes32 contentHash,
        uint16 feeBps,
        IModelRegistry.Kind kind
    ) internal returns (bytes32 modelId) {
        bytes32 salt = keccak256(abi.encode("salt", builder, name));
        vm.prank(builder);
        reg.commitName(reg.nameCommitment(name, builder, salt));
        vm.roll(block.number + 1);
        vm.prank(builder);
        return reg.register(name, tag, contentHash, feeBps, kind, salt);
    }

    /// @dev The pool's daily spend cap at deployment (a suite testing the cap itself sets a small one).
    function _spendCap() internal view virtual returns (uint256) {
        return SPEND_CAP;
    }

    /// @dev The empty spend proof: what `requestWithdrawal` and `withdraw` take, with a spend of 0, while no
    ///      spend root the caller must prove against is claimable.
    function _noProof() internal pure returns (bytes32[] memory) {
        return new bytes32[](0);
    }

    function _release() internal {
        if (em.releasable() > 0) em.release();
    }

    /// @dev Sends MOR from the capital bucket (released on demand).
    function _fund(address to, uint256 amount) internal {
        if (mor.balanceOf(capital) < amount) _release();
        vm.prank(capital);
        require(mor.transfer(to, amount), "fund");
    }

    /// @dev A fresh signer key named `name` and its proof (SignerClaim) that it consents to sign for `provider` on
    ///      `m`. Computed before any vm.prank: the digest is a call to `m`.
    function _signerFor(Marketplace m, string memory name, address provider)
        internal
        returns (address signer, bytes memory proof)
    {
        uint256 key;
        (signer, key) = makeAddrAndKey(name);
        proof = _signerProof(m, key, provider);
    }

    /// @dev `key`'s signature of SignerClaim(provider, vm.addr(key)) on `m`, as the 65 bytes r ‖ s ‖ v.
    function _signerProof(Marketplace m, uint256 key, address provider) internal view returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, m.signerClaimDigest(provider, vm.addr(key)));
        return abi.encodePacked(r, s, v);
    }

    // ---- settlement helpers ----

    function _commit(bytes32[][] memory tree, uint256 cumulativeTotal) internal returns (uint256 epoch) {
        epoch = pool.nextEpoch();
        vm.prank(keeper);
        pool.commitRoot(
            epoch,
            MerkleTestLib.root(tree),
            cumulativeTotal,
            bytes32(0),
            0,
            block.timestamp,
            keccak256(abi.encode(epoch)),
            "ipfs://batch"
        );
    }

    function _accounts(uint256 n, string memory prefix) internal returns (address[] memory a) {
        a = new address[](n);
        for (uint256 i; i < n; ++i) {
            a[i] = makeAddr(string.concat(prefix, vm.toString(i)));
        }
    }

    function _sum(uint256[] memory xs) internal pure returns (uint256 s) {
        for (uint256 i; i < xs.length; ++i) {
            s += xs[i];
        }
    }
}
