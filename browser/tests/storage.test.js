import { equal, same } from "./assert.js";
import { progressStore } from "../lib/storage.js";

function memoryStorage(entries) {
  return {
    getItem: function (key) { return key in entries ? entries[key] : null; },
    setItem: function (key, value) { entries[key] = String(value); }
  };
}

export function test_an_entry_of_version_1_is_written_back_as_version_2_on_first_reading() {
  var entries = { k: '{"a.one":true,"date:a":"2026-09-14"}' };
  var store = progressStore("k", function () { return memoryStorage(entries); });
  var progress = store.load();
  same(progress.ticks, { "a.one": true });
  same(JSON.parse(entries.k), { version: 2, ticks: { "a.one": true }, dates: { a: "2026-09-14" } });
  equal(store.stored, true);
}

export function test_nothing_stored_writes_nothing() {
  var entries = {};
  progressStore("k", function () { return memoryStorage(entries); }).load();
  same(entries, {});
}

export function test_storage_that_refuses_keeps_the_visit_in_memory() {
  var refusing = { getItem: function () { return null; }, setItem: function () { throw new Error("full"); } };
  var store = progressStore("k", function () { return refusing; });
  var progress = store.load();
  progress.ticks["a.one"] = true;
  equal(store.save(progress), false, "said not kept");
  equal(store.stored, false);
  same(store.load().ticks, { "a.one": true }, "kept for this visit");
}

export function test_blocked_storage_is_an_empty_visit_in_memory() {
  var store = progressStore("k", function () { throw new Error("SecurityError"); });
  same(store.load().ticks, {});
  equal(store.stored, false);
}
