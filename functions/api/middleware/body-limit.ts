/**
 * The one size limit for a request that carries a response (online, from a
 * kiosk, or a paper sheet typed in): anything larger is a 413 before it is read.
 */
import { bodyLimit } from "hono/body-limit";
import { ApiError } from "../errors.ts";
import { REQUEST_BYTES } from "../../limits.ts";

export const responseSizeLimit = bodyLimit({
  maxSize: REQUEST_BYTES,
  onError: () => {
    throw new ApiError(413, "too_large", "error.too_large");
  },
});
