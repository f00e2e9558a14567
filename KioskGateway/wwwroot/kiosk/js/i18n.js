// Every word on the kiosk screen comes from i18n/<language>.json (Vietnamese first, English beside it) or,
// for what the server says (document names, reasons, challenge steps), from its {vi, en} pairs. Elements
// remember what they show (data-i18n, data-vi/data-en), so a language switch re-labels the screen in place
// without restarting the camera or losing what the citizen did.

export const languages = ["vi", "en"];
const dictionaries = {};
let current = "vi";

export async function load(base = "") {
  await Promise.all(languages.map(async (language) => {
    const response = await fetch(`${base}i18n/${language}.json`);
    if (!response.ok) throw new Error(`i18n/${language}.json: HTTP ${response.status}`);
    dictionaries[language] = await response.json();
  }));
}

export function language() {
  return current;
}

/** The text for a key in the current language, with {name} placeholders filled. */
export function t(key, params = {}, lang = current) {
  const text = dictionaries[lang]?.[key] ?? dictionaries.vi?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? `{${name}}`).toString());
}

/** Whether the dictionary has a text for the key (made at run time from a code, e.g. error.<code>). */
export function has(key) {
  return key in (dictionaries.vi ?? {});
}

/** The current language's half of a {vi, en} pair the server sent. */
export function pick(pair) {
  if (!pair) return "";
  return (current === "en" ? pair.en : pair.vi) || pair.vi || pair.en || "";
}

/** Re-labels everything under root in the current language. */
export function apply(root = document) {
  document.documentElement.lang = current;
  for (const element of root.querySelectorAll("[data-i18n]")) {
    const params = element.dataset.i18nParams ? JSON.parse(element.dataset.i18nParams) : {};
    element.textContent = t(element.dataset.i18n, params);
  }
  for (const element of root.querySelectorAll("[data-i18n-label]")) {
    const params = element.dataset.i18nParams ? JSON.parse(element.dataset.i18nParams) : {};
    element.setAttribute("aria-label", t(element.dataset.i18nLabel, params));
  }
  for (const element of root.querySelectorAll("[data-vi]")) {
    element.textContent = pick({ vi: element.dataset.vi, en: element.dataset.en });
  }
}

export function use(lang) {
  current = languages.includes(lang) ? lang : "vi";
  apply();
}
