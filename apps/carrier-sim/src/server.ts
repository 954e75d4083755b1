import http from "node:http";

export interface SimulatorOptions {
  now: () => Date;
}

/** The carrier simulator's HTTP API: it plays the porting partner and the losing carriers. */
export function createSimulatorServer(options: SimulatorOptions) {
  return http.createServer((request, response) => {
    if (request.method === "GET" && request.url === "/health") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ name: "carrier-sim", status: "ok", clock: options.now().toISOString() }));
      return;
    }
    response.writeHead(404, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: "not found" }));
  });
}
