/* What a reader sees of a control, measured in the browser (tests/support/looks.py evaluates this from outside
   the page, which the site's policy allows): colours as the screen shows them (a colour with transparency laid
   over what is behind it), contrast ratios as WCAG computes them, focus rings against the rest state, and the
   size of targets. */
(() => {
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || "");
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const luminance = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const contrast = (a, b) => {
    const x = luminance(a);
    const y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  const over = (top, bottom) => {
    const mix = (k) => top[k] * top.a + bottom[k] * (1 - top.a);
    return { r: mix("r"), g: mix("g"), b: mix("b"), a: 1 };
  };
  /* The colour behind an element: its own background and its ancestors', laid one over the other. */
  const behind = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) {
        layers.push(c);
        if (c.a >= 1) break;
      }
    }
    let colour = { r: 255, g: 255, b: 255, a: 1 };
    for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
    return colour;
  };
  const visible = (el) => {
    if (!el.getClientRects().length) return false;
    return getComputedStyle(el).visibility !== "hidden" && !el.closest("[hidden], [inert]");
  };
  const name = (el) => {
    const id = el.id ? "#" + el.id : "";
    const cls = typeof el.className === "string" && el.className.trim()
      ? "." + el.className.trim().split(/\s+/).join(".") : "";
    const said = el.textContent || el.getAttribute("aria-label") || el.value || "";
    return `${el.tagName.toLowerCase()}${id}${cls} "${said.trim().replace(/\s+/g, " ").slice(0, 40)}"`;
  };
  const hiddenByLook = (el) => {
    const box = el.getBoundingClientRect();
    return box.width < 2 || box.height < 2 || getComputedStyle(el).opacity === "0";
  };
  /* Where the focus ring of `el` is drawn: on it, or, for a visually hidden option, on the label that shows it
     (the theme's colour scheme switch draws an option's ring on the label just after it). */
  const ringOf = (el) => {
    if (!hiddenByLook(el)) return el;
    const next = el.nextElementSibling;
    const label = next && next.tagName === "LABEL" ? next
      : el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
    return label && visible(label) ? label : el;
  };
  const ring = (el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0, colour: s.outlineColor };
  };
  const FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    + "[tabindex]:not([tabindex='-1'])";
  const TARGETS = "input:not([type=hidden]), button, select, textarea, summary, a.md-button, "
    + "label.md-header__button, a.md-header__button, a[href]";

  return {
    /* Every focusable element, focused as after a key press: its ring (at least 2 px, 3:1 against what
       surrounds it) and how it differs from the element at rest. */
    focus() {
      /* A radio button the keyboard does not reach: another of its group is chosen, and Tab goes to that one. */
      const skipped = (el) => el.type === "radio" && !el.checked && el.name
        && document.querySelector(`input[type=radio][name="${CSS.escape(el.name)}"]:checked`);
      /* A visually hidden control is presented by its label: without a visible label, it is not offered now
         (the theme's colour scheme switch shows only the label of the scheme to switch to). */
      const offered = (el) => ringOf(el) !== el || (visible(el) && !hiddenByLook(el));
      const focusable = [...document.querySelectorAll(FOCUSABLE)]
        .filter((el) => !el.disabled && !skipped(el) && offered(el));
      const problems = [];
      let count = 0;
      for (const el of focusable) {
        const target = ringOf(el);
        if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
        const rest = ring(target);
        el.focus();
        if (document.activeElement !== el) continue;  // not focusable after all (a closed drawer's content)
        count += 1;
        const focused = ring(target);
        const colour = parse(focused.colour);
        const around = behind(target.parentElement || target);
        const ratio = colour ? contrast(over(colour, around), around) : 0;
        const changed = rest.style === "none" || rest.width === 0 || rest.colour !== focused.colour
          || rest.width < focused.width;
        if (focused.style === "none" || focused.width < 2 || ratio < 3 || !changed) {
          problems.push(`${name(el)}: ring ${focused.style} ${focused.width}px ${focused.colour}, `
            + `${ratio.toFixed(2)}:1 against what surrounds it (at rest: ${rest.style} ${rest.width}px)`);
        }
      }
      return { count, problems };
    },

    /* An element's text against what is behind it. */
    textContrast(el) {
      const colour = parse(getComputedStyle(el).color);
      const around = behind(el);
      const rgb = (c) => `rgb(${Math.round(c.r)}, ${Math.round(c.g)}, ${Math.round(c.b)})`;
      return { ratio: contrast(over(colour, around), around), colour: rgb(colour), background: rgb(around) };
    },

    /* Targets under 24 px (a link within a sentence is exempt, WCAG 2.5.8), form text under 16 px. */
    targets() {
      const problems = [];
      for (const el of [...document.querySelectorAll(TARGETS)].filter(visible)) {
        const box = el.getBoundingClientRect();
        if (el.matches("a[href]:not(.md-button):not(.md-header__button)")) {
          const block = el.closest("p, li, dd, td, th, div, nav, h1, h2, h3, h4");
          if (!block || block.textContent.trim() !== el.textContent.trim()) continue;
        }
        if (box.width < 2 && box.height < 2) continue;  // a visually hidden field whose label is the target
        if (box.width < 24 || box.height < 24) {
          problems.push(`${name(el)}: ${box.width.toFixed(1)} x ${box.height.toFixed(1)} px`);
        }
        if (el.matches("input:not([type=checkbox]):not([type=radio]), select, textarea")) {
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < 16) problems.push(`${name(el)}: text ${size} px`);
        }
      }
      return problems;
    },
  };
})()
