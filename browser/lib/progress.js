/* A route page's progress: the box that says how far the student is and which step is next, and the steps
   marked done and folded. The head script draws them as the page arrives; checklist.js after each tick. */
import { format, plural } from "./text.js";

/* The progress box (.hig-progress[data-steps]) for these ticks: "3 of 12 tasks done", and a link to the first
   step not finished (or "all done"). */
export function showProgress(box, ticks) {
  var steps = JSON.parse(box.dataset.steps);
  var done = 0;
  var total = 0;
  var next = null;
  steps.forEach(function (step) {
    var n = step.tasks.filter(function (id) { return ticks[id] === true; }).length;
    done += n;
    total += step.tasks.length;
    if (!next && n < step.tasks.length) next = step;
  });
  box.querySelector(".hig-progress__count").textContent = format(plural(box, "progress", done), { done: done, total: total });
  var go = box.querySelector(".hig-progress__go");
  var label = box.querySelector(".hig-progress__label");
  go.querySelectorAll("[data-for]").forEach(function (el) { el.hidden = !next || el.dataset.for !== next.id; });
  if (next) {
    go.setAttribute("href", "#" + next.id);
    go.hidden = false;
    label.textContent = box.dataset.next;
  } else {
    go.hidden = true;
    label.textContent = box.dataset.allDone;
  }
}

/* A step's body marked done when all its tasks are ticked; how many are (-1 once all are). */
export function markStep(body, ticks) {
  var ids = body.dataset.tasks.split(" ");
  var n = ids.filter(function (id) { return ticks[id] === true; }).length;
  body.parentNode.classList.toggle("hig-step--done", n === ids.length);
  return n < ids.length ? n : -1;
}

/* As the page arrives: finished steps and those not started yet folded, the step in progress (the first not
   finished, once one is) and the step the address points to open. `state` is shared by a page's steps. */
export function foldStep(body, ticks, state, hash) {
  var n = markStep(body, ticks);
  var open = (n >= 0 && (!state.current || n > 0)) || hash === "#" + body.dataset.step;
  if (n >= 0) state.current = true;
  body.open = open;
}
