import { describe, it } from "vitest";
import { checkPath } from "../../functions/canonical-path.ts";

describe("one spelling per address", () => {
  it.for(["/", "/admin/", "/admin/comments/12/", "/es/draft/housing/", "/comment/rough-sleeping-2", "/api/responses/K7M4Q-2XD9P", "/kiosk/"])(
    "lets %s through as it is",
    (path, { expect }) => {
      expect(checkPath(path)).toEqual({ kind: "canonical" });
    },
  );

  it.for([
    ["/%61dmin/", "/admin/"],
    ["/adm%69n/kiosks/", "/admin/kiosks/"],
    ["/%41dmin/", "/Admin/"],
    ["//admin//comments", "/admin/comments"],
    ["/draft/%7Ehousing", "/draft/~housing"],
  ])("sends %s to its one spelling, %s", ([path, canonical], { expect }) => {
    expect(checkPath(path!)).toEqual({ kind: "redirect", pathname: canonical });
  });

  it.for([
    "/%2561dmin/",
    "/%252561dmin/",
    "/admin%2fcomments/",
    "/admin%2Fcomments/",
    "/%5cadmin/",
    "/admin%00/",
    "/admin%0a/",
    "/admin%7f/",
    "/%ef%bd%81dmin/",
    "/admin/%20",
    "/admin/%ZZ",
    "/admin/%e2%80%ae",
    "/draft/%2e%2e/admin/",
    "/%2e/admin/",
    "/admin/%2e",
    "/admin\\comments",
  ])("refuses %s, which could be read two ways", (path, { expect }) => {
    expect(checkPath(path)).toEqual({ kind: "refuse" });
  });
});
