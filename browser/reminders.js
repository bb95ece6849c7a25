/* The calendar file of a route page's reminders, saved by the browser. Fetched by checklist.js on the first
   click of "make the calendar file", never before: it answers that click as it arrives, and the later ones. */
import { calendar } from "./lib/calendar.js";
import { format, plural } from "./lib/text.js";

/* The section's reminders, its dates, the file saved and what it holds said. */
function remind(section) {
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
  var result = calendar(reminders, dates, {
    domain: section.dataset.domain,
    product: location.hostname || "offline",
    now: new Date(),
    lang: document.documentElement.lang,
    base: location.href
  });
  var url = URL.createObjectURL(new Blob([result.text], { type: "text/calendar;charset=utf-8" }));
  var link = document.createElement("a");
  link.href = url;
  link.download = section.dataset.file;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  message.textContent = format(plural(section, "made", result.count), { count: result.count });
}

var section = document.querySelector(".hig-reminders");
if (section) {
  section.querySelector(".hig-reminders__make").addEventListener("click", function () { remind(section); });
  remind(section);
}
