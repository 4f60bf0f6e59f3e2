import { describe, expect, it } from "vitest";
import { consumeMessageAllowance } from "./send-limit";

describe("consumeMessageAllowance", () => {
  const policies = { perAccount: { limit: 3, windowSeconds: 60 }, perIp: { limit: 5, windowSeconds: 60 } };

  it("refuses an account past its limit with a retry time", async () => {
    for (let sent = 0; sent < 3; sent++) expect(await consumeMessageAllowance("chatty", "10.0.0.1", policies)).toBeNull();
    expect(await consumeMessageAllowance("chatty", "10.0.0.1", policies)).toMatch(/^Too many messages\. Try again in \d+ seconds?\.$/);
    // Another account is not held back by this one.
    expect(await consumeMessageAllowance("quiet", "10.0.0.2", policies)).toBeNull();
  });

  it("refuses an IP past its limit whichever accounts send from it", async () => {
    for (let account = 0; account < 5; account++) {
      expect(await consumeMessageAllowance(`shared-${account}`, "10.0.0.9", policies)).toBeNull();
    }
    expect(await consumeMessageAllowance("shared-new", "10.0.0.9", policies)).toMatch(/^Too many messages/);
  });
});
