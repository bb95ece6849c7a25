import { equal, ok } from "./assert.js";
import { calendar, dayAfter, escapeText, foldLine } from "../lib/calendar.js";
import { realDay } from "../lib/days.js";

var OPTIONS = { domain: "example.org", product: "P", now: new Date(Date.UTC(2026, 11, 3, 18, 0, 0)), lang: "fr", base: "https://example.org/guide/" };

export function test_a_day_is_a_day_of_the_calendar() {
  equal(realDay("2026-02-28"), true);
  equal(realDay("2028-02-29"), true);
  equal(realDay("2026-02-30"), false);
  equal(realDay("0999-12-31"), false);
  equal(realDay("2026-1-1"), false);
}

export function test_a_delay_crosses_months_and_years_but_not_the_year_10000() {
  equal(dayAfter("2026-12-30", 3), "20270102");
  equal(dayAfter("2026-02-28", 1), "20260301");
  equal(dayAfter("9999-12-31", 1), null);
  equal(dayAfter("2026-02-30", 1), null);
}

export function test_texts_are_escaped_and_lines_folded_in_octets() {
  equal(escapeText("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  var line = "SUMMARY:" + "é".repeat(80);
  var parts = foldLine(line).split("\r\n ");
  parts.forEach(function (part, i) {
    ok(new TextEncoder().encode(part).length <= (i ? 74 : 75), "line " + i + " within 75 octets");
  });
  equal(parts.join(""), line);
}

export function test_each_reminder_is_an_event_on_its_day_with_its_page() {
  var result = calendar(
    [{ id: "r1", after: "s", days: 10, summary: "S", text: "T", href: "parcours/x/#s" },
     { id: "r2", after: "none", days: 1, summary: "S", text: "T", href: "#n" }],
    { s: "2026-09-14" }, OPTIONS);
  equal(result.count, 1);
  ok(result.text.indexOf("DTSTART;VALUE=DATE:20260924\r\n") > 0, "start");
  ok(result.text.indexOf("UID:r1@example.org\r\n") > 0, "uid");
  ok(result.text.indexOf("URL:https://example.org/guide/parcours/x/#s\r\n") > 0, "page");
  ok(result.text.indexOf("//FR\r\n") > 0, "language");
  ok(result.text.indexOf("DTSTAMP:20261203T180000Z\r\n") > 0, "stamp");
}
