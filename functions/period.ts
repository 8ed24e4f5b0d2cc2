/** The consultation period in force for this Worker: the content's dates with any override applied. */
import { settings } from "./consultation/index.ts";
import { applyOverrides, PeriodOverrideError, type ConsultationPeriod, type PeriodOverrides } from "./consultation/period.ts";
import { ApiError } from "./errors.ts";

export function currentPeriod(overrides: PeriodOverrides): ConsultationPeriod {
  try {
    return applyOverrides(settings.period, overrides);
  } catch (error) {
    if (error instanceof PeriodOverrideError) {
      console.error(error.message);
      throw new ApiError(500, "misconfigured", "error.misconfigured");
    }
    throw error;
  }
}
