// Dates and amounts as Vietnamese readers write them, on both languages: dd/MM/yyyy and 4.000 đồng.
const two = (n) => n.toString().padStart(2, "0");

export function date(value) {
  const d = value instanceof Date ? value : new Date(value);
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export function dateTime(value) {
  const d = value instanceof Date ? value : new Date(value);
  return `${two(d.getHours())}:${two(d.getMinutes())} ${date(d)}`;
}

/** An amount in both languages, for lx(): {vi: "4.000 đồng", en: "4.000 VND"}. */
export function dong(amount) {
  const digits = Math.round(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return { vi: `${digits} đồng`, en: `${digits} VND` };
}

/** mm:ss for countdowns. */
export function minutes(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${two(s % 60)}`;
}

/** A receipt or enrolment code typed on the kiosk keyboard, grouped in fours as it is printed. */
export function groupCode(raw) {
  const symbols = raw.toUpperCase().replace(/[^0-9A-Z]/g, "");
  return symbols.match(/.{1,4}/g)?.join("-") ?? "";
}
