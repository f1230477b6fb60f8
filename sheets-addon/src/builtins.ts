/**
 * Injected into Code.js by esbuild (`inject` in sheets-addon/build.ts): every reference to one of these built-ins
 * anywhere in the bundle (core, zod, @date-fns/tz, the adapter) reads this module's binding, made once when Code.js
 * loads, instead of looking the name up on the global object at each use. A global look-up is a plain property load
 * in a bare V8 context, but in node:vm, where the tests and benches run Code.js, each one goes through the context's
 * interceptor and cost about 0.3 µs: 93 % of BUSINESS_DAYS over 100,000 rows (Math.floor and Number.isFinite per
 * row). The values are the very objects the global holds, so `instanceof Date` still recognises the realm's dates.
 */
const { Array: array, Boolean: boolean, Date: date, Error: error, Float64Array: float64Array, Int32Array: int32Array, Intl: intl } = globalThis;
const { JSON: json, Map: map, Math: math, Number: number, Object: object, RegExp: regExp, Set: set, String: string } = globalThis;
const { Symbol: symbol, Uint8Array: uint8Array, WeakMap: weakMap } = globalThis;

export {
  array as Array, boolean as Boolean, date as Date, error as Error, float64Array as Float64Array, int32Array as Int32Array, intl as Intl,
  json as JSON, map as Map, math as Math, number as Number, object as Object, regExp as RegExp, set as Set, string as String,
  symbol as Symbol, uint8Array as Uint8Array, weakMap as WeakMap,
};
