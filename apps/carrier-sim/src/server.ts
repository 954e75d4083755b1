import http from "node:http";
import { sendError } from "./http/io";
import { routeRequest } from "./http/routes";
import type { SimulatorCore } from "./simulator";

/** The carrier simulator's HTTP API: it plays the porting partner and the losing carriers. */
export function createSimulatorServer(core: SimulatorCore, log: (line: string) => void): http.Server {
  return http.createServer((request, response) => {
    routeRequest(core, request, response).catch((error: unknown) => {
      log(
        `${request.method} ${request.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!response.headersSent) {
        sendError(response, 500, "INTERNAL", "The simulator failed; see its log.");
      } else {
        response.destroy();
      }
    });
  });
}
