// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Script} from "forge-std/Script.sol";
import {VmSafe} from "forge-std/Vm.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Emissions} from "../src/Emissions.sol";
import {ComputePool} from "../src/ComputePool.sol";
import {ModelRegistry} from "../src/ModelRegistry.sol";
import {Marketplace} from "../src/Marketplace.sol";
import {IEmissions} from "../src/interfaces/IEmissions.sol";
import {Roles} from "../src/libraries/Roles.sol";

/// @title Deploy
/// @notice Deploys the Lake Travis contracts, wires roles and buckets, checks the result and writes
///         `deployments/<chainId>.json`: `{"chainId": N, "startBlock": N, "contracts": {"MORToken": "0x…", …}}`.
/// @dev Run through `scripts/deploy.sh` (`make deploy`), which picks the key (keystore, or DEPLOYER_KEY on a
///      devnet only). Parameters come from `contracts/script/params/<chainId>.json`; the environment
///      variables PAYOUT_START, INTERVAL, DISPUTE_WINDOW, SETTLEMENT_LAG, WITHDRAWAL_DELAY, WITHDRAWAL_WINDOW, DAILY_SPEND_CAP
///      and UNBONDING_PERIOD override them (a withdrawal window of 0 means the shortest the pool accepts, a
///      24th of the interval; a withdrawal delay of 0 the shortest the pool accepts plus what its keepers
///      need: settlementLag * 3 / 2 + withdrawalWindow + disputeWindow + CLOSE_WINDOW + KEEPER_GRACES + COMMIT_SLACK
///      + 1), DEPLOYMENTS_FILE overrides the output path (it must stay under ./deployments).
///
///      Self-checking (PROTOCOL §10): the compute bucket has no recipient until the deployer binds it to the
///      deployed pool (Emissions checks the pool points back at it), so no nonce prediction can send it
///      elsewhere. With `timelockDelay` > 0 a TimelockController (proposer and executor: `owner`; canceller:
///      `owner` and `guardian`) holds every admin power (Emissions' owner, both DEFAULT_ADMIN_ROLEs), its
///      delay longer than the dispute window so the guardian can veto what a compromised keeper commits while
///      a role change waits. On any chain but a devnet (31337, or DEVNET=1: scripts/deploy.sh passes it only for
///      an anvil node on this machine) zero owner, guardian or recipients
///      and a timelock not longer than the dispute window are refused, and the final role set is asserted:
///      the deployer keeps nothing.
contract Deploy is Script {
    /// @notice How long after its ticket's notAfter a session may still close (protocol/settle.CloseWindow):
    ///         a deposit-paid session admitted at a withdrawal request can be committed this much later than
    ///         the pool's own bound on the delay counts.
    uint256 public constant CLOSE_WINDOW = 3600;
    /// @notice Four feed graces at the keeper's default of at most 1 min (keeper --feed-grace): a keeper commits
    ///         an epoch up to two graces after its cutoff, and a commit held through a withdrawal window waits
    ///         for an epoch after it, two graces more.
    uint256 public constant KEEPER_GRACES = 4 minutes;
    /// @notice What the keepers' rule allows the commits themselves (keeper/ledger CommitSlack): finality,
    ///         polling, sending and inclusion.
    uint256 public constant COMMIT_SLACK = 5 minutes;

    struct Params {
        uint256 payoutStart;
        uint256 interval;
        address owner;
        address guardian;
        address[4] recipients; // capital, code, community, protection
        address[] routers;
        address[] keepers;
        uint256 minProviderStake;
        uint256 minPrice;
        uint256 maxPrice;
        uint256 unbondingPeriod;
        uint256 disputeWindow;
        uint256 settlementLag; // longest session plus one epoch (seconds)
        uint256 withdrawalDelay; // 0 in the file: lag * 3 / 2 + window + dispute + CLOSE_WINDOW + KEEPER_GRACES + COMMIT_SLACK + 1
        uint256 withdrawalWindow; // seconds at each day's start withdraw pays in; 0 in the file: interval / 24
        uint256 timelockDelay; // 0: no timelock, `owner` is the admin (devnets only)
        uint256 maxBudgetBps;
        uint256 dailySpendCap; // most deposit spend (MOR wei) one day's commits may add
        uint256 nameFee;
    }

    struct Deployed {
        Emissions emissions;
        ComputePool pool;
        ModelRegistry registry;
        Marketplace market;
        TimelockController timelock; // zero without a timelock
        address admin; // the timelock, or `owner`
    }

    error ZeroParam(string name);
    error TimelockTooShort(uint256 delay, uint256 disputeWindow);
    error DeployCheckFailed(string what);

    function run() external {
        string memory paramsFile =
            string.concat(vm.projectRoot(), "/contracts/script/params/", vm.toString(block.chainid), ".json");
        string memory outFile = vm.envOr(
            "DEPLOYMENTS_FILE", string.concat(vm.projectRoot(), "/deployments/", vm.toString(block.chainid), ".json")
        );
        uint256 startBlock = block.number;
        (Deployed memory d, Params memory p) = deployWith(vm.readFile(paramsFile));

        string memory c = "contracts";
        vm.serializeAddress(c, "Emissions", address(d.emissions));
        vm.serializeAddress(c, "ComputePool", address(d.pool));
        vm.serializeAddress(c, "ModelRegistry", address(d.registry));
        vm.serializeAddress(c, "Marketplace", address(d.market));
        if (address(d.timelock) != address(0)) vm.serializeAddress(c, "TimelockController", address(d.timelock));
        string memory contracts = vm.serializeAddress(c, "MORToken", address(d.emissions.token()));

        string memory root = "deployment";
        vm.serializeUint(root, "chainId", block.chainid);
        vm.serializeUint(root, "startBlock", startBlock);
        vm.serializeUint(root, "payoutStart", p.payoutStart);
        vm.serializeUint(root, "interval", p.interval);
        string memory json = vm.serializeString(root, "contracts", contracts);
        // Only a broadcast run is a deployment; a dry run must not overwrite the file.
        if (!vm.isContext(VmSafe.ForgeContext.ScriptDryRun)) {
            vm.writeJson(json, outFile);
        }
    }

    /// @notice Deploys from a parameter file's JSON with the broadcasting key and checks the result.
    function deployWith(string memory json) public returns (Deployed memory d, Params memory p) {
        vm.startBroadcast();
        (, address deployer,) = vm.readCallers();
        vm.stopBroadcast();
        // The script's refusals happen before anything is sent; the pool's (WithdrawalDelayTooShort) in forge's
        // simulation, which sends nothing when it reverts.
        p = _params(json, deployer);
        vm.startBroadcast();
        d = _deploy(p, deployer);
        vm.stopBroadcast();
        _check(d, p, deployer);
    }

    /// @notice Whether this chain is a devnet, where zero addresses fall back to the deployer.
    function isDevnet() public view returns (bool) {
        return block.chainid == 31337 || vm.envOr("DEVNET", false);
    }

    function _deploy(Params memory p, address deployer) internal returns (Deployed memory d) {
        d.admin = p.owner;
        if (p.timelockDelay != 0) {
            address[] memory owners = new address[](1);
            owners[0] = p.owner;
            // The deployer administers the timelock only to add the guardian as canceller, then renounces.
            d.timelock = new TimelockController(p.timelockDelay, owners, owners, deployer);
            d.timelock.grantRole(d.timelock.CANCELLER_ROLE(), p.guardian);
            d.timelock.renounceRole(d.timelock.DEFAULT_ADMIN_ROLE(), deployer);
            d.admin = address(d.timelock);
        }
        address[5] memory buckets = [p.recipients[0], p.recipients[1], p.recipients[2], address(0), p.recipients[3]];
        d.emissions = new Emissions(d.admin, p.payoutStart, p.interval, buckets);
        d.pool = new ComputePool(
            IEmissions(address(d.emissions)),
            deployer,
            SafeCast.toUint32(p.disputeWindow),
            p.maxBudgetBps,
            SafeCast.toUint32(p.settlementLag),
            SafeCast.toUint32(p.withdrawalDelay),
            p.dailySpendCap,
            SafeCast.toUint32(p.withdrawalWindow)
        );
        d.emissions.bindComputePool(address(d.pool));

        d.registry = new ModelRegistry(ERC20Burnable(address(d.emissions.token())), p.nameFee);
        d.market = new Marketplace(
            deployer,
            IERC20(address(d.emissions.token())),
            d.registry,
            p.recipients[3],
            p.minProviderStake,
            p.minPrice,
            p.maxPrice
        );
        if (p.unbondingPeriod != d.market.unbondingPeriod()) {
            d.market.setParams(p.minProviderStake, p.unbondingPeriod, p.minPrice, p.maxPrice);
        }
        _wireRoles(IAccessControl(address(d.market)), p, true);
        _wireRoles(IAccessControl(address(d.pool)), p, false);
        _handOver(IAccessControl(address(d.market)), d.admin, deployer);
        _handOver(IAccessControl(address(d.pool)), d.admin, deployer);
    }

    function _wireRoles(IAccessControl c, Params memory p, bool market) internal {
        if (market) {
            for (uint256 i; i < p.routers.length; ++i) {
                c.grantRole(Roles.ROUTER, p.routers[i]);
            }
        }
        for (uint256 i; i < p.keepers.length; ++i) {
            c.grantRole(Roles.KEEPER, p.keepers[i]);
        }
        c.grantRole(Roles.GUARDIAN, p.guardian);
    }

    function _handOver(IAccessControl c, address admin, address deployer) internal {
        if (admin == deployer) return;
        c.grantRole(Roles.ADMIN, admin);
        c.renounceRole(Roles.ADMIN, deployer);
    }

    /// @dev Asserts the wiring; on a public chain also the final role set (the deployer keeps no role).
    function _check(Deployed memory d, Params memory p, address deployer) internal view {
        _require(d.emissions.recipients(3) == address(d.pool), "compute bucket -> pool");
        _require(address(d.pool.emissions()) == address(d.emissions), "pool -> emissions");
        _require(d.pool.spendCapAt(0) == p.dailySpendCap, "daily spend cap");
        for (uint8 b; b < 3; ++b) {
            _require(d.emissions.recipients(b) == p.recipients[b], "bucket recipient");
        }
        _require(d.emissions.recipients(4) == p.recipients[3], "protection recipient");
        _require(d.market.protectionFund() == p.recipients[3], "protection fund");
        _require(d.emissions.owner() == d.admin, "emissions owner");
        _require(address(d.registry.token()) == address(d.emissions.token()), "registry token");
        IAccessControl[2] memory cs = [IAccessControl(address(d.market)), IAccessControl(address(d.pool))];
        for (uint256 i; i < 2; ++i) {
            _require(cs[i].hasRole(Roles.ADMIN, d.admin), "admin role");
            _require(cs[i].hasRole(Roles.GUARDIAN, p.guardian), "guardian role");
            if (d.admin != deployer) _require(!cs[i].hasRole(Roles.ADMIN, deployer), "deployer still admin");
        }
        if (address(d.timelock) != address(0)) {
            _require(d.timelock.getMinDelay() > p.disputeWindow, "timelock delay");
            _require(d.timelock.hasRole(d.timelock.PROPOSER_ROLE(), p.owner), "timelock proposer");
            _require(d.timelock.hasRole(d.timelock.CANCELLER_ROLE(), p.guardian), "timelock canceller");
            _require(!d.timelock.hasRole(d.timelock.DEFAULT_ADMIN_ROLE(), deployer), "deployer timelock admin");
        }
        if (isDevnet()) return;
        _require(address(d.timelock) != address(0), "timelock");
        for (uint256 i; i < 2; ++i) {
            _require(!cs[i].hasRole(Roles.GUARDIAN, deployer) || p.guardian == deployer, "deployer guardian");
            _require(!cs[i].hasRole(Roles.KEEPER, deployer) || _contains(p.keepers, deployer), "deployer keeper");
        }
        _require(!d.market.hasRole(Roles.ROUTER, deployer) || _contains(p.routers, deployer), "deployer router");
    }

    function _require(bool ok, string memory what) internal pure {
        if (!ok) revert DeployCheckFailed(what);
    }

    function _contains(address[] memory xs, address x) internal pure returns (bool) {
        for (uint256 i; i < xs.length; ++i) {
            if (xs[i] == x) return true;
        }
        return false;
    }

    /// @dev Reads the parameter file; payoutStart 0 means now. On a devnet zero addresses mean the deployer; on
    ///      any other chain they are refused, and so is a timelock delay not above the dispute window.
    function _params(string memory json, address deployer) internal view returns (Params memory p) {
        p.payoutStart = vm.envOr("PAYOUT_START", vm.parseJsonUint(json, ".payoutStart"));
        if (p.payoutStart == 0) p.payoutStart = block.timestamp;
        p.interval = vm.envOr("INTERVAL", vm.parseJsonUint(json, ".interval"));
        p.owner = _addr(vm.parseJsonAddress(json, ".owner"), deployer, "owner");
        p.guardian = _addr(vm.parseJsonAddress(json, ".roles.guardian"), deployer, "guardian");
        string[4] memory names = ["capital", "code", "community", "protection"];
        for (uint256 i; i < 4; ++i) {
            p.recipients[i] =
                _addr(vm.parseJsonAddress(json, string.concat(".recipients.", names[i])), deployer, names[i]);
        }
        p.routers = vm.parseJsonAddressArray(json, ".roles.routers");
        p.keepers = vm.parseJsonAddressArray(json, ".roles.keepers");
        p.minProviderStake = vm.parseJsonUint(json, ".market.minProviderStake");
        p.minPrice = vm.parseJsonUint(json, ".market.minPrice");
        p.maxPrice = vm.parseJsonUint(json, ".market.maxPrice");
        p.unbondingPeriod = vm.envOr("UNBONDING_PERIOD", vm.parseJsonUint(json, ".market.unbondingPeriod"));
        p.disputeWindow = vm.envOr("DISPUTE_WINDOW", vm.parseJsonUint(json, ".market.disputeWindow"));
        p.settlementLag = vm.envOr("SETTLEMENT_LAG", vm.parseJsonUint(json, ".market.settlementLag"));
        p.withdrawalDelay = vm.envOr("WITHDRAWAL_DELAY", vm.parseJsonUint(json, ".market.withdrawalDelay"));
        p.withdrawalWindow = vm.envOr("WITHDRAWAL_WINDOW", vm.parseJsonUint(json, ".market.withdrawalWindow"));
        if (p.withdrawalWindow == 0) p.withdrawalWindow = p.interval / 24;
        // The pool refuses a delay not above settlementLag + withdrawalWindow + disputeWindow
        // (WithdrawalDelayTooShort); 0 asks for the shortest it takes plus what a keeper with an epoch up to a
        // third of the lag needs to start on the pool (keeper/ledger CheckWithdrawalDelay): a ticket of half
        // the lag and three epochs (its own, and up to two more to the first commit after a withdrawal window
        // its commit was held through) make half a lag more, with the close window, four feed graces and the
        // commits' slack.
        if (p.withdrawalDelay == 0) {
            p.withdrawalDelay = p.settlementLag + p.settlementLag / 2 + p.withdrawalWindow + p.disputeWindow
                + CLOSE_WINDOW + KEEPER_GRACES + COMMIT_SLACK + 1;
        }
        p.maxBudgetBps = vm.parseJsonUint(json, ".market.maxBudgetBps");
        p.dailySpendCap = vm.envOr("DAILY_SPEND_CAP", vm.parseJsonUint(json, ".market.dailySpendCap"));
        p.nameFee = vm.parseJsonUint(json, ".market.nameFee");
        p.timelockDelay = vm.parseJsonUint(json, ".timelockDelay");
        if (p.timelockDelay != 0 && p.timelockDelay <= p.disputeWindow) {
            revert TimelockTooShort(p.timelockDelay, p.disputeWindow);
        }
        if (!isDevnet() && p.timelockDelay == 0) revert TimelockTooShort(0, p.disputeWindow);
    }

    function _addr(address a, address deployer, string memory name) internal view returns (address) {
        if (a != address(0)) return a;
        if (!isDevnet()) revert ZeroParam(name);
        return deployer;
    }
}
