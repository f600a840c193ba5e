import { describe, expect, it } from 'vitest';
import { explainError } from '../../../src/ui/errors';
import { defaultDraft, draftErrors, draftToPolicy, type PolicyDraft } from '../../../src/ui/state/policy-draft';
import { policyErrorsToShow } from '../../../src/ui/state/use-policy-check';
import { checkPolicy } from '../../../src/ui/state/vault-client';

/** What the form shows for a draft: its own checks and the vault's, combined as usePolicyCheck does. */
async function shown(draft: PolicyDraft): Promise<Partial<Record<string, string>>> {
  const error = await checkPolicy(draftToPolicy(draft));
  const words = error === undefined ? undefined : explainError(error);
  return policyErrorsToShow(draftErrors(draft), words ? { [words.field ?? 'policy']: words.message } : {});
}

describe('policy errors shown while typing', () => {
  it('an empty subject without SANs gets one message, in words for a person', async () => {
    // The vault refuses this draft too, in its own field names: that message must not show as well.
    expect(await checkPolicy(draftToPolicy(defaultDraft()))).toMatchObject({
      name: 'VaultError',
      code: 'BadParameter',
      field: 'subject',
      message:
        'subject is empty and there are no subjectAlternativeNames: give at least one, e.g. subject "CN=www.contoso.com".',
    });
    const errors = await shown(defaultDraft());
    expect(Object.values(errors).filter(Boolean)).toEqual([
      'Give a subject (e.g. CN=www.contoso.com) or at least one subject alternative name.',
    ]);
    expect(JSON.stringify(errors)).not.toMatch(/subjectAlternativeNames/);
  });

  it("the vault's check speaks when the form's own checks pass", async () => {
    const errors = await shown({ ...defaultDraft(), subject: 'this is not a name' });
    expect(errors.subject).toMatch(/^The subject name provided is not a valid X500 name/);
    expect(Object.keys(errors)).toEqual(['subject']);
  });

  it('a valid draft shows nothing', async () => {
    expect(await shown({ ...defaultDraft(), subject: 'DC=Contoso,OU="Docs,Contoso",CN=www.contosoHRApp.com' })).toEqual(
      {},
    );
  });
});
