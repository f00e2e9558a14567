// The kiosk's identity in the browser: an ECDSA P-256 key pair made non-extractable by WebCrypto and
// kept in IndexedDB (CryptoKey objects survive structured cloning; the private key can sign but never
// be read out), with the key id the gateway assigned at enrolment.

const DB = "smartkiosk-kiosk";
const STORE = "identity";
const ID = "device";

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transact(mode, action) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** The stored identity {deviceId, keyId, keys}, or undefined before enrolment. */
export function load() {
  return transact("readonly", (store) => store.get(ID));
}

export function save(identity) {
  return transact("readwrite", (store) => store.put(identity, ID));
}

export function forget() {
  return transact("readwrite", (store) => store.delete(ID));
}

/** A fresh key pair whose private half cannot be exported. */
export function generate() {
  return crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
}
