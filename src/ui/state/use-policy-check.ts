import { useEffect, useState } from 'preact/hooks';
import { explainError } from '../errors';
import { draftErrors, draftToPolicy, type PolicyDraft } from './policy-draft';
import { checkPolicy } from './vault-client';
import { isPolicyField, type PolicyErrors } from '../components/policy-form';

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
          if (!e) return setVaultErrors({});
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
  return { ...vaultErrors, ...draftErrors(draft) };
}
