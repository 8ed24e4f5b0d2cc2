// @ts-check
/**
 * The device's own store: its key, the period and staff codes it last
 * learnt, and the pool of reserved references in localStorage; the queue of
 * responses waiting for the server in IndexedDB, each kept until the server
 * has acknowledged it.
 */
import { data } from "./page.js";

const KEY = "kiosk.key";
const POOL = "kiosk.references";
/** Set when the server stopped taking this device's key: it then asks to be set up again, not set up afresh. */
const WITHDRAWN = "kiosk.withdrawn";
/** The period as the server last gave it: {opensAt, closesAt, graceDays}. */
const PERIOD = "kiosk.period";
/** The checks of the staff codes in force at this kiosk, as the server last gave them: [{salt, hash}], never the codes. */
const STAFF_CHECKS = "kiosk.staffCodes";
/** Wrong staff codes typed here: {count, until}. */
const STAFF_WRONG = "kiosk.staffWrong";

export const storage = {
  get key() { return localStorage.getItem(KEY); },
  set key(value) { value ? localStorage.setItem(KEY, value) : localStorage.removeItem(KEY); },
  get pool() { return JSON.parse(localStorage.getItem(POOL) || "[]"); },
  set pool(value) { localStorage.setItem(POOL, JSON.stringify(value)); },
  get withdrawn() { return localStorage.getItem(WITHDRAWN) === "yes"; },
  set withdrawn(value) { value ? localStorage.setItem(WITHDRAWN, "yes") : localStorage.removeItem(WITHDRAWN); },
  // Until the server has said, the dates the page was built with.
  get period() { return JSON.parse(localStorage.getItem(PERIOD) || "null") || { opensAt: data.opensAt, closesAt: data.closesAt }; },
  set period(value) { localStorage.setItem(PERIOD, JSON.stringify(value)); },
  get staffChecks() { return JSON.parse(localStorage.getItem(STAFF_CHECKS) || "[]"); },
  set staffChecks(value) { localStorage.setItem(STAFF_CHECKS, JSON.stringify(value)); },
  get staffWrong() { return JSON.parse(localStorage.getItem(STAFF_WRONG) || "null") || { count: 0, until: 0 }; },
  /** Setting nothing forgets the wrong codes. */
  set staffWrong(value) { value ? localStorage.setItem(STAFF_WRONG, JSON.stringify(value)) : localStorage.removeItem(STAFF_WRONG); },
};

// ---- The queue: responses waiting for the server --------------------------------------------------

const openQueue = () =>
  new Promise((resolve, reject) => {
    const request = indexedDB.open("kiosk", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("queue", { keyPath: "idempotencyKey" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/**
 * @param {IDBTransactionMode} mode
 * @param {(store: IDBObjectStore) => IDBRequest} action
 */
async function queueDo(mode, action) {
  const db = await openQueue();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction("queue", mode);
    const request = action(transaction.objectStore("queue"));
    transaction.oncomplete = () => resolve(request && request.result);
    transaction.onerror = () => reject(transaction.error);
  });
}

/** @returns {Promise<any[]>} */
export const queued = () => queueDo("readonly", (store) => store.getAll());
/** @param {object} item */
export const enqueue = (item) => queueDo("readwrite", (store) => store.put(item));
/** @param {string} idempotencyKey */
export const dequeue = (idempotencyKey) => queueDo("readwrite", (store) => store.delete(idempotencyKey));
