// @ts-check
/**
 * Sending the kiosk's refused list to the council's officers: each response
 * the server refused for good, with its reference, why, when send was
 * pressed and its words, to POST /api/kiosk/refused with the kiosk's key and
 * the support worker's own code. Officers see them on their kiosks page. The
 * same response sent twice is recorded once, so sending again is safe.
 */

/** Responses per request, as the server takes them (LIMITS.refusedPerReport). */
const PER_REQUEST = 50;

/**
 * What the server is sent for one item of the kiosk's queue that it refused.
 * @param {{ idempotencyKey: string, refused: { code: string }, body: { reference?: string, pressedSendAt?: string, comments: { paragraph: string, text: string }[] } }} item
 * @param {string} reason
 */
function refusedResponse(item, reason) {
  const { body } = item;
  return {
    idempotencyKey: item.idempotencyKey,
    ...(body.reference && { reference: body.reference }),
    code: String(item.refused.code),
    reason,
    ...(body.pressedSendAt && { pressedSendAt: body.pressedSendAt }),
    comments: body.comments.map(({ paragraph, text }) => ({ paragraph, text })),
  };
}

/**
 * Sends every refused item; answers how many the server received. A refusal
 * throws an Error carrying the API's `code` (such as staff_code_revoked); no
 * connection throws the fetch's TypeError.
 * @param {{ address: string, key: string | null, staffCode: string | undefined, language: string, items: any[], reasonOf: (item: any) => string }} report
 * @returns {Promise<number>}
 */
export async function reportRefused({ address, key, staffCode, language, items, reasonOf }) {
  let received = 0;
  for (let start = 0; start < items.length; start += PER_REQUEST) {
    const refused = items.slice(start, start + PER_REQUEST).map((item) => refusedResponse(item, reasonOf(item)));
    const answer = await fetch(address, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", "Accept-Language": language, "Kiosk-Key": key || "", "Staff-Code": staffCode || "" },
      body: JSON.stringify({ refused }),
    });
    const body = await answer.json().catch(() => ({}));
    if (!answer.ok) throw Object.assign(new Error(body.error?.message || String(answer.status)), { code: body.error?.code || String(answer.status) });
    received += body.received;
  }
  return received;
}
