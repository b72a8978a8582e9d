import { expect, it } from "vitest";
import { quickstart } from "./quickstart";

it("the README quickstart runs and does what it says", async () => {
  const result = await quickstart();
  expect(result.notice).toMatchObject({
    courtyard: "courtyard-1",
    text: "周六上午义务理发",
    communityId: "wangjialong",
  });
  expect(result.groups).toEqual(["elderly-living-alone"]);
  expect(result.refused).toBe("NOTICE_TOO_LONG");
  expect(result.events).toEqual(["ResidentRegistered", "EligibilityGranted", "NoticePosted"]);
});
