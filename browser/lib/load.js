/* A script of the site loaded once, when first needed (most visitors never need it). */

/* Load `src` (resolved against `base`, the loading script's own address) as the element #`id`, once; then
   call `onload`. */
export function loadOnce(id, src, base, onload) {
  if (document.getElementById(id) || !base) return;
  var script = document.createElement("script");
  script.id = id;
  script.src = new URL(src, base).href;
  script.onload = onload;
  document.head.appendChild(script);
}
