import { useMemo } from 'preact/hooks';
import { useVaultQuery } from '../state/use-vault-query';
import { signingRecipes } from './signing-recipes';
import './transfer.css';

/**
 * The commands that sign this pending CSR with the admin's own CA (openssl, a Windows CA, step),
 * filled in with the CSR's file name and the policy's SANs and lifetime. Folded by default.
 */
export function SigningRecipesPanel(props: { name: string; fileBase: string }) {
  const policy = useVaultQuery((v) => v.getCertificatePolicy(props.name), [props.name]);
  const now = useMemo(() => new Date(), [policy.data]);
  if (!policy.data) return null;
  const recipes = signingRecipes(props.fileBase, policy.data, now);
  return (
    <details class="recipes" data-testid="signing-recipes">
      <summary>Signing recipes: openssl, certreq (Windows CA), step</summary>
      <p class="hint">
        Save the CSR as <code>{props.fileBase}.csr</code> on the CA side, run one recipe, and bring back the file it
        writes (the P7B carries the chain).
      </p>
      {recipes.map((r) => (
        <section key={r.tool} aria-labelledby={`recipe-${r.tool}`}>
          <h4 id={`recipe-${r.tool}`}>{r.title}</h4>
          <p class="hint">{r.note}</p>
          <pre data-testid={`recipe-${r.tool}`}>
            <code>{r.lines.join('\n')}</code>
          </pre>
        </section>
      ))}
    </details>
  );
}
