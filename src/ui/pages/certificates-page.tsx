import { hrefFor } from '../state/router';

export function CertificatesPage() {
  return (
    <section aria-labelledby="certs-title">
      <h1 id="certs-title">Certificates</h1>
      <div class="empty-state">
        <p>This vault has no certificates yet.</p>
        <p>
          Create a key pair and a self-signed certificate or a CSR for your CA, or import a PFX or PEM file you already have.
        </p>
        <p class="actions">
          <a class="button primary" href={hrefFor('create')}>Create a certificate</a>
          <a class="button" href={hrefFor('import')}>Import a certificate</a>
        </p>
      </div>
    </section>
  );
}
