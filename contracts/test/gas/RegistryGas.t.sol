// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ModelRegistry} from "../../src/ModelRegistry.sol";
import {IModelRegistry} from "../../src/interfaces/IModelRegistry.sol";
import {GasProbe, MarketGasFixture} from "./MarketGasFixture.sol";

/// @notice Gas of publishing models (PROTOCOL §5) on a registry that burns a name fee: a new name is commitName
///         then register (the reveal: claims the name, uses up the commitment, burns the fee), a further tag of an
///         owned name is register alone. Measured like MarketGasTest: state prepared in setUp, `gas.X: N` is
///         transaction gas, the snapshot (snapshots/RegistryGasTest.json) records what forge measures under
///         --isolate, as `make bench` runs.
contract RegistryGasTest is MarketGasFixture {
    uint256 internal constant NAME_FEE = 10e18;
    bytes32 internal constant SALT = keccak256("salt");
    string internal constant NAME = "meta-llama/llama-3.1-8b-instruct";
    ModelRegistry internal reg;
    address internal builder;

    function setUp() public override {
        super.setUp();
        probe = new GasProbe();
        reg = new ModelRegistry(ERC20Burnable(address(mor)), NAME_FEE);
        builder = makeAddr("builder");
        _fund(builder, 100e18);
        vm.prank(builder);
        mor.approve(address(reg), type(uint256).max);
    }

    function test_Gas_CommitName() public {
        bytes32 c = reg.nameCommitment(NAME, builder, SALT);
        vm.prank(builder);
        reg.commitName(c);
        (uint256 exec, uint256 txGas) = _measured("commitName", abi.encodeCall(ModelRegistry.commitName, (c)));
        _log("commitName", exec, txGas);
    }

    function test_Gas_Register_NewName() public {
        vm.prank(builder);
        reg.commitName(reg.nameCommitment(NAME, builder, SALT));
        vm.roll(block.number + 1);
        vm.prank(builder);
        reg.register(NAME, "q4_K_M", keccak256("w"), 500, IModelRegistry.Kind.Model, SALT);
        (uint256 exec, uint256 txGas) = _measured(
            "register_newName",
            abi.encodeCall(
                ModelRegistry.register, (NAME, "q4_K_M", keccak256("w"), 500, IModelRegistry.Kind.Model, SALT)
            )
        );
        _log("register (new name: reveal, fee burned)", exec, txGas);
        assertEq(reg.nameOwner(NAME), builder);
    }

    function test_Gas_Register_NewTag() public {
        _registerNewName(reg, builder, NAME, "q4_K_M", keccak256("w"), 500, IModelRegistry.Kind.Model);
        vm.prank(builder);
        reg.register(NAME, "q8_0", keccak256("w8"), 500, IModelRegistry.Kind.Model, bytes32(0));
        (uint256 exec, uint256 txGas) = _measured(
            "register_newTag",
            abi.encodeCall(
                ModelRegistry.register, (NAME, "q8_0", keccak256("w8"), 500, IModelRegistry.Kind.Model, bytes32(0))
            )
        );
        _log("register (further tag)", exec, txGas);
    }
}
