import { fileNameFor } from '../components/download';
import { ShowQrButton } from './show-qr-button';
import { SigningRecipesPanel } from './signing-recipes-panel';

/** A pending CSR across the air gap: as QR codes, and the commands that sign it on the other side. */
export function CsrTransfer(props: { name: string; csr: Uint8Array }) {
  const fileName = fileNameFor(props.name, 'csr');
  return (
    <>
      <p class="actions">
        <ShowQrButton
          label="Show as QR codes"
          payload={() => ({ what: `the CSR of “${props.name}”`, fileName, bytes: props.csr })}
        />
      </p>
      <SigningRecipesPanel name={props.name} fileBase={fileName.replace(/\.csr$/, '')} />
    </>
  );
}
