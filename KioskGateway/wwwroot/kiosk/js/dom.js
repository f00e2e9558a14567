// A tiny element builder: every text goes in through textContent or an attribute, never through HTML,
// so what the server or a citizen typed cannot become markup on the kiosk.
import { t, pick } from "./i18n.js";

/** h("button", {class: "primary", onclick}, child, …): children are nodes, strings, or arrays of them. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "class") element.className = value;
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A span that shows a dictionary text and follows language switches. */
export function tx(key, params, tag = "span", attributes = {}) {
  const element = h(tag, attributes);
  element.dataset.i18n = key;
  if (params) element.dataset.i18nParams = JSON.stringify(params);
  element.textContent = t(key, params);
  return element;
}

/** A span that shows one half of a server {vi, en} pair and follows language switches. */
export function lx(pair, tag = "span", attributes = {}) {
  const element = h(tag, attributes);
  element.dataset.vi = pair?.vi ?? "";
  element.dataset.en = pair?.en ?? pair?.vi ?? "";
  element.textContent = pick(pair);
  return element;
}

/** A button labelled from the dictionary; large by default (the kiosk's touch targets). */
export function button(key, onclick, { kind = "primary", params, icon, ...attributes } = {}) {
  return h("button", { type: "button", class: `button ${kind}`, onclick, ...attributes },
    icon ? h("span", { class: "icon", "aria-hidden": "true" }, icon) : null,
    tx(key, params));
}

/** The screen's heading: focused when the screen opens, so a screen reader announces the new step. */
export function heading(key, params) {
  return tx(key, params, "h1", { tabindex: "-1", class: "screen-title" });
}
