/**
 * The article metadata an export cites (title, date), fetched once through the
 * contract's `list` and kept by id.
 */
import type { ApiClient } from '../../../../src-main/shared/contract';
import type { Result } from '../../../../src-main/shared/result';
import type { CitedDoc } from '../../../../src-main/shared/notes/types';

export async function loadCitedDocs(client: Pick<ApiClient, 'list'>): Promise<Result<Map<string, CitedDoc>>> {
  const r = await client.list({});
  if (!r.ok) return r;
  return { ok: true, value: new Map(r.value.items.map((d) => [d.id, d])) };
}
