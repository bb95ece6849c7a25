import { equal } from "./assert.js";
import { foldStep, markStep, showProgress } from "../lib/progress.js";

function box() {
  var el = document.createElement("div");
  el.dataset.steps = JSON.stringify([{ id: "a", tasks: ["a.1", "a.2"] }, { id: "b", tasks: ["b.1"] }]);
  el.dataset.progressOther = "{done} of {total}";
  el.dataset.next = "Next";
  el.dataset.allDone = "All done";
  el.innerHTML = '<span class="hig-progress__count"></span><span class="hig-progress__label"></span>' +
    '<a class="hig-progress__go"><span data-for="a"></span><span data-for="b"></span></a>';
  return el;
}

export function test_the_box_counts_the_ticks_and_points_to_the_first_step_not_done() {
  var el = box();
  showProgress(el, { "a.1": true, "a.2": true });
  equal(el.querySelector(".hig-progress__count").textContent, "2 of 3");
  equal(el.querySelector(".hig-progress__go").getAttribute("href"), "#b");
  equal(el.querySelector("[data-for=a]").hidden, true);
  equal(el.querySelector("[data-for=b]").hidden, false);
  showProgress(el, { "a.1": true, "a.2": true, "b.1": true });
  equal(el.querySelector(".hig-progress__label").textContent, "All done");
  equal(el.querySelector(".hig-progress__go").hidden, true);
}

function step(id, tasks) {
  var section = document.createElement("section");
  section.innerHTML = '<details class="hig-step__body" data-step="' + id + '" data-tasks="' + tasks + '"></details>';
  return section.firstChild;
}

export function test_steps_done_fold_and_the_one_in_progress_stays_open() {
  var ticks = { "a.1": true, "b.1": true };
  var state = {};
  var a = step("a", "a.1");
  var b = step("b", "b.1 b.2");
  var c = step("c", "c.1");
  [a, b, c].forEach(function (body) { foldStep(body, ticks, state, ""); });
  equal(a.open, false, "done: folded");
  equal(a.parentNode.classList.contains("hig-step--done"), true);
  equal(b.open, true, "in progress: open");
  equal(c.open, false, "not started, after the one in progress: folded");
  equal(markStep(b, ticks), 1);
  var d = step("d", "d.1");
  foldStep(d, ticks, state, "#d");
  equal(d.open, true, "the step the address points to is open");
}
