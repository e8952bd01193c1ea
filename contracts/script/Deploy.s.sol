// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Script} from "forge-std/Script.sol";
import {VmSafe} from "forge-std/Vm.sol";
import {Emissions} from "../src/Emissions.sol";

/// @title Deploy
/// @notice Deploys the Lake Travis contracts and writes `deployments/<chainId>.json`:
///         `{"chainId": N, "startBlock": N, "contracts": {"MORToken": "0x…", "Emissions": "0x…", …}}`.
/// @dev Run through `scripts/deploy.sh` (`make deploy`), which picks the key (keystore, or DEPLOYER_KEY on a
///      devnet only). Parameters come from `contracts/script/params/<chainId>.json`; the environment
///      variables PAYOUT_START and INTERVAL override them, DEPLOYMENTS_FILE overrides the output path
///      (it must stay under ./deployments).
contract Deploy is Script {
    struct Params {
        uint256 payoutStart;
        uint256 interval;
        address owner;
        address[5] recipients;
    }

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

        Emissions emissions = new Emissions(p.owner, p.payoutStart, p.interval, p.recipients);
        vm.stopBroadcast();

        string memory c = "contracts";
        vm.serializeAddress(c, "Emissions", address(emissions));
        string memory contracts = vm.serializeAddress(c, "MORToken", address(emissions.token()));

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

    /// @dev Reads the parameter file; zero addresses mean the deployer, payoutStart 0 means now.
    function _params(string memory json, address deployer) internal view returns (Params memory p) {
        p.payoutStart = vm.envOr("PAYOUT_START", vm.parseJsonUint(json, ".payoutStart"));
        if (p.payoutStart == 0) p.payoutStart = block.timestamp;
        p.interval = vm.envOr("INTERVAL", vm.parseJsonUint(json, ".interval"));
        p.owner = _orDeployer(vm.parseJsonAddress(json, ".owner"), deployer);
        string[5] memory names = ["capital", "code", "community", "compute", "protection"];
        for (uint256 i; i < 5; ++i) {
            p.recipients[i] = _orDeployer(vm.parseJsonAddress(json, string.concat(".recipients.", names[i])), deployer);
        }
    }

    function _orDeployer(address a, address deployer) internal pure returns (address) {
        return a == address(0) ? deployer : a;
    }
}
