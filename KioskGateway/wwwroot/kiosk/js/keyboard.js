// The kiosk's own on-screen keyboard: a public touch screen has no physical keyboard, and the system's
// one covers half the screen with keys the citizen does not need. It types into a real <input> (which
// keeps its label and works with a physical keyboard too) and has only the keys the field can take.
import { h, tx } from "./dom.js";

const layouts = {
  code: [
    ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"],
    ["Q", "W", "E", "R", "T", "Y", "U", "I", "O", "P"],
    ["A", "S", "D", "F", "G", "H", "J", "K", "L"],
    ["Z", "X", "C", "V", "B", "N", "M"],
  ],
  email: [
    ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"],
    ["q", "w", "e", "r", "t", "y", "u", "i", "o", "p"],
    ["a", "s", "d", "f", "g", "h", "j", "k", "l"],
    ["z", "x", "c", "v", "b", "n", "m", "@", ".", "-", "_"],
    ["@gmail.com", ".com", ".vn"],
  ],
};

/**
 * keyboard(input, "code" | "email", {onEnter, format}): format rewrites the value after each key
 * (grouping a code in fours); onEnter runs on the keyboard's Done key.
 */
export function keyboard(input, layout, { onEnter, format } = {}) {
  const type = (text) => {
    input.value = format ? format(input.value + text) : input.value + text;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const erase = () => {
    const value = input.value.replace(/-$/, "");
    input.value = format ? format(value.slice(0, -1)) : value.slice(0, -1);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const rows = layouts[layout].map((keys) =>
    h("div", { class: "keyboard-row" }, keys.map((key) =>
      h("button", { type: "button", class: "key", onclick: () => type(key), "aria-label": key }, key))));
  return h("div", { class: `keyboard keyboard-${layout}`, role: "group", "data-i18n-label": "keyboard.label" },
    rows,
    h("div", { class: "keyboard-row" },
      h("button", { type: "button", class: "key wide", onclick: erase }, tx("keyboard.backspace")),
      h("button", { type: "button", class: "key wide", onclick: () => { input.value = ""; input.dispatchEvent(new Event("input", { bubbles: true })); } }, tx("keyboard.clear")),
      onEnter ? h("button", { type: "button", class: "key wide enter", onclick: onEnter }, tx("keyboard.done")) : null));
}
