// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Script} from "forge-std/Script.sol";
import {VmSafe} from "forge-std/Vm.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Emissions} from "../src/Emissions.sol";
import {ComputePool} from "../src/ComputePool.sol";
import {ModelRegistry} from "../src/ModelRegistry.sol";
import {Marketplace} from "../src/Marketplace.sol";
import {IEmissions} from "../src/interfaces/IEmissions.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title Deploy
/// @notice Deploys the Lake Travis contracts, wires roles and buckets, and writes `deployments/<chainId>.json`:
///         `{"chainId": N, "startBlock": N, "contracts": {"MORToken": "0x…", "Emissions": "0x…", …}}`.
/// @dev Run through `scripts/deploy.sh` (`make deploy`), which picks the key (keystore, or DEPLOYER_KEY on a
///      devnet only). Parameters come from `contracts/script/params/<chainId>.json`; the environment
///      variables PAYOUT_START, INTERVAL, DISPUTE_WINDOW and UNBONDING_PERIOD override them,
///      DEPLOYMENTS_FILE overrides the output path (it must stay under ./deployments).
///
///      Order: the ComputePool's address is predicted from the deployer's nonce so that Emissions pays the
///      compute bucket to it from the first second (no emission ever lands elsewhere). The deployer
///      configures everything, then hands DEFAULT_ADMIN_ROLE to `owner` and renounces it when they differ.
contract Deploy is Script {
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
    }

    error PoolAddressMismatch(address predicted, address deployed);

    function run() external {
        string memory paramsFile =
            string.concat(vm.projectRoot(), "/contracts/script/params/", vm.toString(block.chainid), ".json");
        string memory outFile = vm.envOr(
            "DEPLOYMENTS_FILE", string.concat(vm.projectRoot(), "/deployments/", vm.toString(block.chainid), ".json")
        );

        vm.startBroadcast();
        (, address deployer,) = vm.readCallers();
        Params memory p = _params(vm.readFile(paramsFile), deployer);
        uint256 startBlock = block.number;
        Deployed memory d = _deploy(p, deployer);
        vm.stopBroadcast();

        string memory c = "contracts";
        vm.serializeAddress(c, "Emissions", address(d.emissions));
        vm.serializeAddress(c, "ComputePool", address(d.pool));
        vm.serializeAddress(c, "ModelRegistry", address(d.registry));
        vm.serializeAddress(c, "Marketplace", address(d.market));
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

    struct Deployed {
        Emissions emissions;
        ComputePool pool;
        ModelRegistry registry;
        Marketplace market;
    }

    function _deploy(Params memory p, address deployer) internal returns (Deployed memory d) {
        // Emissions (nonce n, its constructor creates MORToken), then ComputePool at nonce n + 1.
        address predictedPool = vm.computeCreateAddress(deployer, vm.getNonce(deployer) + 1);
        address[5] memory buckets = [p.recipients[0], p.recipients[1], p.recipients[2], predictedPool, p.recipients[3]];
        d.emissions = new Emissions(p.owner, p.payoutStart, p.interval, buckets);
        d.pool = new ComputePool(IEmissions(address(d.emissions)), deployer, SafeCast.toUint32(p.disputeWindow));
        if (address(d.pool) != predictedPool) revert PoolAddressMismatch(predictedPool, address(d.pool));

        d.registry = new ModelRegistry();
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
        _wireRoles(d.market, d.pool, p, deployer);
    }

    function _wireRoles(Marketplace market, ComputePool pool, Params memory p, address deployer) internal {
        for (uint256 i; i < p.routers.length; ++i) {
            market.grantRole(market.ROUTER_ROLE(), p.routers[i]);
        }
        for (uint256 i; i < p.keepers.length; ++i) {
            market.grantRole(market.KEEPER_ROLE(), p.keepers[i]);
            pool.grantRole(pool.KEEPER_ROLE(), p.keepers[i]);
        }
        market.grantRole(market.GUARDIAN_ROLE(), p.guardian);
        pool.grantRole(pool.GUARDIAN_ROLE(), p.guardian);
        if (p.owner != deployer) {
            market.grantRole(market.DEFAULT_ADMIN_ROLE(), p.owner);
            pool.grantRole(pool.DEFAULT_ADMIN_ROLE(), p.owner);
            market.renounceRole(market.DEFAULT_ADMIN_ROLE(), deployer);
            pool.renounceRole(pool.DEFAULT_ADMIN_ROLE(), deployer);
        }
    }

    /// @dev Reads the parameter file; zero addresses mean the deployer, payoutStart 0 means now.
    function _params(string memory json, address deployer) internal view returns (Params memory p) {
        p.payoutStart = vm.envOr("PAYOUT_START", vm.parseJsonUint(json, ".payoutStart"));
        if (p.payoutStart == 0) p.payoutStart = block.timestamp;
        p.interval = vm.envOr("INTERVAL", vm.parseJsonUint(json, ".interval"));
        p.owner = _orDeployer(vm.parseJsonAddress(json, ".owner"), deployer);
        p.guardian = _orDeployer(vm.parseJsonAddress(json, ".roles.guardian"), deployer);
        string[4] memory names = ["capital", "code", "community", "protection"];
        for (uint256 i; i < 4; ++i) {
            p.recipients[i] = _orDeployer(vm.parseJsonAddress(json, string.concat(".recipients.", names[i])), deployer);
        }
        p.routers = vm.parseJsonAddressArray(json, ".roles.routers");
        p.keepers = vm.parseJsonAddressArray(json, ".roles.keepers");
        p.minProviderStake = vm.parseJsonUint(json, ".market.minProviderStake");
        p.minPrice = vm.parseJsonUint(json, ".market.minPrice");
        p.maxPrice = vm.parseJsonUint(json, ".market.maxPrice");
        p.unbondingPeriod = vm.envOr("UNBONDING_PERIOD", vm.parseJsonUint(json, ".market.unbondingPeriod"));
        p.disputeWindow = vm.envOr("DISPUTE_WINDOW", vm.parseJsonUint(json, ".market.disputeWindow"));
    }

    function _orDeployer(address a, address deployer) internal pure returns (address) {
        return a == address(0) ? deployer : a;
    }
}
