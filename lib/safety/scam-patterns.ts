// Patterns typical of marketplace scams, looked for in messages so the reader sees a calm
// warning beside them. The message is still delivered: plenty of honest people mention a bank
// transfer, and a warning costs them nothing, whereas blocking would push scammers to rephrase.

export type ScamSignal = "off-platform-payment" | "outside-link" | "code-request";

export const SCAM_WARNINGS: Record<ScamSignal, string> = {
  "off-platform-payment": "This message asks for payment outside Trova. Money sent by transfer, gift card or crypto can rarely be got back: meet in person, or pay through a service that protects buyers.",
  "outside-link": "This message links to another website. Trova never asks you to sign in or pay elsewhere: check the address before you click, and don't enter passwords or card details.",
  "code-request": "This message asks for a code. Never share a verification code sent to your phone or email: it lets someone take over your accounts.",
};

const PATTERNS: Record<ScamSignal, RegExp[]> = {
  "off-platform-payment": [
    /\b(western\s*union|moneygram|wise\.com|cash\s*app|zelle|venmo)\b/i,
    /\bpay\s*pal\b.{0,30}\b(friends?|family|f\s*&\s*f|gift)\b/i,
    /\b(friends?\s*(and|&)\s*family)\b/i,
    /\b(bank|wire|direct)\s*transfer\b/i,
    /\b(bitcoin|btc|crypto|usdt|ethereum)\b/i,
    /\b(gift|itunes|steam|amazon|google\s*play)\s*cards?\b/i,
    /\b(iban|swift|bic)\b/i,
    /\b(courier|shipping\s*agent)\b.{0,60}\b(pay|fee|deposit)\b/i,
  ],
  "outside-link": [/\bhttps?:\/\/\S+/i, /\bwww\.[a-z0-9-]+\.[a-z]{2,}/i, /\b[a-z0-9-]{2,}\.(com|net|org|info|io|co|xyz|top|site|online|shop|link|ru|cn)(\/\S*)?\b/i, /\b(whatsapp|telegram|wa\.me|t\.me)\b/i],
  "code-request": [
    /\b(verification|confirmation|security|one[-\s]?time|sms|6[-\s]?digit|otp|access)\s*code\b/i,
    /\b(send|give|tell|share|forward)\b.{0,25}\bcode\b/i,
    /\bcode\b.{0,40}\b(you\s*(got|received)|sent\s*to\s*your\s*(phone|email))\b/i,
  ],
};

/** Which scam signals a message shows, in a fixed order (none for an ordinary message). */
export function findScamSignals(body: string): ScamSignal[] {
  return (Object.keys(PATTERNS) as ScamSignal[]).filter((signal) => PATTERNS[signal].some((pattern) => pattern.test(body)));
}
