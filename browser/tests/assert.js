/* The few checks the unit tests need; each throws an Error that says what differed. */

/* A value as JSON, an object's keys in order (so that two objects with the same entries show the same). */
function show(value) {
  return JSON.stringify(value, function (key, v) {
    if (!v || typeof v !== "object" || Array.isArray(v)) return v;
    var sorted = Object.create(null); /* "__proto__" is a key like any other */
    Object.keys(v).sort().forEach(function (k) { sorted[k] = v[k]; });
    return sorted;
  });
}

export function equal(actual, expected, what) {
  if (actual !== expected) throw new Error((what || "value") + ": " + show(actual) + " !== " + show(expected));
}

export function same(actual, expected, what) {
  if (show(actual) !== show(expected)) throw new Error((what || "value") + ": " + show(actual) + " differs from " + show(expected));
}

export function ok(value, what) {
  if (!value) throw new Error((what || "check") + " failed");
}
