// Status AwaitingPayment: the fee order as a QR code for a banking or e-wallet app. The provider
// reports the payment to the gateway; the progress stream then moves the screen on.
import { h, tx, lx, heading } from "../dom.js";
import { qrSvg } from "../qr.js";
import { dong, minutes } from "../format.js";
import * as i18n from "../i18n.js";

export function paymentScreen(app, view) {
  const payment = view.payment;
  app.session.lastAction = "payment"; // what happens after this screen is the issuance
  const countdown = h("p", { class: "countdown", "aria-live": "off" });
  const tick = () => {
    if (!payment?.expiresAt) return;
    const left = (new Date(payment.expiresAt).getTime() - Date.now()) / 1000;
    countdown.replaceChildren(tx("payment.expires", { time: minutes(left) }));
  };
  tick();
  const timer = setInterval(tick, 1000);
  const el = h("section", { class: "screen payment" },
    heading("payment.title"),
    tx("payment.lead", undefined, "p", { class: "lead" }),
    payment
      ? h("div", { class: "qr-block" },
        h("figure", { class: "qr-frame" }, qrSvg(payment.qrPayload, "payment.qrLabel")),
        h("dl", { class: "payment-facts" },
          tx("payment.amount", undefined, "dt"), h("dd", {}, lx(dong(payment.amountDong), "strong", { class: "amount" })),
          tx("payment.reference", undefined, "dt"), h("dd", { class: "mono" }, payment.reference)),
        countdown)
      : null,
    h("p", { class: "waiting" }, h("span", { class: "spinner", "aria-hidden": "true" }), tx("payment.waiting")));
  return { el, idleSeconds: app.config.waitingIdleSeconds, dispose: () => clearInterval(timer) };
}
