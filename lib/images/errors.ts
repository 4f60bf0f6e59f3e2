/** An upload refused for a reason the uploader can act on; the message is shown to them. */
export class ImageRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImageRejectedError";
  }
}
