import { equal, same } from "./assert.js";
import { checksum, decodeCode, encodeCode } from "../lib/carry.js";

export function test_a_code_brings_back_its_ticks_and_dates() {
  var code = encodeCode(["b.two", "a.one"], { a: "2026-09-14" });
  var back = decodeCode(code);
  same(back.ids, ["a.one", "b.two"]);
  same(back.dates, { a: "2026-09-14" });
}

export function test_a_typo_or_an_unknown_version_is_said() {
  var code = encodeCode(["a.one"], {});
  equal(decodeCode(code.slice(0, -1) + (code.slice(-1) === "0" ? "1" : "0")).error, "bad");
  equal(decodeCode("9" + code.slice(1)).error, "old");
  equal(decodeCode("not a code").error, "bad");
}

export function test_a_code_of_version_1_is_still_read() {
  var body = "YS5vbmU"; /* "a.one" */
  same(decodeCode("1." + body + "." + checksum("1." + body)).ids, ["a.one"]);
}

export function test_a_date_that_is_no_day_is_not_kept() {
  var code = encodeCode([], { a: "2026-02-30", b: "2026-12-31" });
  same(decodeCode(code).dates, { b: "2026-12-31" });
}
