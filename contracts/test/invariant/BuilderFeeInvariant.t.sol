// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ModelRegistry} from "../../src/ModelRegistry.sol";
import {IModelRegistry} from "../../src/interfaces/IModelRegistry.sol";

/// @dev Keepers credit a session's builder fee with `feeAt(model, session start)` (PROTOCOL: fee history), so the
///      money property is that the fee of a past time never changes, a raise is never in force before
///      FEE_INCREASE_NOTICE after it was requested, a cut is in force at once, only the model's builder changes its
///      fee, and no fee is above MAX_FEE_BPS.
///
///      Two honest builders register models (a new name by commit-reveal, further tags of their own names without),
///      raise, cut, cancel and repeat fee changes; time moves by steps of varied sizes, including exactly
///      FEE_INCREASE_NOTICE - 1, FEE_INCREASE_NOTICE and FEE_INCREASE_NOTICE + 1 and the edges of a pending raise.
///      Adversaries: a stranger and the other builder call setBuilderFee on a model not theirs, the builder asks a
///      fee above MAX_FEE_BPS, the builder tries to bring a raise forward (raise again, cancel and raise again, cut
///      and raise, later in the notice or in the same second), other accounts register the same name:tag or a new
///      tag of an owned name (with a commitment of their own). The handler observes every model's fee in force
///      before and after each step (ghost log of (time, feeAt(now)), the last observation of a second kept) and
///      keeps the schedule the rules give, computed on its own from its calls. Calls that must succeed or must fail
///      set a counter instead of reverting (`fail_on_revert = false` would drop a bare revert).
contract BuilderFeeHandler is Test {
    ModelRegistry public immutable reg;
    uint16 internal immutable maxFee;
    uint64 internal immutable notice;
    address[2] internal builders;
    address public immutable stranger;
    string[3] internal names = ["alpha", "beta/gamma", "delta-1.5"];
    uint256 internal constant MAX_MODELS = 6;

    struct Entry {
        uint64 from;
        uint16 fee;
    }

    struct Snap {
        uint64 t;
        uint16 fee;
    }

    struct Req {
        uint64 t;
        uint16 fee;
    }

    bytes32[] public ids;
    uint256[] internal nameOf; // name index and tag of each model, to re-register them
    string[] internal tagOf;
    mapping(uint256 k => address) public builderOf;
    mapping(uint256 k => Entry[]) internal sched; // the expected schedule (ghost)
    mapping(uint256 k => Snap[]) internal snaps; // (time observed, feeAt(now)); one per second, the last seen
    mapping(uint256 k => Req[]) internal reqs; // registration and every accepted fee change, with its time
    mapping(uint256 k => uint16) internal peak; // highest fee observed in force so far
    uint256 internal nonce;

    uint256 public unexpectedSuccesses; // adversarial calls accepted, or that changed anything
    uint256 public honestRefused; // honest calls refused
    uint256 public earlyRaises; // a new highest fee in force without a request at least the notice earlier
    uint256 public adversarialCalls;
    uint256 public raises;
    uint256 public cuts;
    uint256 public cancels;
    uint256 public boundaryWarps;

    constructor(ModelRegistry reg_) {
        reg = reg_;
        maxFee = reg_.MAX_FEE_BPS();
        notice = reg_.FEE_INCREASE_NOTICE();
        builders = [makeAddr("builder0"), makeAddr("builder1")];
        stranger = makeAddr("stranger");
    }

    modifier observed() {
        _observeAll();
        _;
        _observeAll();
    }

    // ----- views for the invariants -----

    function modelCount() external view returns (uint256) {
        return ids.length;
    }

    /// @notice (1) How many observations (t, fee) with t before now no longer have feeAt(model, t) == fee.
    function pastFeesChanged() external view returns (uint256 changed) {
        uint64 now_ = uint64(block.timestamp);
        for (uint256 k; k < ids.length; ++k) {
            Snap[] memory s = snaps[k];
            for (uint256 i; i < s.length; ++i) {
                if (s[i].t < now_ && reg.feeAt(ids[k], s[i].t) != s[i].fee) ++changed;
            }
        }
    }

    /// @notice (6) How many probes give a feeAt other than the rules' schedule (ghost), at every edge of an
    ///         expected or a stored entry, now and the notice ahead; plus a pending change other than the expected.
    function scheduleMismatches() external view returns (uint256 bad) {
        uint64 now_ = uint64(block.timestamp);
        for (uint256 k; k < ids.length; ++k) {
            bytes32 id = ids[k];
            Entry[] memory e = sched[k];
            IModelRegistry.FeeChange[] memory h = reg.feeHistory(id, 0, reg.feeHistoryLength(id));
            uint256 n = 3 + 2 * (e.length + h.length);
            uint64[] memory probes = new uint64[](n);
            probes[0] = now_;
            probes[1] = now_ + notice - 1;
            probes[2] = now_ + notice;
            for (uint256 i; i < e.length; ++i) {
                probes[3 + 2 * i] = e[i].from - 1;
                probes[4 + 2 * i] = e[i].from;
            }
            for (uint256 i; i < h.length; ++i) {
                probes[3 + 2 * e.length + 2 * i] = h[i].effectiveFrom - 1;
                probes[4 + 2 * e.length + 2 * i] = h[i].effectiveFrom;
            }
            for (uint256 i; i < n; ++i) {
                if (reg.feeAt(id, probes[i]) != _expectedIn(e, probes[i])) ++bad;
            }
            (bool pending,, uint64 from) = reg.pendingFee(id);
            Entry memory last = e[e.length - 1];
            if (pending != (last.from > now_) || (pending && from != last.from)) ++bad;
        }
    }

    /// @notice The fee the rules give model `k` at time `t`.
    function expectedFeeAt(uint256 k, uint64 t) public view returns (uint16) {
        return _expectedIn(sched[k], t);
    }

    /// @dev The newest expected entry in force at `t` (the registration's fee before it).
    function _expectedIn(Entry[] memory s, uint64 t) internal pure returns (uint16) {
        for (uint256 i = s.length; i > 0; --i) {
            if (s[i - 1].from <= t) return s[i - 1].fee;
        }
        return s[0].fee;
    }

    // ----- honest builders -----

    /// @dev A builder registers a model: a new name by commit then reveal in a later block, a further tag of its own
    ///      name at once. A name owned by the other builder makes it an adversarial re-registration.
    function registerModel(uint256 seed, uint256 fee) public observed {
        if (ids.length >= MAX_MODELS) return;
        address b = builders[seed % 2];
        uint256 n = (seed >> 8) % names.length;
        // forge-lint: disable-next-line(unsafe-typecast)
        uint16 f = uint16(bound(fee, 0, maxFee));
        string memory tag = string.concat("v", vm.toString(nonce++));
        address owner = reg.nameOwner(names[n]);
        bytes32 salt = keccak256(abi.encode("salt", nonce++));
        if (owner == address(0)) {
            vm.prank(b);
            reg.commitName(reg.nameCommitment(names[n], b, salt));
            vm.roll(block.number + 1);
        } else if (owner != b) {
            _adversarialRegister(b, n, tag, salt);
            return;
        }
        vm.prank(b);
        try reg.register(names[n], tag, keccak256(abi.encode(tag)), f, IModelRegistry.Kind.Model, salt) returns (
            bytes32 id
        ) {
            uint256 k = ids.length;
            ids.push(id);
            nameOf.push(n);
            tagOf.push(tag);
            builderOf[k] = b;
            sched[k].push(Entry(uint64(block.timestamp), f));
            reqs[k].push(Req(uint64(block.timestamp), f));
            peak[k] = f;
            snaps[k].push(Snap(uint64(block.timestamp), f));
        } catch {
            ++honestRefused;
        }
    }

    /// @dev The builder changes its fee: any fee, a raise, a cut, a cancel (the fee in force again) or the pending
    ///      raise repeated (which restarts its notice).
    function setFee(uint256 seed, uint256 fee) external observed {
        uint256 k = seed % ids.length;
        uint16 cur = reg.feeAt(ids[k], uint64(block.timestamp));
        uint256 mode = (seed >> 8) % 5;
        uint16 f;
        if (mode == 0) {
            // forge-lint: disable-next-line(unsafe-typecast)
            f = uint16(bound(fee, 0, maxFee));
        } else if (mode == 1) {
            if (cur == maxFee) return;
            // forge-lint: disable-next-line(unsafe-typecast)
            f = uint16(bound(fee, cur + 1, maxFee));
        } else if (mode == 2) {
            if (cur == 0) return;
            // forge-lint: disable-next-line(unsafe-typecast)
            f = uint16(bound(fee, 0, cur - 1));
        } else if (mode == 3) {
            f = cur;
        } else {
            (bool pending, uint16 next,) = reg.pendingFee(ids[k]);
            if (!pending) return;
            f = next;
        }
        _honestSet(k, f);
    }

    /// @dev The builder tries to bring a raise forward: raises, then later within the notice raises to the same
    ///      fee again, or cancels and raises again, or cuts and raises again; or cuts and raises in one second.
    ///      Whatever it does, no fee above the one in force before it is in force before the notice after its
    ///      last request, nor at the notice after the first raise.
    function builderRushesRaise(uint256 seed, uint256 fee, uint256 gap) external observed {
        uint256 k = seed % ids.length;
        bytes32 id = ids[k];
        uint64 r = uint64(block.timestamp);
        uint16 pre = reg.feeAt(id, r);
        if (pre == maxFee) return;
        // forge-lint: disable-next-line(unsafe-typecast)
        uint16 v = uint16(bound(fee, pre + 1, maxFee));
        uint256 mode = (seed >> 8) % 4;
        if (mode < 3) {
            _honestSet(k, v);
            _observeAll(); // the last fee of this second, before time moves
            vm.warp(block.timestamp + bound(gap, 0, notice - 1));
            vm.roll(block.number + 1);
            _observeAll();
            if (mode == 1) {
                _honestSet(k, reg.feeAt(id, uint64(block.timestamp))); // cancel
            } else if (mode == 2 && pre > 0) {
                // forge-lint: disable-next-line(unsafe-typecast)
                _honestSet(k, uint16(bound(gap, 0, pre - 1))); // cut
            }
        } else if (pre > 0) {
            // forge-lint: disable-next-line(unsafe-typecast)
            _honestSet(k, uint16(bound(gap, 0, pre - 1))); // cut, then raise in the same second
        }
        _observeAll();
        uint64 s = uint64(block.timestamp);
        _honestSet(k, v);
        if (reg.feeAt(id, s) > pre || reg.feeAt(id, s + notice - 1) > pre) ++earlyRaises;
        if (r < s && reg.feeAt(id, r + notice) > pre) ++earlyRaises; // the first raise's due time: not in force
        if (reg.feeAt(id, s + notice) != v) ++earlyRaises;
    }

    /// @dev Time moves: exactly the notice, a second less or more, a few seconds, none (another block), up to three
    ///      days, or to a second around a pending raise's effectiveFrom.
    function passTime(uint256 seed) external observed {
        uint256 mode = seed % 8;
        uint256 step;
        if (mode == 0) {
            step = notice;
        } else if (mode == 1) {
            step = notice - 1;
        } else if (mode == 2) {
            step = notice + 1;
        } else if (mode == 3) {
            step = bound(seed >> 8, 1, 120);
        } else if (mode == 4) {
            step = 0;
        } else if (mode == 5) {
            step = bound(seed >> 8, 0, 3 * notice);
        } else if (mode == 6) {
            step = bound(seed >> 8, 1, notice);
        } else {
            (bool pending,, uint64 from) = reg.pendingFee(ids[(seed >> 8) % ids.length]);
            if (pending) {
                uint256 target = from - 1 + (seed >> 16) % 3; // from - 1, from or from + 1
                step = target - block.timestamp;
                ++boundaryWarps;
            }
        }
        if (mode < 3) ++boundaryWarps;
        vm.warp(block.timestamp + step);
        vm.roll(block.number + 1);
    }

    // ----- adversaries -----

    /// @dev A stranger (builder of nothing) sets a model's fee, or any fee of an unregistered id.
    function strangerSetsFee(uint256 seed, uint256 fee) external observed {
        // forge-lint: disable-next-line(unsafe-typecast)
        uint16 f = uint16(bound(fee, 0, maxFee));
        if ((seed >> 8) % 8 == 0) {
            ++adversarialCalls;
            vm.prank(builders[seed % 2]);
            try reg.setBuilderFee(keccak256(abi.encode("unregistered", seed)), f) {
                ++unexpectedSuccesses;
            } catch {}
            return;
        }
        _adversarialSet(stranger, seed % ids.length, f);
    }

    /// @dev The builder of other models sets this model's fee.
    function otherBuilderSetsFee(uint256 seed, uint256 fee) external observed {
        uint256 k = seed % ids.length;
        address other = builderOf[k] == builders[0] ? builders[1] : builders[0];
        // forge-lint: disable-next-line(unsafe-typecast)
        _adversarialSet(other, k, uint16(bound(fee, 0, maxFee)));
    }

    /// @dev The builder asks a fee above MAX_FEE_BPS.
    function feeAboveMax(uint256 seed, uint256 fee) external observed {
        uint256 k = seed % ids.length;
        // forge-lint: disable-next-line(unsafe-typecast)
        _adversarialSet(builderOf[k], k, uint16(bound(fee, uint256(maxFee) + 1, type(uint16).max)));
    }

    /// @dev Another account registers a model's name:tag, or a new tag of its name: the other builder, the stranger
    ///      (with a commitment of its own to the name, revealed in a later block), or the builder itself again.
    function reRegister(uint256 seed) external observed {
        uint256 k = seed % ids.length;
        uint256 mode = (seed >> 8) % 4;
        address who = mode == 0 ? (builderOf[k] == builders[0] ? builders[1] : builders[0]) : stranger;
        if (mode == 3) who = builderOf[k];
        string memory tag = mode == 2 ? string.concat("v", vm.toString(nonce++)) : tagOf[k];
        bytes32 salt = keccak256(abi.encode("squat", nonce++));
        if (mode == 1 || mode == 2) {
            vm.prank(who);
            reg.commitName(reg.nameCommitment(names[nameOf[k]], who, salt));
            vm.roll(block.number + 1);
        }
        _adversarialRegister(who, nameOf[k], tag, salt);
    }

    // ----- helpers -----

    /// @dev A fee change that must be accepted; the ghost schedule follows the rules: a change not yet in force is
    ///      dropped, then a fee above the one in force is scheduled the notice later, one below at once, an equal
    ///      one adds nothing.
    function _honestSet(uint256 k, uint16 f) internal {
        uint64 now_ = uint64(block.timestamp);
        vm.prank(builderOf[k]);
        try reg.setBuilderFee(ids[k], f) {}
        catch {
            ++honestRefused;
            return;
        }
        Entry[] storage s = sched[k];
        while (s[s.length - 1].from > now_) s.pop();
        uint16 cur = expectedFeeAt(k, now_);
        if (f > cur) {
            s.push(Entry(now_ + notice, f));
            ++raises;
        } else if (f < cur) {
            s.push(Entry(now_, f));
            ++cuts;
        } else {
            ++cancels;
        }
        reqs[k].push(Req(now_, f));
    }

    function _adversarialSet(address who, uint256 k, uint16 f) internal {
        ++adversarialCalls;
        bytes32 id = ids[k];
        bytes32 before = _state(id);
        vm.prank(who);
        try reg.setBuilderFee(id, f) {
            ++unexpectedSuccesses;
        } catch {}
        if (_state(id) != before) ++unexpectedSuccesses;
    }

    function _adversarialRegister(address who, uint256 n, string memory tag, bytes32 salt) internal {
        ++adversarialCalls;
        bytes32 id = reg.computeModelId(names[n], tag);
        bool existed = reg.isRegistered(id);
        address owner = reg.nameOwner(names[n]);
        bytes32 before = existed ? _state(id) : bytes32(0);
        vm.prank(who);
        try reg.register(names[n], tag, keccak256("other weights"), 0, IModelRegistry.Kind.Model, salt) {
            ++unexpectedSuccesses;
        } catch {}
        if (reg.nameOwner(names[n]) != owner || reg.isRegistered(id) != existed) ++unexpectedSuccesses;
        if (existed && _state(id) != before) ++unexpectedSuccesses;
    }

    /// @dev Everything of a model a fee call or a registration could change.
    function _state(bytes32 id) internal view returns (bytes32) {
        uint64 now_ = uint64(block.timestamp);
        uint256 len = reg.feeHistoryLength(id);
        (address builder,, bytes32 contentHash,,) = reg.model(id);
        (bool pending, uint16 next, uint64 from) = reg.pendingFee(id);
        return keccak256(
            abi.encode(
                builder,
                contentHash,
                len,
                reg.feeHistory(id, 0, len),
                reg.feeAt(id, now_),
                reg.feeAt(id, now_ + notice),
                pending,
                next,
                from
            )
        );
    }

    function _observeAll() internal {
        for (uint256 k; k < ids.length; ++k) {
            _observe(k);
        }
    }

    /// @dev Logs feeAt(now) (the last observation of a second replaces the earlier ones: a cut in force at once
    ///      changes the fee of the current second). A fee above every one observed before must come from a request
    ///      of it at least the notice ago that no later request replaced within its notice.
    function _observe(uint256 k) internal {
        uint64 now_ = uint64(block.timestamp);
        uint16 v = reg.feeAt(ids[k], now_);
        Snap[] storage s = snaps[k];
        if (s.length > 0 && s[s.length - 1].t == now_) s[s.length - 1].fee = v;
        else s.push(Snap(now_, v));
        if (v <= peak[k]) return;
        peak[k] = v;
        Req[] storage q = reqs[k];
        uint64 nextAt = type(uint64).max; // time of the request after i
        for (uint256 i = q.length; i > 0; --i) {
            Req memory rq = q[i - 1];
            if (rq.fee == v && rq.t + notice <= now_ && nextAt >= rq.t + notice) return;
            nextAt = rq.t;
        }
        ++earlyRaises;
    }
}

contract BuilderFeeInvariantTest is Test {
    ModelRegistry internal reg;
    BuilderFeeHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        vm.roll(100);
        reg = new ModelRegistry(ERC20Burnable(address(0)), 0);
        handler = new BuilderFeeHandler(reg);
        // One model of each builder (names 0 and 1), so each is the other builder of some model.
        handler.registerModel(0, 300);
        handler.registerModel(1 | (1 << 8), 1_000);
        assertEq(handler.modelCount(), 2);
        assertEq(handler.honestRefused(), 0);
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](11);
        selectors[0] = BuilderFeeHandler.registerModel.selector;
        selectors[1] = BuilderFeeHandler.setFee.selector;
        selectors[2] = BuilderFeeHandler.setFee.selector; // weighted: fee changes are the suite's subject
        selectors[3] = BuilderFeeHandler.builderRushesRaise.selector;
        selectors[4] = BuilderFeeHandler.passTime.selector;
        selectors[5] = BuilderFeeHandler.passTime.selector;
        selectors[6] = BuilderFeeHandler.strangerSetsFee.selector;
        selectors[7] = BuilderFeeHandler.otherBuilderSetsFee.selector;
        selectors[8] = BuilderFeeHandler.feeAboveMax.selector;
        selectors[9] = BuilderFeeHandler.reRegister.selector;
        selectors[10] = BuilderFeeHandler.builderRushesRaise.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @dev (1) For every time t before now at which the handler observed feeAt(model, t), feeAt(model, t) is still
    ///      what it observed: the fee a keeper credits for a session started at t never changes afterwards.
    function invariant_PastFeesNeverChange() public view {
        assertEq(handler.pastFeesChanged(), 0, "the fee of a past time changed");
    }

    /// @dev (2) No entry of the history (so no feeAt of any time), nor the fee now or the notice ahead, is above
    ///      MAX_FEE_BPS.
    function invariant_FeeNeverAboveMax() public view {
        uint16 maxFee = reg.MAX_FEE_BPS();
        uint64 now_ = uint64(block.timestamp);
        for (uint256 k; k < handler.modelCount(); ++k) {
            bytes32 id = handler.ids(k);
            assertLe(reg.feeAt(id, now_), maxFee);
            assertLe(reg.feeAt(id, now_ + reg.FEE_INCREASE_NOTICE()), maxFee);
            IModelRegistry.FeeChange[] memory h = reg.feeHistory(id, 0, reg.feeHistoryLength(id));
            for (uint256 i; i < h.length; ++i) {
                assertLe(h[i].feeBps, maxFee, "a fee above MAX_FEE_BPS");
            }
        }
    }

    /// @dev (3) A fee in force above every fee in force before it was requested at least FEE_INCREASE_NOTICE
    ///      earlier (and not replaced within the notice); a raise tried early, by raising again, cancelling and
    ///      raising, or cutting and raising, is in force only the notice after its last request.
    function invariant_RaiseOnlyAfterNotice() public view {
        assertEq(handler.earlyRaises(), 0, "a raise in force before its notice");
    }

    /// @dev (4) Every adversarial call reverted and changed nothing; every honest call was accepted.
    function invariant_AdversariesChangeNothing() public view {
        assertEq(handler.unexpectedSuccesses(), 0, "an adversarial call succeeded or changed state");
        assertEq(handler.honestRefused(), 0, "an honest call was refused");
    }

    /// @dev (5) The fee history is in non-decreasing order of effectiveFrom, at most one entry not yet in force.
    function invariant_HistoryOrdered() public view {
        uint64 now_ = uint64(block.timestamp);
        for (uint256 k; k < handler.modelCount(); ++k) {
            bytes32 id = handler.ids(k);
            IModelRegistry.FeeChange[] memory h = reg.feeHistory(id, 0, reg.feeHistoryLength(id));
            assertGt(h.length, 0);
            uint256 future;
            for (uint256 i; i < h.length; ++i) {
                if (i > 0) assertLe(h[i - 1].effectiveFrom, h[i].effectiveFrom, "history out of order");
                if (h[i].effectiveFrom > now_) ++future;
            }
            assertLe(future, 1, "more than one change pending");
        }
    }

    /// @dev (6) The registry's schedule is the one the rules give for the builder's calls (ghost): at every edge of
    ///      an expected or a stored entry, now and the notice ahead; the pending change is the expected one.
    function invariant_ScheduleMatchesRules() public view {
        assertEq(handler.scheduleMismatches(), 0, "feeAt differs from the rules' schedule");
    }
}
