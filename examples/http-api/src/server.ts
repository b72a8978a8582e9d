// Starts the service: `npm start -w examples/http-api` (PORT, default 8787; LINLI_DB, default
// ./wangjialong.db, created on first start).
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { openCommunity } from "./community";

const community = await openCommunity(process.env.LINLI_DB ?? "wangjialong.db");
const port = Number(process.env.PORT ?? 8787);
const server = serve({ fetch: createApp(community).fetch, port, hostname: "127.0.0.1" }, (info) => {
  console.log(`linli example API on http://127.0.0.1:${info.port} (OpenAPI: /openapi.json)`);
});
const stop = () => server.close(() => void community.close());
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
