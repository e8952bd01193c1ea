// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Deploy} from "../script/Deploy.s.sol";
import {Roles} from "../src/libraries/Roles.sol";
import {IComputePool} from "../src/interfaces/IComputePool.sol";

/// @notice The deploy script itself (F5, F10, PROTOCOL §10): recipients and the bound compute pool, the role
///         hand-over to a timelock longer than the dispute window, the refusal of zero roles on a public chain.
contract DeployScriptTest is Test {
    Deploy internal script;
    address internal owner = makeAddr("owner");
    address internal guardian = makeAddr("guardian");
    address internal keeper = makeAddr("keeper");
    address internal router = makeAddr("router");
    address internal attacker = makeAddr("attacker");
    address[4] internal recipients = [makeAddr("capital"), makeAddr("code"), makeAddr("community"), makeAddr("fund")];

    function setUp() public {
        script = new Deploy();
        vm.warp(1_800_000_000);
    }

    function _json(address owner_, address guardian_, address capital, uint256 timelockDelay)
        internal
        view
        returns (string memory)
    {
        return string.concat(
            '{"payoutStart": 0, "interval": 86400, "timelockDelay": ',
            vm.toString(timelockDelay),
            ', "owner": "',
            vm.toString(owner_),
            '", "recipients": {"capital": "',
            vm.toString(capital),
            '", "code": "',
            vm.toString(recipients[1]),
            '", "community": "',
            vm.toString(recipients[2]),
            '", "protection": "',
            vm.toString(recipients[3]),
            '"}, "roles": {"routers": ["',
            vm.toString(router),
            '"], "keepers": ["',
            vm.toString(keeper),
            '"], "guardian": "',
            vm.toString(guardian_),
            '"}, "market": {"minProviderStake": "1000000000000000000000", "minPrice": "1000000000",',
            ' "maxPrice": "1000000000000000000", "unbondingPeriod": 604800, "disputeWindow": 3600,',
            ' "settlementLag": 7200, "withdrawalDelay": 86400, "withdrawalWindow": 7200, "maxBudgetBps": 500,',
            ' "dailySpendCap": "10000000000000000000000", "nameFee": "10000000000000000000"}}'
        );
    }

    function test_PublicChain_RolesHandOverRecipients() public {
        vm.chainId(421614);
        (Deploy.Deployed memory d,) = script.deployWith(_json(owner, guardian, recipients[0], 2 days));
        address deployer = _deployer();

        // Recipients: the compute bucket is bound to the deployed pool, the others as given.
        assertEq(d.emissions.recipients(3), address(d.pool));
        assertEq(address(d.pool.emissions()), address(d.emissions));
        assertEq(d.emissions.recipients(0), recipients[0]);
        assertEq(d.emissions.recipients(4), recipients[3]);
        assertEq(d.market.protectionFund(), recipients[3]);
        // Bounds fixed at deployment.
        assertEq(d.pool.minDisputeWindow(), 3600);
        assertEq(d.pool.maxBudgetBps(), 500);
        assertEq(d.pool.settlementLag(), 7200);
        assertEq(d.pool.minWithdrawalDelay(), 86400);
        assertEq(d.pool.withdrawalDelay(), 86400);
        assertEq(d.pool.withdrawalWindow(), 7200);
        assertEq(d.pool.spendCapAt(0), 10_000e18);
        assertEq(d.registry.nameFee(), 10e18);

        // Roles: the timelock administers everything, the deployer keeps nothing.
        TimelockController tl = d.timelock;
        assertEq(d.admin, address(tl));
        assertEq(tl.getMinDelay(), 2 days);
        assertEq(d.emissions.owner(), address(tl));
        IAccessControl[2] memory cs = [IAccessControl(address(d.market)), IAccessControl(address(d.pool))];
        for (uint256 i; i < 2; ++i) {
            assertTrue(cs[i].hasRole(Roles.ADMIN, address(tl)));
            assertTrue(cs[i].hasRole(Roles.GUARDIAN, guardian));
            assertTrue(cs[i].hasRole(Roles.KEEPER, keeper));
            assertFalse(cs[i].hasRole(Roles.ADMIN, deployer));
            assertFalse(cs[i].hasRole(Roles.GUARDIAN, deployer));
            assertFalse(cs[i].hasRole(Roles.ADMIN, owner));
        }
        assertTrue(d.market.hasRole(Roles.ROUTER, router));
        assertTrue(tl.hasRole(tl.PROPOSER_ROLE(), owner));
        assertTrue(tl.hasRole(tl.EXECUTOR_ROLE(), owner));
        assertTrue(tl.hasRole(tl.CANCELLER_ROLE(), guardian));
        assertFalse(tl.hasRole(tl.DEFAULT_ADMIN_ROLE(), deployer));
    }

    /// @dev F2/F3 at the deployment level: a role grant waits out the timelock (longer than the dispute
    ///      window), and the guardian can cancel it meanwhile.
    function test_RoleChange_WaitsForTimelock_GuardianCancels() public {
        vm.chainId(421614);
        (Deploy.Deployed memory d,) = script.deployWith(_json(owner, guardian, recipients[0], 2 days));
        TimelockController tl = d.timelock;
        bytes memory grant = abi.encodeCall(IAccessControl.grantRole, (Roles.KEEPER, attacker));
        vm.prank(owner);
        vm.expectRevert(); // not even the owner acts directly
        d.pool.grantRole(Roles.KEEPER, attacker);
        vm.prank(owner);
        tl.schedule(address(d.pool), 0, grant, bytes32(0), bytes32(0), 2 days);
        bytes32 id = tl.hashOperation(address(d.pool), 0, grant, bytes32(0), bytes32(0));
        vm.warp(block.timestamp + d.pool.disputeWindow() + 1); // a whole dispute window later: still waiting
        vm.prank(owner);
        vm.expectRevert();
        tl.execute(address(d.pool), 0, grant, bytes32(0), bytes32(0));
        vm.prank(guardian);
        tl.cancel(id);
        vm.warp(block.timestamp + 2 days);
        vm.prank(owner);
        vm.expectRevert();
        tl.execute(address(d.pool), 0, grant, bytes32(0), bytes32(0));
        assertFalse(d.pool.hasRole(Roles.KEEPER, attacker));
    }

    /// @dev F5: the compute bucket follows the pool whatever the deployer's nonce did before.
    function test_ComputeBoundWhateverTheNonce() public {
        vm.chainId(421614);
        vm.setNonce(_deployer(), 41);
        (Deploy.Deployed memory d,) = script.deployWith(_json(owner, guardian, recipients[0], 2 days));
        assertEq(d.emissions.recipients(3), address(d.pool));
        vm.warp(block.timestamp + 1 days);
        d.emissions.release();
        assertEq(d.emissions.token().balanceOf(address(d.pool)), d.emissions.bucketEmittedUntil(3, block.timestamp));
    }

    /// @dev F10: on a public chain zero owner, guardian or recipient and a short timelock are refused.
    function test_PublicChain_RefusesZeroRolesAndShortTimelock() public {
        vm.chainId(421614);
        vm.expectRevert(abi.encodeWithSelector(Deploy.ZeroParam.selector, "guardian"));
        script.deployWith(_json(owner, address(0), recipients[0], 2 days));
        vm.expectRevert(abi.encodeWithSelector(Deploy.ZeroParam.selector, "owner"));
        script.deployWith(_json(address(0), guardian, recipients[0], 2 days));
        vm.expectRevert(abi.encodeWithSelector(Deploy.ZeroParam.selector, "capital"));
        script.deployWith(_json(owner, guardian, address(0), 2 days));
        vm.expectRevert(abi.encodeWithSelector(Deploy.TimelockTooShort.selector, 3600, 3600));
        script.deployWith(_json(owner, guardian, recipients[0], 3600));
        vm.expectRevert(abi.encodeWithSelector(Deploy.TimelockTooShort.selector, 0, 3600));
        script.deployWith(_json(owner, guardian, recipients[0], 0));
    }

    /// @dev The pool's constructor refuses, through the script, on every chain (a devnet too), a withdrawalDelay not
    ///      above settlementLag + withdrawalWindow + disputeWindow: a user could withdraw, in the window a withdrawal
    ///      stream holds its served sessions back, what they cost. 0 in the file takes the shortest the pool accepts
    ///      plus half the lag, the close window (1 h), four feed graces (4 min) and a commit's slack (5 min), which the
    ///      keepers' start-up check needs
    ///      (keeper/ledger CheckWithdrawalDelay): with the shortest alone no keeper would start on the pool.
    function test_PoolRefusesWithdrawalWindowLongerThanDelayLeaves() public {
        uint256[2] memory chains = [uint256(421614), 31337];
        for (uint256 i; i < 2; ++i) {
            vm.chainId(chains[i]);
            string memory json = _json(owner, guardian, recipients[0], 2 days);
            // 86400 - 7200 - 3600 - 1 = 75599 s is the longest window the delay leaves; one second more is refused.
            vm.expectRevert(
                abi.encodeWithSelector(IComputePool.WithdrawalDelayTooShort.selector, 86400, 7200, 75600, 3600)
            );
            script.deployWith(vm.replace(json, '"withdrawalWindow": 7200', '"withdrawalWindow": 75600'));
            vm.stopBroadcast(); // the revert (in forge's simulation: nothing sent) left the script's broadcast open
            (Deploy.Deployed memory d,) =
                script.deployWith(vm.replace(json, '"withdrawalWindow": 7200', '"withdrawalWindow": 75599'));
            assertEq(d.pool.withdrawalWindow(), 75599);
            // 0 means a 24th of the interval (3600 s), and a delay of 0 the shortest then accepted (lag 7200,
            // window 3600, dispute 3600, 1 s) plus half the lag (3600), the close window (3600), four feed
            // graces (240) and the commit slack (300).
            json = vm.replace(json, '"withdrawalWindow": 7200', '"withdrawalWindow": 0');
            (d,) = script.deployWith(vm.replace(json, '"withdrawalDelay": 86400', '"withdrawalDelay": 0'));
            assertEq(d.pool.withdrawalWindow(), 3600);
            assertEq(d.pool.withdrawalDelay(), 7200 + 3600 + 3600 + 3600 + 3600 + 240 + 300 + 1);
            assertEq(d.pool.minWithdrawalDelay(), d.pool.withdrawalDelay());
        }
    }

    /// @dev On a devnet zero addresses mean the deployer and no timelock is required (tests act as admin).
    function test_Devnet_ZeroMeansDeployer() public {
        vm.chainId(31337);
        (Deploy.Deployed memory d,) = script.deployWith(_json(address(0), address(0), address(0), 0));
        address deployer = _deployer();
        assertEq(address(d.timelock), address(0));
        assertTrue(d.pool.hasRole(Roles.ADMIN, deployer));
        assertTrue(d.market.hasRole(Roles.GUARDIAN, deployer));
        assertEq(d.emissions.recipients(0), deployer);
        assertEq(d.emissions.recipients(3), address(d.pool));
    }

    function _deployer() internal returns (address deployer) {
        vm.startBroadcast();
        (, deployer,) = vm.readCallers();
        vm.stopBroadcast();
    }
}
