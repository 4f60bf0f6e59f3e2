import pg from "pg";

/** Opens one PostgreSQL connection for `work` and always closes it (creating and dropping test databases). */
export async function withPgClient<T>(config: string | pg.ClientConfig, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(typeof config === "string" ? { connectionString: config } : config);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
