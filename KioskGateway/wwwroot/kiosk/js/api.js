// The kiosk API as the touch screen uses it: every request signed with the kiosk's WebCrypto key
// (SK1-ECDSA-P256 over METHOD, PATH?QUERY, TIMESTAMP, NONCE and the body's SHA-256 — docs/kiosk-api.md),
// every mutating call with an Idempotency-Key kept across retries, progress read from server-sent events
// with fetch (EventSource cannot send the signature headers).
import * as keystore from "./keystore.js";

const encoder = new TextEncoder();

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function base64(buffer) {
  let text = "";
  for (const b of new Uint8Array(buffer)) text += String.fromCharCode(b);
  return btoa(text);
}

/** A refused call: the HTTP status and the problem details the gateway sent. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.code = problem?.code;
  }
}

export class KioskApi {
  constructor(identity, base = "") {
    this.identity = identity;
    this.base = base;
  }

  /** Loads the enrolled identity, or undefined when this browser has not enrolled yet. */
  static async connect(base = "") {
    const identity = await keystore.load();
    return identity ? new KioskApi(identity, base) : undefined;
  }

  /** Enrols this browser with the administrator's one-time code; the private key never leaves it. */
  static async enrol(code, base = "") {
    const keys = await keystore.generate();
    const spki = await crypto.subtle.exportKey("spki", keys.publicKey);
    const response = await fetch(`${base}/api/kiosk/enrolment`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code, publicKey: base64(spki) }),
    });
    const body = await response.json().catch(() => undefined);
    if (!response.ok) throw new ApiError(response.status, body);
    const identity = { deviceId: body.deviceId, keyId: body.keyId, keys };
    await keystore.save(identity);
    return new KioskApi(identity, base);
  }

  async headers(method, path, bytes) {
    const timestamp = Math.floor(Date.now() / 1000).toString();
    const nonce = crypto.randomUUID().replaceAll("-", "");
    const contentHash = hex(await crypto.subtle.digest("SHA-256", bytes));
    const canonical = [method.toUpperCase(), path, timestamp, nonce, contentHash].join("\n");
    const signature = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, this.identity.keys.privateKey, encoder.encode(canonical));
    return {
      Authorization: `SK1-ECDSA-P256 Credential=${this.identity.keyId}, Signature=${base64(signature)}`,
      "X-SK-Timestamp": timestamp,
      "X-SK-Nonce": nonce,
      "X-SK-Content-SHA256": contentHash,
    };
  }

  /** One signed call; mutating calls keep one Idempotency-Key across up to three tries. */
  async send(method, path, body, contentType = "application/json") {
    const bytes = body === undefined ? new Uint8Array() : body instanceof Uint8Array ? body : encoder.encode(JSON.stringify(body));
    const idempotencyKey = method === "GET" ? undefined : crypto.randomUUID();
    for (let attempt = 1; ; attempt++) {
      const headers = await this.headers(method, path, bytes);
      if (body !== undefined) headers["Content-Type"] = contentType;
      if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
      let response;
      try {
        response = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : bytes });
      } catch (error) {
        if (attempt < 3) continue; // the network dropped the call: the same key makes the retry safe
        throw error;
      }
      if ((response.status >= 500 || response.status === 409) && attempt < 3) {
        const text = await response.text();
        if (response.status >= 500 || text.includes('"request-in-progress"')) {
          await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
          continue;
        }
        throw new ApiError(response.status, JSON.parse(text));
      }
      const text = await response.text();
      const parsed = text ? JSON.parse(text) : undefined;
      if (!response.ok) throw new ApiError(response.status, parsed);
      return parsed;
    }
  }

  documentTypes() { return this.send("GET", "/api/kiosk/document-types"); }
  start(documentType) { return this.send("POST", "/api/kiosk/dossiers", { documentType }); }
  get(id) { return this.send("GET", `/api/kiosk/dossiers/${id}`); }
  scan(id, pages, source) { return this.send("POST", `/api/kiosk/dossiers/${id}/scan`, { pages, source }); }
  consent(id, agreed) { return this.send("POST", `/api/kiosk/dossiers/${id}/consent`, { agreed }); }
  identityCheck(id, frames, idCardFront) { return this.send("POST", `/api/kiosk/dossiers/${id}/identity`, { frames, idCardFront }); }
  confirm(id, email, disputedFields = []) { return this.send("POST", `/api/kiosk/dossiers/${id}/confirmation`, { email, disputedFields }); }
  emailCopy(id, email) { return this.send("POST", `/api/kiosk/dossiers/${id}/email`, { email }); }
  withdraw(id) { return this.send("POST", `/api/kiosk/dossiers/${id}/withdrawal`, {}); }
  resume(receiptCode) { return this.send("POST", "/api/kiosk/dossiers/resumption", { receiptCode }); }

  /** Uploads an image (a Blob: page, frame or id-card); answers its address and the quality gate's issues. */
  async upload(id, kind, blob, source) {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const query = source ? `?source=${encodeURIComponent(source)}` : "";
    return this.send("PUT", `/api/kiosk/dossiers/${id}/uploads/${kind}${query}`, bytes, "application/octet-stream");
  }

  /**
   * Follows the dossier: calls onView with each view the server sends, reconnecting with Last-Event-ID,
   * until the dossier ends or the signal aborts.
   */
  async follow(id, onView, signal) {
    let lastEventId;
    let pause = 1000;
    while (!signal?.aborted) {
      const path = `/api/kiosk/dossiers/${id}/events`;
      const headers = await this.headers("GET", path, new Uint8Array());
      if (lastEventId) headers["Last-Event-ID"] = lastEventId;
      let ended = false;
      try {
        const response = await fetch(this.base + path, { headers, signal });
        if (!response.ok) {
          const problem = await response.json().catch(() => undefined);
          // Only a kiosk that lost its credential or a dossier that is gone ends the following; a
          // proxy's 502, a rate limit or a clock a little off are waited out.
          if (response.status === 404 || ["unknown-credential", "device-disabled"].includes(problem?.code)) throw new ApiError(response.status, problem);
          throw new Error(`progress stream: HTTP ${response.status}`);
        }
        pause = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = event.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
            const idLine = event.split("\n").find((l) => l.startsWith("id:"));
            if (idLine) lastEventId = idLine.slice(3).trim();
            if (data) {
              const view = JSON.parse(data);
              onView(view);
              if (["Issued", "Refused", "Withdrawn", "Expired", "Failed"].includes(view.status)) ended = true;
            }
          }
        }
      } catch (error) {
        if (signal?.aborted) return;
        if (error instanceof ApiError) throw error;
      }
      if (ended) return;
      // Closed or dropped before the end: reconnect, a little later each time (at most every 15 s).
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 15000);
    }
  }
}
