import { describe, expect, it } from "vitest";
import { messageBodySchema, sendMessageSchema } from "./message-schema";

describe("message schemas", () => {
  it("trims the body and accepts 1 to 2000 characters", () => {
    expect(messageBodySchema.parse("  Hello  ")).toBe("Hello");
    expect(messageBodySchema.safeParse("x".repeat(2000)).success).toBe(true);
  });

  it("refuses an empty, blank or too long body with a clear message", () => {
    expect(messageBodySchema.safeParse("   ").error?.issues[0].message).toBe("Write a message before sending.");
    expect(messageBodySchema.safeParse("x".repeat(2001)).error?.issues[0].message).toBe("Keep your message under 2,000 characters.");
  });

  it("refuses a conversation id that is not a uuid", () => {
    expect(sendMessageSchema.safeParse({ conversationId: "1 or 1=1", body: "Hi" }).success).toBe(false);
  });
});
