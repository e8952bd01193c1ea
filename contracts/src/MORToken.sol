// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @dev The minter's burn hook (Emissions).
interface IBurnObserver {
    function onBurn(uint256 burnedBefore) external;
}

/// @title MORToken
/// @notice The MOR token (PROTOCOL §3): ERC20 + ERC-2612 permit + burnable + ERC20Votes on the timestamp clock
///         (ERC-6372 `mode=timestamp`). Circulating supply (`totalSupply`, burns excluded) is hard-capped at
///         42,000,000 MOR. Only the `Emissions` contract that deployed the token can mint. Every burn is
///         counted in `totalBurned`, with timestamp checkpoints so the tail emission can read the amount
///         burned up to any past moment.
/// @dev Votes are only counted once an account delegates (self-delegation activates compute access).
contract MORToken is ERC20, ERC20Permit, ERC20Burnable, ERC20Votes {
    using Checkpoints for Checkpoints.Trace208;

    /// @notice Hard cap on circulating supply, in wei.
    uint256 public constant CAP = 42_000_000e18;

    /// @notice The only address allowed to mint: the Emissions contract.
    address public immutable minter;

    uint256 private _totalBurned;
    Checkpoints.Trace208 private _burnedCheckpoints;

    /// @notice Thrown when anyone but `minter` calls `mint`.
    error NotMinter(address caller);
    /// @notice Thrown when a mint would lift circulating supply above `CAP`.
    error CapExceeded(uint256 supplyAfter, uint256 cap);
    /// @notice Thrown when the minter is the zero address.
    error ZeroAddress();

    constructor(address minter_) ERC20("Morpheus", "MOR") ERC20Permit("Morpheus") {
        if (minter_ == address(0)) revert ZeroAddress();
        minter = minter_;
    }

    /// @notice Mints `amount` to `to`. Only callable by the Emissions contract.
    function mint(address to, uint256 amount) external {
        if (msg.sender != minter) revert NotMinter(msg.sender);
        _mint(to, amount);
    }

    /// @notice Total MOR ever burned, in wei.
    function totalBurned() external view returns (uint256) {
        return _totalBurned;
    }

    /// @notice Total MOR burned up to and including `timepoint` (a past timestamp).
    /// @dev Reverts with ERC5805FutureLookup for `timepoint >= clock()`, like getPastTotalSupply.
    function getPastTotalBurned(uint256 timepoint) external view returns (uint256) {
        uint48 now_ = clock();
        if (timepoint >= now_) revert ERC5805FutureLookup(timepoint, now_);
        return _burnedCheckpoints.upperLookupRecent(SafeCast.toUint48(timepoint));
    }

    // ---- ERC-6372: timestamp clock ----

    /// @inheritdoc Votes
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @inheritdoc Votes
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    // ---- hooks ----

    /// @dev Enforces the cap on mints and counts burns. ERC20Votes' own supply bound (2^208-1) is far above CAP.
    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
        if (from == address(0)) {
            uint256 supply = totalSupply();
            if (supply > CAP) revert CapExceeded(supply, CAP);
        } else if (to == address(0)) {
            uint256 before = _totalBurned;
            uint256 burned = before + value;
            _totalBurned = burned;
            _burnedCheckpoints.push(clock(), SafeCast.toUint208(burned));
            // The schedule fixes tails as burns come (O(1) per call). A minter without code (a test's EOA) has
            // no schedule to tell.
            if (minter.code.length != 0) IBurnObserver(minter).onBurn(before);
        }
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
