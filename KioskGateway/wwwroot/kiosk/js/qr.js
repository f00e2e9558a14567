// QR codes drawn as SVG from the vendored encoder's matrix: crisp at any size on a kiosk screen and
// easy for a phone to read (dark on white, a quiet zone of four modules).
import qrcode from "../vendor/qrcode-generator/qrcode.mjs";
import { t } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";

/** The QR code of text, titled by the dictionary key labelKey (re-titled on a language switch). */
export function qrSvg(text, labelKey) {
  const code = qrcode(0, "M");
  code.addData(text, "Byte");
  code.make();
  const count = code.getModuleCount();
  const size = count + 8;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("shape-rendering", "crispEdges");
  svg.classList.add("qr");
  const title = document.createElementNS(SVG, "title");
  title.textContent = t(labelKey);
  title.setAttribute("data-i18n", labelKey);
  svg.append(title);
  const background = document.createElementNS(SVG, "rect");
  background.setAttribute("width", size);
  background.setAttribute("height", size);
  background.setAttribute("fill", "#fff");
  svg.append(background);
  let path = "";
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (code.isDark(row, column)) path += `M${column + 4} ${row + 4}h1v1h-1z`;
    }
  }
  const modules = document.createElementNS(SVG, "path");
  modules.setAttribute("d", path);
  modules.setAttribute("fill", "#000");
  svg.append(modules);
  return svg;
}
