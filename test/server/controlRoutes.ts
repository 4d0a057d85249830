import { faultFromJson } from './faults';
import { ApiResponse, detailResponse, jsonResponse } from './responses';
import { Fault, RecordedRequest } from './testServerTypes';

/**
 * The control API for tests that run in another process (VS Code's extension host), no auth:
 * `POST /__control/faults` (body: one Fault as JSON, `times` may be "Infinity"),
 * `POST /__control/reset`, `GET /__control/requests`, `GET /__control/stats` (`{requests, rateLimited}`).
 */

export const CONTROL_PREFIX = '/__control/';

export interface ControlTarget {
  inject(fault: Fault): void;
  reset(): void;
  requests: RecordedRequest[];
  readonly rateLimited: number;
}

export function handleControl(method: string, path: string, body: string, target: ControlTarget): ApiResponse {
  const action = `${method} ${path.replace(/\/$/, '')}`;
  switch (action) {
    case 'POST /__control/faults': {
      let fault: Fault;
      try {
        fault = faultFromJson(JSON.parse(body) as unknown);
      } catch (error) {
        return detailResponse(400, `Bad fault: ${(error as Error).message}`);
      }
      target.inject(fault);
      return jsonResponse(200, { ok: true });
    }
    case 'POST /__control/reset':
      target.reset();
      return jsonResponse(200, { ok: true });
    case 'GET /__control/requests':
      return jsonResponse(200, target.requests);
    case 'GET /__control/stats':
      return jsonResponse(200, { requests: target.requests.length, rateLimited: target.rateLimited });
    default:
      return detailResponse(404, 'Unknown control route');
  }
}
