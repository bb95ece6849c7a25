/* The carry-over code: the ticked tasks and the reminder dates as one short text, with a version and a
   checksum, to move them to another device. No server is involved. */
import { realDay } from "./days.js";

export var CODE_VERSION = "2"; /* 2: ticks and reminder dates; 1 (ticks only) is still read */
var DATE = /^date:([a-z0-9-]+)=(\d{4}-\d{2}-\d{2})$/;

/* Six hexadecimal digits of FNV-1a: a typo in a code is caught. */
export function checksum(text) {
  var hash = 0x811c9dc5;
  for (var i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return ("0000000" + hash.toString(16)).slice(-8).slice(0, 6);
}

function toBase64Url(text) {
  var bytes = new TextEncoder().encode(text);
  var binary = "";
  bytes.forEach(function (b) { binary += String.fromCharCode(b); });
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  var padded = text.replace(/-/g, "+").replace(/_/g, "/");
  while (padded.length % 4) padded += "=";
  var binary = atob(padded);
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/* The ticked ids and the reminder dates ({step: "YYYY-MM-DD"}), as one code. */
export function encodeCode(ids, dates) {
  var words = ids.slice().sort();
  Object.keys(dates).sort().forEach(function (step) { words.push("date:" + step + "=" + dates[step]); });
  var body = toBase64Url(words.join(" "));
  return CODE_VERSION + "." + body + "." + checksum(CODE_VERSION + "." + body);
}

/* {ids: [...], dates: {...}} or {error: "bad" | "old"}. */
export function decodeCode(code) {
  var parts = String(code).trim().split(".");
  if (parts.length !== 3) return { error: "bad" };
  if (parts[0] !== CODE_VERSION && parts[0] !== "1") return { error: /^\d+$/.test(parts[0]) ? "old" : "bad" };
  if (checksum(parts[0] + "." + parts[1]) !== parts[2]) return { error: "bad" };
  try {
    var text = fromBase64Url(parts[1]);
    var ids = [];
    var dates = Object.create(null); /* no prototype: a word "constructor" or "__proto__" is a plain key */
    (text ? text.split(" ") : []).forEach(function (word) {
      var date = DATE.exec(word);
      if (date) {
        if (realDay(date[2])) dates[date[1]] = date[2]; /* 2026-02-30 or year 0000 is not kept */
      } else {
        ids.push(word);
      }
    });
    return { ids: ids, dates: dates };
  } catch (e) {
    return { error: "bad" };
  }
}
