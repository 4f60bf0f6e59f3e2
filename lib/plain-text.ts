// What people type goes through here before it is checked and stored. Control characters have no
// place in a title or a message, and PostgreSQL cannot store NUL at all: a pasted or forged one
// would fail the whole request. Tab, line feed and carriage return stay.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "");
}
