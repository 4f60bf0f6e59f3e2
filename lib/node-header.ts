import http from "node:http";

export const NODE_HEADER = "x-trova-node";

/**
 * Puts `x-trova-node: <id>` on every response this process sends: pages, API answers, images,
 * build assets, server-action results. Done on Node's ServerResponse because `next start` has no
 * hook that sees every response (proxy.ts skips assets and action calls, next.config headers are
 * fixed at build time, while a node's id is known only when it starts).
 */
export function stampNodeHeader(nodeId: string): void {
  const prototype = http.ServerResponse.prototype as http.ServerResponse & { trovaNodeStamped?: boolean };
  if (prototype.trovaNodeStamped) return;
  prototype.trovaNodeStamped = true;
  const writeHead = prototype.writeHead;
  // Node calls writeHead for implicit headers too (a first write() or end() without it).
  prototype.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (!this.headersSent && !this.hasHeader(NODE_HEADER)) this.setHeader(NODE_HEADER, nodeId);
    return writeHead.apply(this, args);
  } as typeof writeHead;
}
