/* Days of the calendar, as the student types them ("YYYY-MM-DD"). */

/* The day `iso` names, as a Date at midnight UTC; null for text that is not a day of the calendar (2026-02-30)
   or is before the year 1000. */
export function parseDay(iso) {
  var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof iso === "string" ? iso : "");
  if (!m || +m[1] < 1000) return null;
  var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? d : null;
}

/* True for "YYYY-MM-DD" naming a day of the calendar, from the year 1000 on. */
export function realDay(iso) {
  return parseDay(iso) !== null;
}
