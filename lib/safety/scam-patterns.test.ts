import { describe, expect, it } from "vitest";
import { findScamSignals } from "./scam-patterns";

describe("findScamSignals", () => {
  it.each([
    ["Hi, is the bike still available? Could I see it on Saturday?", []],
    ["Can we meet at the station at 6? I'll bring cash.", []],
    ["I'll pay 20 euros more if you can deliver.", []],
    ["Price is 40, the code on the lock is 1234", []],
  ])("leaves an ordinary message alone: %s", (body, expected) => {
    expect(findScamSignals(body)).toEqual(expected);
  });

  it.each([
    ["I will pay by Western Union, my cousin collects it", "off-platform-payment"],
    ["Please send via PayPal friends and family so there are no fees", "off-platform-payment"],
    ["I can do a bank transfer today, send me your IBAN", "off-platform-payment"],
    ["I pay with Steam gift cards", "off-platform-payment"],
    ["My courier will collect, you just pay the shipping agent fee", "off-platform-payment"],
    ["Fill in your details at https://trova-payments.example/secure", "outside-link"],
    ["See more photos on www.cheap-bikes.top", "outside-link"],
    ["Message me on WhatsApp instead", "outside-link"],
    ["I sent you a verification code, tell me what it says", "code-request"],
    ["Can you forward me the code you got by SMS?", "code-request"],
  ])("spots a scam pattern: %s", (body, signal) => {
    expect(findScamSignals(body)).toContain(signal);
  });

  it("reports each kind once, in a fixed order", () => {
    expect(findScamSignals("Pay by bitcoin at http://x.example and send me the code")).toEqual(["off-platform-payment", "outside-link", "code-request"]);
  });
});
