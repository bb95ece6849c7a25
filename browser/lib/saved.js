/* The student's progress as stored, in this browser's localStorage under one key (STORAGE_KEY, render/site.py),
   and nowhere else: {"version": 2, "ticks": {taskId: true}, "dates": {stepId: "YYYY-MM-DD"}}.

   Version 1 (until December 2026) kept both in one flat object, a date as "date:<step>": it is read, and
   written back as version 2 the first time it is read. Ids are keys of objects without a prototype, so that
   "__proto__" or "constructor" is an id like any other. */
import { realDay } from "./days.js";

export var VERSION = 2;
var DATE_PREFIX = "date:";

function emptyMap() {
  return Object.create(null);
}

export function emptyProgress() {
  return { ticks: emptyMap(), dates: emptyMap() };
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/* Progress from the stored text: {ticks, dates, old} (old: the text was version 1, or damaged). */
export function parseProgress(text) {
  var progress = emptyProgress();
  var raw;
  try {
    raw = JSON.parse(text || "{}");
  } catch (e) {
    progress.old = true; /* damaged: start again */
    return progress;
  }
  if (!isObject(raw)) {
    progress.old = true;
    return progress;
  }
  if (raw.version === VERSION) {
    copyTicks(isObject(raw.ticks) ? raw.ticks : {}, progress.ticks);
    copyDates(isObject(raw.dates) ? raw.dates : {}, "", progress.dates);
    return progress;
  }
  /* version 1: one flat object */
  Object.keys(raw).forEach(function (key) {
    if (key.indexOf(DATE_PREFIX) === 0) return;
    if (raw[key] === true) progress.ticks[key] = true;
  });
  copyDates(raw, DATE_PREFIX, progress.dates);
  if (Object.keys(raw).length) progress.old = true;
  return progress;
}

function copyTicks(from, to) {
  Object.keys(from).forEach(function (id) {
    if (from[id] === true) to[id] = true;
  });
}

function copyDates(from, prefix, to) {
  Object.keys(from).forEach(function (key) {
    if (key.indexOf(prefix) !== 0) return;
    var step = key.slice(prefix.length);
    if (step && realDay(from[key])) to[step] = from[key];
  });
}

/* The text stored for `progress`. */
export function serializeProgress(progress) {
  return JSON.stringify({ version: VERSION, ticks: plainCopy(progress.ticks), dates: plainCopy(progress.dates) });
}

function plainCopy(map) {
  var out = {};
  Object.keys(map).sort().forEach(function (key) { out[key] = map[key]; });
  return out;
}

/* The progress stored under `key` in `storage()` (localStorage), with `stored`: the text as read; null where
   the browser refuses to read it (storage disabled or blocked). */
export function readProgress(key, storage) {
  var text;
  try {
    text = storage().getItem(key);
  } catch (e) {
    return null;
  }
  var progress = parseProgress(text);
  progress.stored = text;
  return progress;
}

/* A copy, that changes to it do not reach. */
export function copyProgress(progress) {
  var copy = emptyProgress();
  copyTicks(progress.ticks, copy.ticks);
  copyDates(progress.dates, "", copy.dates);
  return copy;
}
