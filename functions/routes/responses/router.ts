import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../../env.ts";
import { ApiError } from "../../errors.ts";
import { rateLimit } from "../../middleware/rate-limit.ts";
import { createResponseHandler, MAX_BODY_BYTES } from "./create.ts";
import { trackResponseHandler } from "./track.ts";

export const responses = new Hono<AppEnv>();

responses.post(
  "/",
  rateLimit("submit"),
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, "too_large", "error.too_large");
    },
  }),
  createResponseHandler,
);
responses.get("/:reference", rateLimit("lookup"), trackResponseHandler);
