/*
 * Reminders as a calendar file (iCalendar, RFC 5545), made in the browser from the route page's data and the
 * dates the student gave. Loaded by checklist.js on the first click, never before. Nothing is sent anywhere.
 *
 * window.HIG.remind(section): the calendar file of the route's reminders section, saved by the browser.
 * window.HIG.calendar(reminders, dates, options) -> { text, count }
 *   reminders: [{id, after, days, summary, text, href}] (read from the section's list)
 *   dates: {stepId: "YYYY-MM-DD"} (the dates the student gave)
 *   options: {domain, product, now (a Date)}
 */
(function () {
  "use strict";

  /* A text value: backslash, semicolon, comma and line breaks escaped (RFC 5545, 3.3.11). */
  function escapeText(text) {
    return String(text)
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n");
  }

  /* A content line folded at 75 octets of UTF-8, never inside a character (RFC 5545, 3.1). */
  function fold(line) {
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

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /* A calendar date (all day) from "YYYY-MM-DD", plus `days`, as YYYYMMDD; null for a date that is not a day
     of the calendar (2026-02-30) or a result that iCalendar cannot write (before 1000, after 9999). */
  function dayAfter(iso, days) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return null;
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (isNaN(d.getTime()) || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return null;
    d.setUTCDate(d.getUTCDate() + days);
    var year = d.getUTCFullYear();
    if (year < 1000 || year > 9999) return null;
    return year + pad(d.getUTCMonth() + 1) + pad(d.getUTCDate());
  }

  function stamp(now) {
    return now.getUTCFullYear() + pad(now.getUTCMonth() + 1) + pad(now.getUTCDate()) + "T" +
      pad(now.getUTCHours()) + pad(now.getUTCMinutes()) + pad(now.getUTCSeconds()) + "Z";
  }

  /* A step's page as a calendar can open it: from the disk (the offline copy), a folder's index.html. */
  function pageUrl(href) {
    var url = new URL(href, location.href);
    if (url.protocol === "file:" && url.pathname.slice(-1) === "/") url.pathname += "index.html";
    return url.href;
  }

  function calendar(reminders, dates, options) {
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//" + escapeText(options.product) + "//health-insurance-guide//" + (document.documentElement.lang || "en").toUpperCase(),
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH"
    ];
    var count = 0;
    reminders.forEach(function (r) {
      var start = dayAfter(dates[r.after], r.days);
      var end = dayAfter(dates[r.after], r.days + 1);
      if (!start || !end) return; /* no event rather than a date no calendar reads */
      var url = pageUrl(r.href);
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
    return { text: lines.map(fold).join("\r\n") + "\r\n", count: count };
  }

  /* The section's reminders, its dates, the file saved and what it holds said. */
  function remind(section) {
    var HIG = window.HIG;
    var message = section.querySelector(".hig-reminders__message");
    var dates = {};
    section.querySelectorAll("input[data-from]").forEach(function (input) {
      if (input.value) dates[input.dataset.from] = input.value;
    });
    if (!Object.keys(dates).length) {
      message.textContent = section.dataset.none;
      return;
    }
    var reminders = Array.prototype.map.call(section.querySelectorAll("li[data-reminder]"), function (li) {
      var link = li.querySelector("a");
      var href = link.getAttribute("href");
      /* The step's heading on this route page ("3. Create your personal area"), its own words only. */
      var heading = document.getElementById(decodeURIComponent(href.split("#")[1] || ""));
      return {
        id: li.dataset.reminder,
        after: li.dataset.after,
        days: Number(li.dataset.days),
        summary: heading ? heading.firstChild.textContent.trim() : link.textContent,
        text: link.textContent,
        href: href
      };
    });
    var options = { domain: section.dataset.domain, product: location.hostname || "offline", now: new Date() };
    var result = calendar(reminders, dates, options);
    var url = URL.createObjectURL(new Blob([result.text], { type: "text/calendar;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = section.dataset.file;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    message.textContent = HIG.format(HIG.plural(section, "made", result.count), { count: result.count });
  }

  window.HIG = window.HIG || {};
  window.HIG.calendar = calendar;
  window.HIG.remind = remind;
})();
