/**
 * The host answers a large document a range of paragraphs at a time
 * (contract.ts DocAnswer), so no answer is ever huge and no request holds the
 * host for long. wholeDocuments asks for the remaining ranges one after the
 * other and hands the views the whole document, as before: nothing that reads
 * a document (the reader, anchoring, exports) sees a part.
 */
import { API_METHODS, type ApiClient } from '../../../src-main/shared/contract';
import { err, ok } from '../../../src-main/shared/result';

export function wholeDocuments(client: ApiClient): ApiClient {
  const getDoc = client.getDoc.bind(client);
  const whole: ApiClient['getDoc'] = async (arg) => {
    const first = await getDoc(arg);
    if (!first.ok || arg.from !== undefined || first.value.paragraphCount === undefined) return first;
    const { paragraphsFrom: _f, paragraphCount, ...doc } = first.value;
    const paragraphs = [...doc.paragraphs];
    while (paragraphs.length < paragraphCount) {
      const next = await getDoc({ id: arg.id, from: paragraphs.length });
      if (!next.ok) return next;
      if (next.value.paragraphs.length === 0) return err('internal', `The document ${arg.id} ended at paragraph ${paragraphs.length} of ${paragraphCount}.`);
      for (const p of next.value.paragraphs) paragraphs.push(p);
    }
    return ok({ ...doc, paragraphs });
  };
  // A copy with getDoc replaced: the preload's bridge object is frozen by contextBridge.
  const out = {} as Record<string, unknown>;
  for (const key of API_METHODS) out[key] = key === 'getDoc' ? whole : (client[key] as (...a: unknown[]) => unknown).bind(client);
  return out as unknown as ApiClient;
}
