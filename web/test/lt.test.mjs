// Unit tests of the page's pure module (no browser): PROTOCOL §3/§4 vectors and MOR formatting.
//   node --test web/test/lt.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as lt from '../static/lt.mjs';

const D = 86400;
const P = 1_700_000_000;

test('PROTOCOL §3 emission vectors', () => {
  assert.equal(lt.dailyEmission(0), 14400000000000000000000n);
  assert.equal(lt.dailyEmission(1), 14397531005299000000000n);
  assert.equal(lt.dailyEmission(90), 14177790476910000000000n);
  assert.equal(lt.dailyEmission(5832), 822903768000000000n);
  assert.equal(lt.dailyEmission(5833), 0n);
  assert.equal(lt.lastEmissionDay(), 5832);
  assert.equal(lt.emittedUntil(P + 90 * D, P, D), 1286111676222495000000000n);
  assert.equal(lt.emittedUntil(P + 91 * D, P, D), 1300289466699405000000000n);
  assert.equal(lt.bucketEmittedUntil(lt.BUCKETS[lt.COMPUTE], P + 91 * D, P, D), 312069472007857200000000n);
  assert.equal(lt.emittedUntil(P + 10000 * D, P, D), 41999999998839372000000000n);
  assert.equal(lt.emittedUntil(P, P, D), 0n);
  // Half a day pro rata, floored per bucket.
  const half = lt.BUCKETS.reduce((s, b) => s + (b.initial * 43200n) / 86400n, 0n);
  assert.equal(lt.emittedUntil(P + D / 2, P, D), half);
});

test('PROTOCOL §4 compute balance and budget vector', () => {
  const balance = lt.computeAccruedAtDay(91);
  assert.equal(balance, 312069472007857200000000n);
  assert.equal((balance * 100n) / 10000n, 3120694720078572000000n);
  assert.equal(lt.computeAccruedAtDay(0), 0n);
  assert.equal(lt.dayOf(P + 91 * D + 5, P, D), 91);
  assert.equal(lt.dayOf(P - 1, P, D), null);
});

test('formatMOR: exact, truncated, grouped', () => {
  assert.equal(lt.formatMOR('3120694720078572000000'), '3,120.6947');
  assert.equal(lt.formatMOR('312069472007857200000000'), '312,069.472');
  assert.equal(lt.formatMOR('1000000000000000000'), '1');
  assert.equal(lt.formatMOR('1999999999999999999'), '1.9999'); // truncated, never rounded up
  assert.equal(lt.formatMOR('0'), '0');
  assert.equal(lt.formatMOR('115000000000000'), '0.000115');
  assert.equal(lt.formatMOR('1'), '0.000000000000000001');
  assert.equal(lt.formatMOR('123456789'), '0.0000000001234');
  assert.equal(lt.formatMOR('41999999998839372000000000'), '41,999,999.9988');
  assert.equal(lt.formatMOR('-2500000000000000000'), '-2.5');
  // Beyond 2^53: BigInt keeps every digit.
  assert.equal(lt.formatMOR('115792089237316195423570985008687907853269984665640564039457584007913129639935'), '115,792,089,237,316,195,423,570,985,008,687,907,853,269,984,665,640,564,039,457.584');
  assert.equal(lt.formatMOR('12.5'), '');
  assert.equal(lt.formatMOR(null), '');
  assert.equal(lt.formatMOR(1e21), ''); // a float is refused: amounts must be decimal strings
  assert.equal(lt.percent('1', '3'), '33.33');
  assert.equal(lt.percent('1234567890123456789100', '3120694720078572000000'), '39.56');
  assert.equal(lt.percent('5', '0'), '');
});
