/* Reminders as a calendar file (iCalendar, RFC 5545), made in the browser from the route page's data and the
   dates the student gave. */
import { parseDay } from "./days.js";

function pad(n) {
  return (n < 10 ? "0" : "") + n;
}

/* The day `days` after `iso`, as iCalendar writes a date (YYYYMMDD); null when `iso` is no day or the result
   is one iCalendar cannot write (after the year 9999). */
export function dayAfter(iso, days) {
  var d = parseDay(iso);
  if (!d) return null;
  d.setUTCDate(d.getUTCDate() + days);
  var year = d.getUTCFullYear();
  if (year < 1000 || year > 9999) return null;
  return year + pad(d.getUTCMonth() + 1) + pad(d.getUTCDate());
}

/* A moment as iCalendar writes it in UTC: 20261203T181500Z. */
export function stamp(now) {
  return now.getUTCFullYear() + pad(now.getUTCMonth() + 1) + pad(now.getUTCDate()) + "T" +
    pad(now.getUTCHours()) + pad(now.getUTCMinutes()) + pad(now.getUTCSeconds()) + "Z";
}

/* A text value: backslash, semicolon, comma and line breaks escaped (RFC 5545, 3.3.11). */
export function escapeText(text) {
  return String(text)
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/* A content line folded at 75 octets of UTF-8, never inside a character (RFC 5545, 3.1). */
export function foldLine(line) {
  var encoder = new TextEncoder();
  var out = [];
  var current = "";
  var size = 0;
  Array.from(line).forEach(function (ch) {
    var n = encoder.encode(ch).length;
    var limit = out.length ? 74 : 75; /* a continuation line starts with one space */
    if (size + n > limit) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += n;
  });
  out.push(current);
  return out.join("\r\n ");
}

/* A step's page as a calendar can open it: from the disk (the offline copy), a folder's index.html. */
export function pageUrl(href, base) {
  var url = new URL(href, base);
  if (url.protocol === "file:" && url.pathname.slice(-1) === "/") url.pathname += "index.html";
  return url.href;
}

/* The calendar file: {text, count}.
   reminders: [{id, after, days, summary, text, href}] (read from the route page's list)
   dates: {stepId: "YYYY-MM-DD"} (the dates the student gave)
   options: {domain, product, now (a Date), lang, base (the page's address)} */
export function calendar(reminders, dates, options) {
  var lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//" + escapeText(options.product) + "//health-insurance-guide//" + (options.lang || "en").toUpperCase(),
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH"
  ];
  var count = 0;
  reminders.forEach(function (r) {
    var start = dayAfter(dates[r.after], r.days);
    var end = dayAfter(dates[r.after], r.days + 1);
    if (!start || !end) return; /* no event rather than a date no calendar reads */
    var url = pageUrl(r.href, options.base);
    count += 1;
    lines.push(
      "BEGIN:VEVENT",
      /* The same reminder keeps its UID from one download to the next: a calendar updates it. */
      "UID:" + r.id + "@" + options.domain,
      "DTSTAMP:" + stamp(options.now),
      "DTSTART;VALUE=DATE:" + start,
      "DTEND;VALUE=DATE:" + end,
      "SUMMARY:" + escapeText(r.summary),
      "DESCRIPTION:" + escapeText(r.text + "\n" + url),
      "URL:" + url,
      "TRANSP:TRANSPARENT",
      /* An alarm at 9:00 on the day: many calendars show nothing for an all-day event without one. */
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "TRIGGER:PT9H",
      "DESCRIPTION:" + escapeText(r.summary),
      "END:VALARM",
      "END:VEVENT"
    );
  });
  lines.push("END:VCALENDAR");
  return { text: lines.map(foldLine).join("\r\n") + "\r\n", count: count };
}
