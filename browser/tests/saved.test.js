import { equal, ok, same } from "./assert.js";
import { copyProgress, parseProgress, readProgress, serializeProgress } from "../lib/saved.js";

/* What checklist.js wrote until version 2 (commit b296456): one flat object, ticks and "date:<step>" together. */
var VERSION_1 = '{"register-online.prepare":true,"register-online.home":true,' +
  '"register-online.start-date":true,"date:register-online":"2026-09-14"}';

export function test_an_entry_of_version_1_is_read_as_ticks_and_dates() {
  var progress = parseProgress(VERSION_1);
  same(progress.ticks, { "register-online.prepare": true, "register-online.home": true, "register-online.start-date": true });
  same(progress.dates, { "register-online": "2026-09-14" });
  equal(progress.old, true, "marked for writing back");
}

export function test_version_1_written_back_is_version_2_and_reads_the_same() {
  var text = serializeProgress(parseProgress(VERSION_1));
  same(JSON.parse(text), {
    version: 2,
    ticks: { "register-online.home": true, "register-online.prepare": true, "register-online.start-date": true },
    dates: { "register-online": "2026-09-14" }
  });
  var again = parseProgress(text);
  equal(again.old, undefined, "version 2 is not old");
  same(again.ticks, parseProgress(VERSION_1).ticks);
}

export function test_what_is_not_a_tick_or_a_day_is_left_out() {
  var progress = parseProgress('{"a.b":true,"c.d":"yes","date:x":"2026-02-30","date:y":"0999-01-01","date:":"2026-01-01"}');
  same(progress.ticks, { "a.b": true });
  same(progress.dates, {});
}

export function test_ids_that_every_object_has_are_plain_ids() {
  var progress = parseProgress('{"version":2,"ticks":{"__proto__":true,"constructor":true},"dates":{"toString":"2026-01-02"}}');
  equal(Object.getPrototypeOf(progress.ticks), null, "no prototype");
  same(Object.keys(progress.ticks).sort(), ["__proto__", "constructor"]);
  equal(progress.dates.toString, "2026-01-02");
  ok(!("x" in {}), "Object.prototype untouched");
}

export function test_a_damaged_entry_starts_again() {
  for (var text of ["{", "[1,2]", "null", '"text"', '{"version":2,"ticks":[1],"dates":7}']) {
    var progress = parseProgress(text);
    same(progress.ticks, {}, text);
    same(progress.dates, {}, text);
  }
  equal(parseProgress(null).old, undefined, "nothing stored is not old");
}

export function test_a_copy_is_not_the_original() {
  var progress = parseProgress(VERSION_1);
  var copy = copyProgress(progress);
  copy.ticks["other.task"] = true;
  equal(progress.ticks["other.task"], undefined);
}

export function test_progress_is_read_as_stored_and_storage_that_refuses_gives_none() {
  var progress = readProgress("k", function () { return { getItem: function () { return VERSION_1; } }; });
  same(progress.dates, { "register-online": "2026-09-14" });
  equal(progress.stored, VERSION_1);
  equal(readProgress("k", function () { throw new Error("SecurityError"); }), null);
}
