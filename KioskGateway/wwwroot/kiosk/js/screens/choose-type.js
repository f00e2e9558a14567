// The service and the document: pictures of each original, not just names, grouped by service.
import { h, tx, lx, heading } from "../dom.js";

const PICTURES = new Set(["cccd", "birth-certificate", "diploma", "land-use-certificate", "generic"]);

export function chooseTypeScreen(app, types) {
  const services = [...new Set(types.map((t) => t.service))];
  const el = h("section", { class: "screen choose" },
    heading("choose.title"),
    tx("choose.lead", undefined, "p", { class: "lead" }),
    services.map((service) => h("section", { class: "service", "aria-labelledby": `service-${service}` },
      tx(`service.${service}`, undefined, "h2", { id: `service-${service}` }),
      h("ul", { class: "type-grid" }, types.filter((t) => t.service === service).map((type) =>
        h("li", {}, h("button", { type: "button", class: "type-card", "data-type": type.key, onclick: () => app.begin(type) },
          h("img", { src: `img/documents/${PICTURES.has(type.key) ? type.key : "generic"}.svg`, alt: "", width: "240", height: "160" }),
          lx(type.name, "span", { class: "type-name" }))))))));
  return { el };
}
