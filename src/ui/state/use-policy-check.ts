import { useEffect, useState } from 'preact/hooks';
import { explainError } from '../errors';
import { draftErrors, draftToPolicy, type PolicyDraft } from './policy-draft';
import { checkPolicy } from './vault-client';
import { isPolicyField, type PolicyErrors } from '../components/policy-form';

/**
 * The errors a policy form shows: its own checks when any fail, else the vault's. The vault
 * stops at its first problem, which is then most often the one the form already words for a
 * person (an empty subject): showing both would say the same thing twice, once in the
 * vault's field names.
 */
export function policyErrorsToShow(local: PolicyErrors, vault: PolicyErrors): PolicyErrors {
  return Object.values(local).some(Boolean) ? local : vault;
}

/**
 * Field errors for a policy draft as the user types: the form's own checks at once, then the
 * vault's validatePolicy (debounced, loaded on demand) for the rest, e.g. "The subject name
 * provided is not a valid X500 name".
 */
export function usePolicyCheck(draft: PolicyDraft, issuers: string[], touched: boolean): PolicyErrors {
  const [vaultErrors, setVaultErrors] = useState<PolicyErrors>({});
  useEffect(() => {
    if (!touched) return;
    let live = true;
    const timer = setTimeout(() => {
      checkPolicy(draftToPolicy(draft), issuers).then(
        (e) => {
          if (!live) return;
          if (!e) {
            setVaultErrors({});
            return;
          }
          const words = explainError(e);
          setVaultErrors({ [isPolicyField(words.field) ? words.field : 'policy']: words.message });
        },
        () => live && setVaultErrors({}),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft, issuers, touched]);
  if (!touched) return {};
  return policyErrorsToShow(draftErrors(draft), vaultErrors);
}
